"""/reports/issued: the consolidated report issued with the next number of the agency's register, its
documents stored and served byte for byte as issued, whatever happens to the tasks afterwards; a wrong one
replaced; many issued at once, from two servers on one database, numbered without a gap or a repeat."""
from __future__ import annotations

import hashlib
import io
import subprocess
import tempfile
import threading
import unittest
import zipfile

from harness import DIALECT, ApiTestCase, Client, Server, skip_unless_database_available

ISSUED = "/api/v1/reports/issued"


def pdf_text(body: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(body)
        f.flush()
        return subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True,
                              check=True).stdout


@skip_unless_database_available
class IssuedReportsTest(ApiTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        t = cls()
        director = t.session("director")
        a = cls.agency
        program = t.create_source(director, "higher_program", "Chương trình công tác UBND tỉnh 2023")
        done = t.create_task(director, program, a.infra, "Sửa chữa cầu Trà Khúc", assigned_on="2023-07-03",
                             deadline="2023-08-25")["id"]
        assert director.post(f"/api/v1/tasks/{done}/complete", {"completed_on": "2023-08-20"}).status == 200
        cls.late = t.create_task(director, program, a.infra, "Lập quy hoạch bến xe", assigned_on="2023-07-03",
                                 deadline="2023-08-15")["id"]
        settings = {
            "period_convention": "calendar_month", "due_working_days": 3,
            "consolidating_org_id": a.planning, "agency_code": "SGTVT", "place_name": "Quảng Ngãi",
            "parent_line": "UBND TỈNH QUẢNG NGÃI", "agency_line": "SỞ GIAO THÔNG VẬN TẢI",
            "recipients": ["UBND tỉnh (b/c);", "Lưu: VT, KHTC."],
            "document_types": [{"name": "Báo cáo", "code": "BC"}],
            "signers": [{"person_id": t.person_of("director"), "authority": "", "title": "GIÁM ĐỐC"}],
        }
        r = t.session("admin").request("PUT", "/api/v1/report-settings", body=settings, headers={"If-Match": '"0"'})
        assert r.status == 200, r
        cls.director_person = t.person_of("director")

    def issue(self, client: Client, period: str, replaces: int | None = None):
        body = {"period": period, "signer_person_id": self.director_person}
        if replaces is not None:
            body["replaces_id"] = replaces
        return client.post(ISSUED, body)

    def test_issued_documents_never_change_and_a_replacement_names_the_old_one(self) -> None:
        consolidator = self.session("consolidator")
        preview = consolidator.get("/api/v1/reports/preview?period=2023-08")
        self.assertEqual((preview.status, preview.json["draft_version"]), (200, 0), preview)
        text = {k: "" for k in ("highlights", "shortcomings", "difficulties", "proposals", "next_period")}
        text["highlights"] = "Hoàn thành sửa chữa cầu Trà Khúc trước hạn."
        r = consolidator.request("PUT", "/api/v1/reports/draft", body={"period": "2023-08", **text},
                                 headers={"If-Match": '"0"'})
        self.assertEqual((r.status, r.headers["etag"], r.json["prose"]["highlights"]),
                         (200, '"1"', text["highlights"]), r)
        self.assertEqual(consolidator.request("PUT", "/api/v1/reports/draft", body={"period": "2023-08", **text},
                                              headers={"If-Match": '"0"'}).status, 412)

        coming = consolidator.get(f"{ISSUED}/next-number")
        self.assertEqual(coming.status, 200, coming)
        r = self.issue(consolidator, "2023-08")
        self.assertEqual(r.status, 201, r)
        first = r.json
        number = first["number_text"]
        self.assertEqual(number, coming.json["number_text"])
        self.assertRegex(number, r"^\d{2,}/BC-SGTVT$")
        self.assertEqual((first["signer"]["full_name"], first["formats"]), ("Nguyễn Văn Đình", ["docx", "pdf", "xlsx"]))
        self.assertEqual(first["report"]["totals"]["due_completed_ratio"], "01/02")
        self.assertEqual([t["title"] for t in first["report"]["overdue"]], ["Lập quy hoạch bến xe"])

        # Anyone in the agency reads it; the province's people, of another agency, do not.
        self.assertError(self.session("viewer").get(f"{ISSUED}/{first['id']}/pdf"), 404, "not_found")
        self.assertEqual(self.session("viewer").get(ISSUED).json["items"], [])
        viewer = self.session("infra_specialist")
        pdf = viewer.get(f"{ISSUED}/{first['id']}/pdf")
        self.assertEqual((pdf.status, pdf.headers["content-type"]), (200, "application/pdf"), pdf)
        self.assertEqual(pdf.headers["etag"], '"' + hashlib.sha256(pdf.raw).hexdigest() + '"')
        self.assertIn("immutable", pdf.headers["cache-control"])
        self.assertEqual(viewer.get(f"{ISSUED}/{first['id']}/pdf", headers={"If-None-Match": pdf.headers["etag"]}).status,
                         304)
        printed = pdf_text(pdf.raw)
        for line in (f"Số: {number}", "BÁO CÁO", "Kết quả thực hiện nhiệm vụ tháng 8/2023",
                     "hoàn thành 01/02", "Lập quy hoạch bến xe", "Hoàn thành sửa chữa cầu Trà Khúc trước hạn.",
                     "GIÁM ĐỐC", "Nguyễn Văn Đình"):
            self.assertIn(line, printed)
        self.assertNotIn("DỰ THẢO", printed)
        docx = viewer.get(f"{ISSUED}/{first['id']}/docx")
        self.assertEqual(docx.status, 200, docx)
        with zipfile.ZipFile(io.BytesIO(docx.raw)) as z:
            self.assertIn(f"Số: {number}", z.read("word/document.xml").decode())

        # The overdue task is completed afterwards: the preview follows, the issued report does not.
        director = self.session("director")
        self.assertEqual(director.post(f"/api/v1/tasks/{self.late}/complete",
                                       {"completed_on": "2023-08-14"}).status, 200)
        self.assertEqual(consolidator.get("/api/v1/reports/preview?period=2023-08").json["totals"]
                         ["due_completed_ratio"], "02/02")
        self.assertEqual(viewer.get(f"{ISSUED}/{first['id']}").json, first)
        self.assertEqual(viewer.get(f"{ISSUED}/{first['id']}/pdf").raw, pdf.raw)
        self.assertEqual(viewer.get(f"{ISSUED}/{first['id']}/docx").raw, docx.raw)
        xlsx = viewer.get(f"{ISSUED}/{first['id']}/xlsx")
        self.assertEqual(xlsx.status, 200, xlsx)
        self.assertEqual(viewer.get(f"{ISSUED}/{first['id']}/xlsx").raw, xlsx.raw)
        with zipfile.ZipFile(io.BytesIO(xlsx.raw)) as z:
            self.assertIn("Lập quy hoạch bến xe", z.read("xl/sharedStrings.xml").decode())

        self.assertError(self.issue(consolidator, "2023-08"), 409, "report_already_issued")
        r = self.issue(consolidator, "2023-08", replaces=first["id"])
        self.assertEqual(r.status, 201, r)
        self.assertEqual((r.json["replaces"]["id"], r.json["report"]["totals"]["due_completed_ratio"]),
                         (first["id"], "02/02"))
        changes = viewer.get(f"{ISSUED}/{r.json['id']}/changes")
        self.assertEqual(changes.status, 200, changes)
        self.assertEqual(changes.json["previous"]["id"], first["id"])
        self.assertEqual([t["title"] for t in changes.json["no_longer_overdue"]], ["Lập quy hoạch bến xe"])
        self.assertEqual(changes.json["figures"][0]["key"], "total")
        self.assertEqual((changes.json["figures"][0]["before"]["overdue"], changes.json["figures"][0]["after"]["overdue"]),
                         (1, 0))
        old = viewer.get(f"{ISSUED}/{first['id']}").json
        self.assertEqual(old["replaced_by"]["id"], r.json["id"])
        self.assertEqual(old["report"], first["report"])
        listed = viewer.get(f"{ISSUED}").json["items"]
        self.assertIn(first["id"], [i["id"] for i in listed])

    def test_refusals_are_named(self) -> None:
        self.assertError(self.issue(self.session("infra_head"), "2023-06"), 403, "forbidden")
        self.assertError(self.session("consolidator").post(ISSUED, {"period": "2023-06", "signer_person_id": 999999}),
                         422, "validation_failed", "signer_person_id", "not_found")
        self.assertError(self.session("consolidator").post(ISSUED, {"period": "2023-06"}), 422,
                         "validation_failed", "signer_person_id", "required")
        self.assertError(self.session("viewer").get(f"{ISSUED}/999999"), 404, "not_found")
        self.assertError(self.session("viewer").get(f"{ISSUED}?year=23"), 422, "validation_failed", "year", "invalid")

    def test_issues_at_once_from_two_servers_are_numbered_without_gap_or_repeat(self) -> None:
        # Two servers on one PostgreSQL; on SQLite one server, whose writers queue on the file.
        servers = [self.server] + ([Server(self.db)] if DIALECT == "postgres" else [])
        try:
            clients = []
            for i in range(4):
                c = Client(servers[i % len(servers)])
                self.assertEqual(c.login(self.agency.usernames["consolidator"]).status, 200)
                clients.append(c)
            periods = [f"2022-{m:02d}" for m in range(1, 13)] + [f"2022-Q{q}" for q in range(1, 5)] + \
                ["2022", "2022-M06", "2022-M08", "2022-M09"]
            answers: dict[str, object] = {}

            def issue_every_fourth(k: int) -> None:
                for period in periods[k::4]:
                    answers[period] = self.issue(clients[k], period)

            threads = [threading.Thread(target=issue_every_fourth, args=(k,)) for k in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            numbers = []
            for period in periods:
                r = answers[period]
                self.assertEqual(r.status, 201, f"{period}: {r!r}")
                numbers.append(r.json["number"])
            numbers.sort()
            self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 20)))
        finally:
            for s in servers[1:]:
                s.stop()


if __name__ == "__main__":
    unittest.main()
