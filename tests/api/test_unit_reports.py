"""/unit-reports and /notices: a unit writes its monthly report from its tasks as they stood at the
period's end, submits it, has it returned and accepted; the consolidating division watches the board
and reminds the units that are late."""
from __future__ import annotations

import io
import subprocess
import tempfile
import unittest
import zipfile

from harness import ApiTestCase, skip_unless_database_available

REPORTS = "/api/v1/unit-reports"
PROSE = {"highlights": "Hoàn thành sửa chữa cầu Trà Khúc", "shortcomings": "", "difficulties": "Thiếu kinh phí",
         "proposals": "Đề nghị bổ sung vốn", "next_period": ""}


@skip_unless_database_available
class UnitReportsTest(ApiTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        t = cls()
        director = t.session("director")
        a = cls.agency
        program = t.create_source(director, "higher_program", "Chương trình công tác UBND tỉnh 2023")

        def task(title, lead, due, cooperators=()):
            return t.create_task(director, program, lead, title, cooperator_ids=list(cooperators),
                                 assigned_on="2023-07-03", deadline=due)["id"]

        done = task("Sửa chữa cầu Trà Khúc", a.infra, "2023-08-25")
        assert director.post(f"/api/v1/tasks/{done}/complete", {"completed_on": "2023-08-20"}).status == 200
        late = task("Lập quy hoạch bến xe", a.infra, "2023-08-15")
        r = director.post(f"/api/v1/tasks/{late}/updates",
                          {"reported_on": "2023-08-28", "body": "Đang lấy ý kiến các sở", "percent": 60})
        assert r.status == 201, r
        task("Kiểm tra tải trọng xe", a.transport, "2023-08-31", cooperators=[a.infra])
        task("Đề án giao thông thông minh", a.infra, "2023-09-20")

    def open(self, role: str, org: int, period: str = "2023-08"):
        return self.session(role).post(REPORTS, {"organization_id": org, "period": period})

    def test_the_report_lists_the_units_tasks_at_the_periods_end(self) -> None:
        r = self.open("infra_specialist", self.agency.infra)
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["id"], r.json["state"]), (0, "not_started"), "a specialist only previews it")
        self.assertEqual(r.json["due_on"], "2023-09-07")  # three working days after Thursday 31/08; 01-04/09 off
        lead = r.json["lead"]
        self.assertEqual([t["title"] for t in lead["completed"]], ["Sửa chữa cầu Trà Khúc"])
        self.assertEqual([t["title"] for t in lead["not_completed"]], ["Lập quy hoạch bến xe"])
        self.assertEqual((lead["not_completed"][0]["note"], lead["not_completed"][0]["progress"]),
                         ("Đang lấy ý kiến các sở", 60))
        self.assertEqual([t["title"] for t in lead["due_next_period"]], ["Đề án giao thông thông minh"])
        self.assertEqual([t["title"] for t in r.json["cooperating"]["not_completed"]], ["Kiểm tra tải trọng xe"])
        figures = r.json["figures"]
        self.assertEqual((figures["due"], figures["due_completed_ratio"], figures["overdue"]), (2, "01/02", 1))

    def test_from_draft_to_accepted(self) -> None:
        head, consolidator = self.session("transport_head"), self.session("consolidator")
        r = self.open("transport_head", self.agency.transport)
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["state"], r.headers["etag"]), ("draft", '"1"'))
        url = f"{REPORTS}/{r.json['id']}"
        self.assertError(head.request("PUT", url, body=PROSE), 428, "precondition_required")
        r = head.request("PUT", url, body=PROSE, headers={"If-Match": '"1"'})
        self.assertEqual((r.status, r.json["prose"]), (200, PROSE), r)
        r = head.request("POST", url + "/submit", body={}, headers={"If-Match": r.headers["etag"]})
        self.assertEqual((r.status, r.json["state"]), (200, "submitted"), r)
        self.assertError(head.request("PUT", url, body=PROSE, headers={"If-Match": r.headers["etag"]}),
                         409, "unit_report_locked")
        self.assertError(consolidator.request("POST", url + "/return", body={}, headers={"If-Match": r.headers["etag"]}),
                         422, "validation_failed", "comment", "required")
        r = consolidator.request("POST", url + "/return", body={"comment": "Bổ sung số liệu"},
                                 headers={"If-Match": r.headers["etag"]})
        self.assertEqual((r.status, r.json["state"], r.json["return_comment"]), (200, "returned", "Bổ sung số liệu"), r)
        r = head.request("POST", url + "/submit", body={}, headers={"If-Match": r.headers["etag"]})
        self.assertEqual(r.status, 200, r)
        self.assertError(head.request("POST", url + "/accept", body={}, headers={"If-Match": r.headers["etag"]}),
                         403, "forbidden")
        r = consolidator.request("POST", url + "/accept", body={}, headers={"If-Match": r.headers["etag"]})
        self.assertEqual((r.status, r.json["state"]), (200, "accepted"), r)
        self.assertEqual([e["action"] for e in r.json["history"]],
                         ["created", "updated", "submitted", "returned", "submitted", "accepted"])
        self.assertEqual(r.json["history"][3]["after"], {"state": "returned", "comment": "Bổ sung số liệu"})
        self.assertError(self.session("viewer").get(url), 404, "not_found")  # the province sees nothing of it

        board = consolidator.get(f"{REPORTS}?period=2023-08")
        self.assertEqual(board.status, 200, board)
        states = {u["organization"]["id"]: u for u in board.json["units"]}
        self.assertEqual(states[self.agency.transport]["state"], "accepted")
        self.assertEqual(states[self.agency.planning]["state"], "not_started")
        self.assertGreater(states[self.agency.planning]["working_days_late"], 0)
        self.assertTrue(board.json["can_remind"])

    def test_a_reminder_reaches_the_units_head(self) -> None:
        r = self.session("consolidator").post(f"{REPORTS}/reminders",
                                              {"organization_id": self.agency.infra, "period": "2023-08"})
        self.assertEqual((r.status, r.json), (200, {"notified": 1}), r)
        head = self.session("infra_head")
        notices = head.get("/api/v1/notices")
        self.assertEqual(notices.status, 200, notices)
        self.assertGreaterEqual(notices.json["unread"], 1)
        notice = notices.json["items"][0]
        self.assertEqual(notice["kind"], "unit_report_reminder")
        self.assertEqual((notice["params"]["period"], notice["params"]["organization_id"]), ("2023-08", self.agency.infra))
        self.assertEqual(notice["from"]["name"], "Trần Thị Hoa")
        self.assertError(self.session("infra_specialist").post(f"/api/v1/notices/{notice['id']}/read"),
                         404, "not_found")
        r = head.post(f"/api/v1/notices/{notice['id']}/read")
        self.assertEqual(r.status, 200, r)
        self.assertIsNotNone(r.json["read_at"])
        self.assertError(self.session("infra_head").post(f"{REPORTS}/reminders",
                                                         {"organization_id": self.agency.transport,
                                                          "period": "2023-08"}), 403, "forbidden")

    def test_the_consolidated_preview_counts_as_the_statistics_do(self) -> None:
        director = self.session("director")
        r = director.get("/api/v1/reports/preview?period=2023-08")
        self.assertEqual(r.status, 200, r)
        stats = director.get("/api/v1/stats?as_of=2023-08-31")
        self.assertEqual(stats.status, 200, stats)
        # Every task here was assigned in 2023, so the report's scope and the statistics' are one.
        cumulative = r.json["totals"]["cumulative"]
        self.assertEqual(cumulative, {k: stats.json[k] for k in cumulative})
        for unit in r.json["by_unit"]:
            led = director.get(f"/api/v1/stats?as_of=2023-08-31&org={unit['organization']['id']}&org_role=lead")
            self.assertEqual(unit["figures"]["cumulative"]["total"], led.json["total"], unit)
        self.assertEqual((r.json["totals"]["due"], r.json["totals"]["due_completed_ratio"]), (3, "01/03"))
        self.assertEqual([t["title"] for t in r.json["overdue"]], ["Lập quy hoạch bến xe", "Kiểm tra tải trọng xe"])
        self.assertEqual(r.json["overdue"][0]["note"], "Đang lấy ý kiến các sở")
        self.assertError(director.get("/api/v1/reports/preview"), 422, "validation_failed", "period", "required")

    def test_the_draft_prints_the_previews_figures(self) -> None:
        consolidator = self.session("consolidator")
        preview = consolidator.get("/api/v1/reports/preview?period=2023-08").json
        ratio = preview["totals"]["due_completed_ratio"]

        r = consolidator.get("/api/v1/reports/preview.pdf?period=2023-08")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["content-type"], "application/pdf")
        self.assertIn('filename="bao-cao-2023-08-du-thao.pdf"', r.headers["content-disposition"])
        self.assertEqual(r.headers["cache-control"], "no-store")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(r.raw)
            f.flush()
            text = subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True,
                                  check=True).stdout
        for line in ("DỰ THẢO", "BÁO CÁO", "Kết quả thực hiện nhiệm vụ tháng 8/2023", f"hoàn thành {ratio}",
                     "II. NHIỆM VỤ QUÁ HẠN", "Lập quy hoạch bến xe", "Đang lấy ý kiến các sở"):
            self.assertIn(line, text)

        r = consolidator.get("/api/v1/reports/preview.docx?period=2023-08")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["content-type"],
                         "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        with zipfile.ZipFile(io.BytesIO(r.raw)) as z:
            xml = z.read("word/document.xml").decode()
        for line in ("DỰ THẢO", f"hoàn thành {ratio}", "Lập quy hoạch bến xe"):
            self.assertIn(line, xml)

        self.assertError(consolidator.get("/api/v1/reports/preview.pdf"), 422, "validation_failed", "period",
                         "required")
        self.assertError(consolidator.get("/api/v1/reports/preview.docx?period=2023-8"), 422, "validation_failed",
                         "period", "invalid")

    def test_mistakes_are_named(self) -> None:
        self.assertError(self.session("consolidator").get(f"{REPORTS}"), 422, "validation_failed", "period", "required")
        self.assertError(self.session("consolidator").get(f"{REPORTS}?period=2023-8"), 422, "validation_failed",
                         "period", "invalid")
        self.assertError(self.session("consolidator").get(f"{REPORTS}?period=2023-08&unit=3"), 422,
                         "validation_failed", "unit", "unknown_parameter")
        self.assertError(self.session("consolidator").get("/api/v1/reports/preview?period=2023&period=2024"), 422,
                         "validation_failed", "period", "unknown_parameter")
        self.assertError(self.open("infra_head", self.agency.infra, "2099-01"), 422, "validation_failed",
                         "period", "not_started")
        self.assertError(self.open("infra_head", self.agency.province), 422, "validation_failed",
                         "organization_id", "not_found")
        self.assertError(self.session("infra_head").post(REPORTS, {"organization_id": self.agency.infra}), 422,
                         "validation_failed", "period", "required")


if __name__ == "__main__":
    unittest.main()
