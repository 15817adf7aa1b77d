"""A task as of a past date D shows only what was true on D, and every business date is recorded.

Two twin tasks get the same facts up to D; one of them then lives on (more progress, a decided
extension, an answered explanation, completion). As of D the twins must look the same in every
view: the task page, its progress reports, its history, the list and the Excel export. What the
later facts add is counted, so a reader knows there is more, and seen when the date moves on.
"""
from __future__ import annotations

import datetime
import unittest
import zoneinfo

from harness import ApiTestCase, skip_unless_database_available
from test_export import sheet_rows

TASKS = "/api/v1/tasks"
D = "2023-08-31"
# What differs between two tasks with the same facts: identities, recording times and versions.
VOLATILE = {"id", "title", "version", "recorded_at", "requested_at", "decided_at", "answered_at",
            "permissions", "later_facts"}


def agency_today() -> str:
    return datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")).date().isoformat()


def comparable(value):
    if isinstance(value, dict):
        return {k: comparable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [comparable(v) for v in value]
    return value


@skip_unless_database_available
class PastViewsTest(ApiTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        t = cls()
        director, head = t.session("director"), t.session("infra_head")
        cls.source = t.create_source(director, "ad_hoc", "Công văn 77/UBND-KT", doc_number="77/UBND-KT")
        cls.twins = {}
        for name in ("lives_on", "stops_at_d"):
            task = t.create_task(director, cls.source, cls.agency.infra, f"Cải tạo cầu {name}",
                                 assigned_on="2023-08-01", deadline="2023-09-15")
            tid = task["id"]
            cls.twins[name] = tid

            def ok(r, status=201):
                assert r.status == status, r
                return r.json

            ok(head.post(f"{TASKS}/{tid}/updates", {"reported_on": "2023-08-10", "body": "Khảo sát hiện trạng",
                                                    "percent": 20}))
            ok(head.post(f"{TASKS}/{tid}/updates", {"reported_on": "2023-08-25", "body": "Lập dự toán",
                                                    "percent": 40}))
            ext = ok(head.post(f"{TASKS}/{tid}/extensions", {"requested_on": "2023-08-28",
                                                             "requested_deadline": "2023-10-15",
                                                             "reason": "Chờ thẩm định giá"}))["extensions"][0]["id"]
            ok(director.post(f"{TASKS}/{tid}/explanations", {"question": "Vì sao phải gia hạn?",
                                                             "requested_on": "2023-08-29"}))
            if name == "lives_on":
                ok(head.post(f"{TASKS}/{tid}/updates", {"reported_on": "2023-09-05", "body": "Đã có dự thảo",
                                                        "percent": 80}))
                ok(director.post(f"{TASKS}/{tid}/extensions/{ext}/decision",
                                 {"decision": "approved", "decided_on": "2023-09-02", "note": "Đồng ý"}), 200)
                xid = t.session("director").get(f"{TASKS}/{tid}").json["explanations"][0]["id"]
                ok(head.post(f"{TASKS}/{tid}/explanations/{xid}/answer",
                             {"answer": "Giá vật liệu biến động", "answered_on": "2023-09-04"}), 200)
                ok(head.post(f"{TASKS}/{tid}/complete", {"completed_on": "2023-09-10",
                                                         "result_doc_number": "215/BC-QLKCHT",
                                                         "result_doc_date": "2023-09-10",
                                                         "note": "Đã xong"}), 200)

    def setUp(self) -> None:
        self.director = self.session("director")

    def view(self, name: str, as_of: str | None = None) -> dict:
        q = f"?as_of={as_of}" if as_of else ""
        r = self.director.get(f"{TASKS}/{self.twins[name]}{q}")
        self.assertEqual(r.status, 200, r)
        return r.json

    # --- the task page ---------------------------------------------------------------------------

    def test_the_task_page_as_of_d_shows_only_what_was_true_on_d(self):
        past = self.view("lives_on", D)
        self.assertEqual(past["as_of"], D)
        self.assertIsNone(past["completed_on"])
        self.assertEqual((past["result_doc_number"], past["result_doc_date"], past["completion_note"]), ("", None, ""))
        self.assertEqual(past["status"], "in_progress")
        self.assertEqual(past["progress"], 40, "the latest report dated by D gave 40%")
        self.assertEqual([u["reported_on"] for u in past["updates"]], ["2023-08-25", "2023-08-10"])
        self.assertEqual(past["deadline_in_force"], "2023-09-15")
        self.assertFalse(past["extended"])
        [ext] = past["extensions"]
        self.assertEqual((ext["state"], ext["decided_on"], ext["decided_by"], ext["effective_on"]),
                         ("pending", None, None, None))
        self.assertEqual(ext["requested_on"], "2023-08-28")
        [x] = past["explanations"]
        self.assertEqual((x["requested_on"], x["answer"], x["answered_on"]), ("2023-08-29", None, None))
        # The later progress report, the decision, the answer and the completion.
        self.assertEqual(past["later_facts"], 4)

    def test_twins_with_the_same_facts_up_to_d_look_the_same_as_of_d(self):
        self.assertEqual(comparable(self.view("lives_on", D)), comparable(self.view("stops_at_d", D)))
        self.assertEqual(self.view("stops_at_d", D)["later_facts"], 0)

    def test_the_page_moves_on_with_the_date(self):
        on_sept_3 = self.view("lives_on", "2023-09-03")
        self.assertEqual(on_sept_3["extensions"][0]["state"], "approved")
        self.assertEqual(on_sept_3["deadline_in_force"], "2023-10-15")
        self.assertIsNone(on_sept_3["explanations"][0]["answer"])
        self.assertEqual(on_sept_3["progress"], 40)
        self.assertEqual(on_sept_3["later_facts"], 3)
        now = self.view("lives_on")
        self.assertEqual((now["completed_on"], now["progress"], now["later_facts"]), ("2023-09-10", 100, 0))
        self.assertEqual(now["result_doc_number"], "215/BC-QLKCHT")
        self.assertEqual(now["explanations"][0]["answered_on"], "2023-09-04")

    def test_progress_reports_and_history_as_of_d(self):
        tid = self.twins["lives_on"]
        r = self.director.get(f"{TASKS}/{tid}/updates?as_of={D}")
        self.assertEqual(r.status, 200, r)
        self.assertEqual([u["body"] for u in r.json["items"]], ["Lập dự toán", "Khảo sát hiện trạng"])

        past = self.director.get(f"{TASKS}/{tid}/history?as_of={D}")
        self.assertEqual(past.status, 200, past)
        twin = self.director.get(f"{TASKS}/{self.twins['stops_at_d']}/history").json
        self.assertEqual([e["action"] for e in past.json["items"]], [e["action"] for e in twin["items"]])
        self.assertEqual(past.json["later"], 4)
        self.assertTrue(all(e["occurred_on"] <= D for e in past.json["items"]))
        full = self.director.get(f"{TASKS}/{tid}/history").json
        self.assertEqual(full["later"], 0)
        self.assertEqual([e["occurred_on"] for e in full["items"]][-4:],
                         ["2023-09-05", "2023-09-02", "2023-09-04", "2023-09-10"])
        self.assertError(self.director.get(f"{TASKS}/{tid}/history?as_of=31-08-2023"), 422, "validation_failed",
                         "as_of", "invalid_date")
        self.assertError(self.director.get(f"{TASKS}/{tid}/history?since=2023-01-01"), 422, "validation_failed",
                         "since", "unknown_parameter")

    # --- lists and the export --------------------------------------------------------------------

    def list_rows(self, as_of: str) -> dict:
        r = self.director.get(f"{TASKS}?source={self.source}&as_of={as_of}")
        self.assertEqual(r.status, 200, r)
        return {t["id"]: t for t in r.json["items"]}

    def test_the_list_as_of_d_shows_each_row_as_it_stood(self):
        rows = self.list_rows(D)
        lives_on, stops = rows[self.twins["lives_on"]], rows[self.twins["stops_at_d"]]
        self.assertIsNone(lives_on["completed_on"])
        self.assertEqual(lives_on["progress"], 40)
        self.assertEqual(comparable(lives_on), comparable(stops))
        later = self.list_rows("2023-09-30")[self.twins["lives_on"]]
        self.assertEqual((later["completed_on"], later["progress"]), ("2023-09-10", 100))
        between = self.list_rows("2023-09-06")[self.twins["lives_on"]]
        self.assertEqual((between["completed_on"], between["progress"]), (None, 80))

    def test_a_cancellation_dated_later_is_not_shown_before_it(self):
        tid = self.create_task(self.director, self.source, self.agency.infra, "Nhiệm vụ rút sau",
                               assigned_on="2023-08-01", deadline="2023-12-31")["id"]
        r = self.director.post(f"{TASKS}/{tid}/cancel", {"kind": "withdrawn", "cancelled_on": "2023-10-01",
                                                         "reason": "Không còn phù hợp"})
        self.assertEqual(r.status, 200, r)
        past = self.view_id(tid, D)
        self.assertEqual((past["cancelled_on"], past["cancel_kind"], past["cancel_reason"], past["status"]),
                         (None, None, "", "in_progress"))
        self.assertEqual(past["later_facts"], 1)
        self.assertIsNone(self.list_rows(D)[tid]["cancelled_on"])
        self.assertEqual(self.list_rows("2023-10-01")[tid]["cancelled_on"], "2023-10-01")

    def view_id(self, tid: int, as_of: str) -> dict:
        r = self.director.get(f"{TASKS}/{tid}?as_of={as_of}")
        self.assertEqual(r.status, 200, r)
        return r.json

    def test_the_export_as_of_d_does_not_show_later_facts(self):
        def exported(as_of: str) -> list[str]:
            r = self.director.get(f"{TASKS}/export.xlsx?source={self.source}&as_of={as_of}&sort=title")
            self.assertEqual(r.status, 200, r)
            return next(row for row in sheet_rows(r.raw) if any("lives_on" in cell for cell in row))

        # Columns: ..., 10 completed on (an Excel date serial), 11 progress.
        self.assertEqual(exported(D)[10:12], ["", "40"])
        september_10 = str((datetime.date(2023, 9, 10) - datetime.date(1899, 12, 30)).days)
        self.assertEqual(exported("2023-09-30")[10:12], [september_10, "100"])


@skip_unless_database_available
class BusinessDatesTest(ApiTestCase):
    """Every business date a request carries is recorded; none is accepted and dropped."""

    def setUp(self) -> None:
        self.director = self.session("director")
        self.head = self.session("infra_head")
        if "source" not in self.__class__.__dict__:
            self.__class__.source = self.create_source(self.director, "ad_hoc", "Công văn 88/UBND")

    def new_task(self) -> int:
        return self.create_task(self.director, self.source, self.agency.infra, "Nhiệm vụ có ngày",
                                assigned_on="2023-08-01", deadline="2023-09-15")["id"]

    def request(self, tid: int, **fields) -> dict:
        r = self.head.post(f"{TASKS}/{tid}/extensions", {"requested_deadline": "2023-10-15",
                                                         "reason": "Chờ vốn", **fields})
        self.assertEqual(r.status, 201, r)
        return r.json["extensions"][-1]

    def test_an_extension_request_keeps_its_date(self):
        tid = self.new_task()
        ext = self.request(tid, requested_on="2023-08-20")
        self.assertEqual(ext["requested_on"], "2023-08-20")
        self.assertEqual(ext["previous_deadline"], "2023-09-15")
        history = self.director.get(f"{TASKS}/{tid}/history").json["items"]
        self.assertEqual(history[-1]["occurred_on"], "2023-08-20")
        before = agency_today()
        today = self.request(self.new_task())
        self.assertIn(today["requested_on"], {before, agency_today()}, "the default is the agency's today")
        for bad, code in (("2999-01-01", "in_future"), ("2023-07-31", "before_assigned_on"), ("2023-13-01", None)):
            with self.subTest(requested_on=bad):
                r = self.head.post(f"{TASKS}/{self.new_task()}/extensions",
                                   {"requested_on": bad, "requested_deadline": "2023-10-15", "reason": "x"})
                self.assertError(r, 422, "validation_failed", "requested_on", code)

    def test_the_list_finds_requests_awaiting_a_decision_as_of_a_date(self):
        source = self.create_source(self.director, "ad_hoc", "Công văn 99/UBND-KT")

        def task(title: str) -> int:
            return self.create_task(self.director, source, self.agency.infra, title,
                                    assigned_on="2023-08-01", deadline="2023-09-15")["id"]

        waiting, refused, without = task("Chờ duyệt"), task("Đã từ chối"), task("Không đề nghị")
        self.request(waiting, requested_on="2023-08-20")
        ext = self.request(refused, requested_on="2023-08-20")
        r = self.director.post(f"{TASKS}/{refused}/extensions/{ext['id']}/decision",
                               {"decision": "refused", "decided_on": "2023-08-25"})
        self.assertEqual(r.status, 200, r)

        def listed(flag: str, as_of: str) -> set[int]:
            r = self.director.get(f"{TASKS}?source={source}&extension_pending={flag}&as_of={as_of}")
            self.assertEqual(r.status, 200, r)
            return {t["id"] for t in r.json["items"]}

        self.assertEqual(listed("true", "2023-09-01"), {waiting})
        self.assertEqual(listed("true", "2023-08-24"), {waiting, refused}, "not yet decided on D")
        self.assertEqual(listed("true", "2023-08-19"), set(), "not yet asked on D")
        self.assertEqual(listed("false", "2023-09-01"), {refused, without})
        stats = self.director.get(f"/api/v1/stats?source={source}&extension_pending=1&as_of=2023-09-01")
        self.assertEqual(stats.status, 200, stats)
        self.assertEqual(stats.json["total"], 1)
        self.assertIn("extension_pending=true", stats.json["tasks_url"])
        self.assertError(self.director.get(f"{TASKS}?extension_pending=maybe"), 422,
                         "validation_failed", "extension_pending")

    def test_a_refusal_keeps_its_date_and_refuses_an_effective_date(self):
        tid = self.new_task()
        ext = self.request(tid, requested_on="2023-08-20")
        r = self.director.post(f"{TASKS}/{tid}/extensions/{ext['id']}/decision",
                               {"decision": "refused", "decided_on": "2023-08-25", "effective_on": "2023-08-25"})
        self.assertError(r, 422, "validation_failed", "effective_on", "not_applicable")
        r = self.director.post(f"{TASKS}/{tid}/extensions/{ext['id']}/decision",
                               {"decision": "refused", "decided_on": "2023-08-19"})
        self.assertError(r, 422, "validation_failed", "decided_on", "before_requested_on")
        r = self.director.post(f"{TASKS}/{tid}/extensions/{ext['id']}/decision",
                               {"decision": "refused", "decided_on": "2023-08-25", "note": "Không đủ căn cứ"})
        self.assertEqual(r.status, 200, r)
        decided = r.json["extensions"][0]
        self.assertEqual((decided["state"], decided["decided_on"], decided["effective_on"]),
                         ("refused", "2023-08-25", None))
        before = self.director.get(f"{TASKS}/{tid}?as_of=2023-08-24").json["extensions"][0]
        self.assertEqual((before["state"], before["decided_on"]), ("pending", None))

    def test_an_approval_takes_effect_on_its_decision_date_unless_told_otherwise(self):
        tid = self.new_task()
        ext = self.request(tid, requested_on="2023-08-20")
        r = self.director.post(f"{TASKS}/{tid}/extensions/{ext['id']}/decision",
                               {"decision": "approved", "decided_on": "2023-08-22"})
        self.assertEqual(r.status, 200, r)
        decided = r.json["extensions"][0]
        self.assertEqual((decided["decided_on"], decided["effective_on"]), ("2023-08-22", "2023-08-22"))
        self.assertEqual(self.director.get(f"{TASKS}/{tid}?as_of=2023-08-22").json["deadline_in_force"], "2023-10-15")
        self.assertEqual(self.director.get(f"{TASKS}/{tid}?as_of=2023-08-21").json["deadline_in_force"], "2023-09-15")

    def test_an_approval_cannot_take_effect_before_it_was_decided(self):
        """A deadline moved back to before the decision would rewrite figures already read out."""
        tid = self.new_task()
        ext = self.request(tid, requested_on="2023-08-20")
        past = self.director.get(f"/api/v1/stats?as_of=2023-09-20&source={self.source}").json
        r = self.director.post(f"{TASKS}/{tid}/extensions/{ext['id']}/decision",
                               {"decision": "approved", "decided_on": "2023-09-25", "effective_on": "2023-08-01"})
        self.assertError(r, 422, "validation_failed", "effective_on", "before_decided_on")
        self.assertEqual([f["field"] for f in r.json["fields"]], ["effective_on"])
        r = self.director.post(f"{TASKS}/{tid}/extensions/{ext['id']}/decision",
                               {"decision": "approved", "decided_on": "2999-01-01"})
        self.assertEqual([f["field"] for f in r.json["fields"]], ["decided_on"], "only the field that was sent")
        r = self.director.post(f"{TASKS}/{tid}/extensions/{ext['id']}/decision",
                               {"decision": "approved", "decided_on": "2023-09-25"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.director.get(f"/api/v1/stats?as_of=2023-09-20&source={self.source}").json, past)

    def test_a_request_made_later_counts_with_its_decision(self):
        tid = self.new_task()
        ext = self.request(tid, requested_on="2023-08-20")
        r = self.director.post(f"{TASKS}/{tid}/extensions/{ext['id']}/decision",
                               {"decision": "refused", "decided_on": "2023-08-25"})
        self.assertEqual(r.status, 200, r)
        r = self.director.post(f"{TASKS}/{tid}/explanations", {"question": "Vì sao?", "requested_on": "2023-08-21"})
        xid = r.json["explanations"][0]["id"]
        self.assertEqual(self.head.post(f"{TASKS}/{tid}/explanations/{xid}/answer",
                                        {"answer": "Thiếu vốn", "answered_on": "2023-08-22"}).status, 200)
        for as_of, later in (("2023-08-19", 4), ("2023-08-21", 2), ("2023-08-22", 1), ("2023-08-25", 0)):
            with self.subTest(as_of=as_of):
                view = self.director.get(f"{TASKS}/{tid}?as_of={as_of}").json
                history = self.director.get(f"{TASKS}/{tid}/history?as_of={as_of}").json
                self.assertEqual(view["later_facts"], later)
                self.assertEqual(history["later"], later)

    def test_a_result_document_cannot_be_dated_in_the_future(self):
        r = self.head.post(f"{TASKS}/{self.new_task()}/complete",
                           {"completed_on": "2023-08-20", "result_doc_number": "1/BC", "result_doc_date": "2999-01-01"})
        self.assertError(r, 422, "validation_failed", "result_doc_date", "in_future")

    def test_explanations_keep_the_dates_they_were_asked_and_answered(self):
        tid = self.new_task()
        r = self.director.post(f"{TASKS}/{tid}/explanations", {"question": "Vì sao chậm?", "requested_on": "2023-08-20"})
        self.assertEqual(r.status, 201, r)
        x = r.json["explanations"][0]
        self.assertEqual(x["requested_on"], "2023-08-20")
        r = self.head.post(f"{TASKS}/{tid}/explanations/{x['id']}/answer", {"answer": "Thiếu vốn", "answered_on": "2023-08-19"})
        self.assertError(r, 422, "validation_failed", "answered_on", "before_requested_on")
        r = self.head.post(f"{TASKS}/{tid}/explanations/{x['id']}/answer", {"answer": "Thiếu vốn", "answered_on": "2023-08-21"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["explanations"][0]["answered_on"], "2023-08-21")

    def test_no_query_parameter_is_accepted_and_ignored(self):
        tid = self.new_task()
        for method, path, body in (
                ("GET", "/api/v1/me", None), ("GET", "/api/v1/users", None),
                ("GET", f"/api/v1/sources/{self.source}", None),
                ("GET", f"/api/v1/organizations/{self.agency.infra}", None),
                ("POST", f"{TASKS}/{tid}/explanations", {"question": "Vì sao?"}),
                ("GET", "/api/v1/health", None)):
            with self.subTest(method=method, path=path):
                r = self.director.request(method, path + "?dry_run=1", body)
                self.assertError(r, 422, "validation_failed", "dry_run", "unknown_parameter")
        r = self.director.get("/api/v1/organizations?include_expired=yes")
        self.assertError(r, 422, "validation_failed", "include_expired", "invalid")
        self.assertEqual(self.director.get("/api/v1/organizations?include_expired=true").status, 200)
        # Nothing was created by the refused request.
        self.assertEqual(self.director.get(f"{TASKS}/{tid}").json["explanations"], [])


if __name__ == "__main__":
    unittest.main()
