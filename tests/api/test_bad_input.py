"""Malformed, oversized, unauthorised and forbidden requests: each gets a clear 4xx with a JSON body
{code, message} (Vietnamese by default, English with Accept-Language: en), and nothing is half-written.
"""
import base64
import hashlib
import os
import socket
import time
import unittest
import urllib.parse

from harness import (ApiTestCase, Server, parse_raw_response, raw_exchange,
                     skip_unless_database_available)

TASKS = "/api/v1/tasks"
STATS = "/api/v1/stats"
SOURCES = "/api/v1/sources"

# The smallest files that pass the server's content sniffing (magic numbers).
PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(17)
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00" + bytes(56)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@skip_unless_database_available
class BadInputTest(ApiTestCase):
    def setUp(self) -> None:
        self.director = self.session("director")
        if not hasattr(self.__class__, "source_id"):
            self.__class__.source_id = self.create_source(self.director, title="Chương trình công tác năm 2023",
                                                          doc_number="125/QĐ-UBND", doc_date="2023-01-05")
            self.__class__.task = self.create_task(self.director, self.source_id, self.agency.infra,
                                                   "Rà soát hồ sơ dự án", assigned_on="2023-08-01",
                                                   deadline="2023-08-31")
        self.tid = self.task["id"]

    def totals(self) -> tuple[int, int]:
        """(tasks in the list, tasks counted by /stats incl. cancelled) as the director sees them."""
        listed = self.director.get(TASKS + "?as_of=2099-12-31")
        stats = self.director.get(STATS + "?as_of=2099-12-31")
        self.assertEqual(listed.status, 200, listed)
        self.assertEqual(stats.status, 200, stats)
        return listed.json["total"], stats.json["total"] + stats.json["cancelled"]

    def current(self, tid: int) -> dict:
        r = self.director.get(f"{TASKS}/{tid}")
        self.assertEqual(r.status, 200, r)
        return r.json

    # --- authentication ------------------------------------------------------------------------

    def test_no_session_is_401(self):
        anonymous = self.client()
        for method, path in [("GET", TASKS), ("GET", STATS), ("GET", "/api/v1/me"), ("GET", f"{TASKS}/{self.tid}"),
                             ("GET", SOURCES), ("GET", "/api/v1/organizations"), ("POST", TASKS),
                             ("POST", f"{TASKS}/{self.tid}/updates"), ("POST", "/api/v1/auth/logout")]:
            with self.subTest(method=method, path=path):
                body = {} if method == "POST" else None
                self.assertError(anonymous.request(method, path, body=body), 401, "unauthenticated")
        # A made-up session cookie or a non-Bearer Authorization header is no better than none.
        self.assertError(anonymous.get(TASKS, headers={"Cookie": "gb_session=forged"}), 401, "unauthenticated")
        self.assertError(anonymous.get(TASKS, headers={"Authorization": "Basic c2d0dnQ6eA=="}), 401,
                         "unauthenticated")
        self.assertError(anonymous.get(TASKS, headers={"Authorization": "Bearer gb_not-a-token"}), 401,
                         "unauthenticated")
        # Public routes stay public.
        self.assertEqual(anonymous.get("/api/v1/health").status, 200)

    def test_wrong_password_and_unknown_user_are_401(self):
        c = self.client()
        self.assertError(c.login(self.agency.usernames["consolidator"], "sai-mat-khau"), 401, "invalid_credentials")
        self.assertIsNone(c.cookie, "a failed login must not set a session")
        self.assertError(c.login("khong.ton.tai", "mat-khau-123"), 401, "invalid_credentials")
        r = c.request("POST", "/api/v1/auth/login", body={"username": "khong.ton.tai", "password": "x" * 10},
                      headers={"Accept-Language": "en"})
        self.assertError(r, 401, "invalid_credentials", lang="en")

    def test_message_language_follows_accept_language(self):
        path = f"{TASKS}/999999"
        self.assertError(self.director.get(path, headers={"Accept-Language": None}), 404, "not_found", lang="vi")
        self.assertError(self.director.get(path, headers={"Accept-Language": "vi-VN,vi;q=0.9"}), 404, lang="vi")
        self.assertError(self.director.get(path, headers={"Accept-Language": "fr-FR"}), 404, lang="vi")
        self.assertError(self.director.get(path, headers={"Accept-Language": "en"}), 404, "not_found", lang="en")
        self.assertError(self.director.get(path, headers={"Accept-Language": "en-US,en;q=0.9,vi;q=0.8"}), 404,
                         lang="en")
        vi = self.director.get(TASKS + "?bogus=1").json["message"]
        en = self.director.get(TASKS + "?bogus=1", headers={"Accept-Language": "en"}).json["message"]
        self.assertNotEqual(vi, en)

    # --- bodies that are not what the API reads -------------------------------------------------

    def write_targets(self) -> list[tuple[str, str, dict]]:
        """(method, path, extra headers) of requests that read a JSON object body."""
        version = self.current(self.tid)["version"]
        return [("POST", SOURCES, {}), ("POST", TASKS, {}),
                ("PATCH", f"{TASKS}/{self.tid}", {"If-Match": f'"{version}"'}),
                ("POST", f"{TASKS}/{self.tid}/updates", {}), ("POST", f"{TASKS}/{self.tid}/complete", {}),
                ("POST", "/api/v1/auth/login", {})]

    def test_bad_json_is_400(self):
        before = self.totals()
        for method, path, extra in self.write_targets():
            for raw in [b"{", b"{\"title\": }", b"{'title': 'x'}", b"{\"a\":1}garbage", b"\xef\xbb\xbf{}x"]:
                with self.subTest(path=path, raw=raw):
                    r = self.director.request(method, path, raw=raw,
                                              headers={"Content-Type": "application/json", **extra})
                    self.assertError(r, 400, "bad_json")
        r = self.director.request("POST", SOURCES, raw=b"{", headers={"Content-Type": "application/json",
                                                                      "Accept-Language": "en"})
        self.assertError(r, 400, "bad_json", lang="en")
        self.assertEqual(self.totals(), before)
        self.assertEqual(self.current(self.tid)["version"], self.task["version"])

    def test_json_that_is_not_an_object_is_400(self):
        for method, path, extra in self.write_targets():
            for raw in [b"[]", b"[{\"title\": \"x\"}]", b"\"text\"", b"42", b"null", b"true"]:
                with self.subTest(path=path, raw=raw):
                    r = self.director.request(method, path, raw=raw,
                                              headers={"Content-Type": "application/json", **extra})
                    self.assertError(r, 400, "bad_json")

    def test_empty_body_where_one_is_needed_is_400(self):
        r = self.director.request("POST", SOURCES, raw=b"", headers={"Content-Type": "application/json"})
        self.assertError(r, 400, "bad_json")

    def test_wrong_content_type_is_415(self):
        body = '{"kind": "ad_hoc", "title": "Sai kiểu nội dung"}'.encode()
        for ctype in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                      "application/xml", None]:
            for path in [SOURCES, "/api/v1/auth/login"]:
                with self.subTest(ctype=ctype, path=path):
                    r = self.director.request("POST", path, raw=body, headers={"Content-Type": ctype})
                    self.assertError(r, 415, "unsupported_media_type")
        r = self.director.request("POST", SOURCES, raw=body,
                                  headers={"Content-Type": "text/plain", "Accept-Language": "en"})
        self.assertError(r, 415, "unsupported_media_type", lang="en")
        # Nothing was created by any of them.
        titles = [s["title"] for s in self.director.get(SOURCES).json["items"]]
        self.assertNotIn("Sai kiểu nội dung", titles)

    def test_unknown_fields_are_422_with_fields(self):
        version = self.current(self.tid)["version"]
        cases = [
            ("POST", SOURCES, {"kind": "ad_hoc", "title": "x", "tittle": "y"}, "tittle"),
            ("POST", TASKS, {"source_id": self.source_id, "title": "x", "lead_org_id": self.agency.infra,
                             "deadline_on": "2023-09-01"}, "deadline_on"),
            ("PATCH", f"{TASKS}/{self.tid}", {"status": "completed"}, "status"),
            ("POST", f"{TASKS}/{self.tid}/updates", {"body": "x", "progress": 50}, "progress"),
            ("POST", f"{TASKS}/{self.tid}/complete", {"completed": "2023-08-20"}, "completed"),
            ("POST", f"{TASKS}/{self.tid}/extensions", {"requested_deadline": "2023-09-30", "reason": "x",
                                                        "approved": True}, "approved"),
            ("POST", f"{TASKS}/{self.tid}/cancel", {"reason": "x", "by": 1}, "by"),
            ("POST", "/api/v1/auth/login", {"username": "a", "password": "b", "remember": True}, "remember"),
        ]
        for method, path, body, field in cases:
            with self.subTest(path=path, field=field):
                headers = {"If-Match": f'"{version}"'} if method == "PATCH" else {}
                r = self.director.request(method, path, body=body, headers=headers)
                self.assertError(r, 422, "validation_failed", field, "unknown_field")
        r = self.director.request("POST", SOURCES, body={"kind": "ad_hoc", "title": "x", "foo": 1},
                                  headers={"Accept-Language": "en"})
        self.assertError(r, 422, "validation_failed", "foo", "unknown_field", lang="en")
        self.assertEqual(self.current(self.tid)["version"], version)

    def test_wrong_types_are_422(self):
        good = {"source_id": self.source_id, "title": "Nhiệm vụ kiểu sai", "lead_org_id": self.agency.infra}
        cases = [
            ("title", 123, "invalid"), ("title", ["x"], "invalid"), ("is_key", "yes", "invalid"),
            ("is_key", 1, "invalid"), ("restricted", "false", "invalid"), ("lead_org_id", "5", "invalid"),
            ("lead_org_id", 1.5, "invalid"), ("lead_org_id", -3, "invalid"), ("lead_org_id", 0, "invalid"),
            ("source_id", True, "invalid"), ("cooperator_ids", "3", "invalid"), ("cooperator_ids", [0], "invalid"),
            ("cooperator_ids", ["3"], "invalid"), ("assignee_ids", {"id": 1}, "invalid"),
            ("deadline", 20230831, "invalid_date"), ("assigned_on", True, "invalid_date"),
            ("leader_id", "giám đốc", "invalid"),
        ]
        before = self.totals()
        for field, value, code in cases:
            with self.subTest(field=field, value=value):
                self.assertError(self.director.post(TASKS, {**good, field: value}), 422, "validation_failed",
                                 field, code)
        cases = [({"body": 5}, "body", "invalid"), ({"body": "x", "percent": "50"}, "percent", "invalid"),
                 ({"body": "x", "percent": 50.5}, "percent", "invalid"),
                 ({"body": "x", "percent": 150}, "percent", "out_of_range"),
                 ({"body": "x", "percent": -1}, "percent", "out_of_range"),
                 ({"body": "x", "attachments": "tep.pdf"}, "attachments", "invalid"),
                 ({"body": "x", "attachments": ["tep.pdf"]}, "attachments[0]", "invalid")]
        for body, field, code in cases:
            with self.subTest(body=body):
                self.assertError(self.director.post(f"{TASKS}/{self.tid}/updates", body), 422,
                                 "validation_failed", field, code)
        self.assertError(self.director.post(SOURCES, {"kind": "tin_don", "title": "x"}), 422,
                         "validation_failed", "kind", "invalid")
        self.assertError(self.director.post("/api/v1/auth/login", {"username": 1, "password": "x"}), 422,
                         "validation_failed", "username", "invalid")
        self.assertEqual(self.totals(), before)
        self.assertEqual(self.current(self.tid)["updates"], [])

    def test_missing_required_fields_are_422(self):
        self.assertError(self.director.post(TASKS, {"title": "Thiếu nguồn", "lead_org_id": self.agency.infra}),
                         422, "validation_failed", "source_id", "required")
        self.assertError(self.director.post(TASKS, {"source_id": self.source_id, "lead_org_id": self.agency.infra}),
                         422, "validation_failed", "title", "required")
        self.assertError(self.director.post(TASKS, {"source_id": self.source_id, "title": "   ",
                                                    "lead_org_id": self.agency.infra}),
                         422, "validation_failed", "title", "required")
        self.assertError(self.director.post(f"{TASKS}/{self.tid}/updates", {"percent": 10}), 422,
                         "validation_failed", "body", "required")
        self.assertError(self.director.post(SOURCES, {"kind": "ad_hoc"}), 422, "validation_failed", "title",
                         "required")

    def test_too_long_strings_are_422(self):
        good = {"source_id": self.source_id, "title": "Nhiệm vụ", "lead_org_id": self.agency.infra}
        before = self.totals()
        for field, length in [("title", 1001), ("content", 20001), ("product", 501), ("deadline_label", 101)]:
            with self.subTest(field=field):
                self.assertError(self.director.post(TASKS, {**good, field: "a" * length}), 422, "validation_failed",
                                 field, "too_long")
        # The limits are in bytes of UTF-8: 350 × "ệ" is 1,050 bytes.
        self.assertError(self.director.post(TASKS, {**good, "title": "ệ" * 350}), 422, "validation_failed",
                         "title", "too_long")
        for field, length in [("title", 1001), ("doc_number", 101), ("issuer", 301), ("summary", 4001)]:
            with self.subTest(source_field=field):
                body = {"kind": "ad_hoc", "title": "Văn bản", field: "b" * length}
                self.assertError(self.director.post(SOURCES, body), 422, "validation_failed", field, "too_long")
        self.assertError(self.director.post(f"{TASKS}/{self.tid}/updates", {"body": "c" * 20001}), 422,
                         "validation_failed", "body", "too_long")
        self.assertError(self.director.post("/api/v1/auth/login", {"username": "u" * 65, "password": "x"}), 422,
                         "validation_failed", "username", "too_long")
        version = self.current(self.tid)["version"]
        self.assertError(self.director.patch(f"{TASKS}/{self.tid}", {"title": "t" * 1001}, version=version), 422,
                         "validation_failed", "title", "too_long")
        self.assertEqual(self.totals(), before)
        self.assertEqual(self.current(self.tid)["version"], version)

    def test_invalid_dates_are_422(self):
        good = {"source_id": self.source_id, "title": "Nhiệm vụ ngày sai", "lead_org_id": self.agency.infra}
        before = self.totals()
        for value in ["2023-02-30", "2023-13-01", "2023-00-10", "31/08/2023", "2023-8-1", "2023/08/01", "",
                      "2023-08-01T00:00:00", "hôm nay", "1899-12-31"]:
            for field in ["assigned_on", "deadline"]:
                with self.subTest(field=field, value=value):
                    self.assertError(self.director.post(TASKS, {**good, field: value}), 422, "validation_failed",
                                     field, "invalid_date")
        self.assertError(self.director.post(f"{TASKS}/{self.tid}/complete", {"completed_on": "2023-02-29"}), 422,
                         "validation_failed", "completed_on", "invalid_date")
        self.assertError(self.director.post(SOURCES, {"kind": "ad_hoc", "title": "x", "doc_date": "01-08-2023"}),
                         422, "validation_failed", "doc_date", "invalid_date")
        self.assertError(self.director.get(f"{TASKS}/{self.tid}?as_of=2023-02-29"), 422, "validation_failed",
                         "as_of", "invalid_date")
        self.assertEqual(self.totals(), before)
        self.assertIsNone(self.current(self.tid)["completed_on"])

    def test_deadline_before_assigned_on_is_422(self):
        before = self.totals()
        r = self.director.post(TASKS, {"source_id": self.source_id, "title": "Hạn trước ngày giao",
                                       "lead_org_id": self.agency.infra, "assigned_on": "2023-08-10",
                                       "deadline": "2023-08-09"})
        self.assertError(r, 422, "validation_failed", "deadline", "before_assigned_on")
        self.assertEqual(self.totals(), before)
        # Moving the assignment date past the deadline is refused the same way, and the deadline
        # itself is only changed through an extension.
        version = self.current(self.tid)["version"]
        self.assertError(self.director.patch(f"{TASKS}/{self.tid}", {"assigned_on": "2023-09-15"},
                                             version=version), 422, "validation_failed", "assigned_on")
        self.assertError(self.director.patch(f"{TASKS}/{self.tid}", {"deadline": "2023-09-30"}, version=version),
                         422, "validation_failed", "deadline")
        self.assertEqual(self.current(self.tid)["version"], version)

    def test_a_task_is_never_below_itself(self):
        parent = self.create_task(self.director, self.source_id, self.agency.infra, "Nhiệm vụ cấp tỉnh",
                                  assigned_on="2023-08-01")
        child = self.create_task(self.director, self.source_id, self.agency.infra, "Nhiệm vụ cấp phòng",
                                 assigned_on="2023-08-01", parent_id=parent["id"])
        # A task cannot end up below itself, directly or through its subtask.
        self.assertError(self.director.patch(f"{TASKS}/{parent['id']}", {"parent_id": parent["id"]},
                                             version=parent["version"]), 422, "validation_failed", "parent_id")
        self.assertError(self.director.patch(f"{TASKS}/{parent['id']}", {"parent_id": child["id"]},
                                             version=parent["version"]), 422, "validation_failed", "parent_id")
        self.assertIsNone(self.current(parent["id"])["parent_id"])

    def test_the_lead_is_never_also_a_cooperator(self):
        # Exactly one lead ("mỗi nhiệm vụ chỉ giao cho một người chủ trì"), never also cooperating.
        task = self.create_task(self.director, self.source_id, self.agency.infra, "Một đơn vị chủ trì",
                                assigned_on="2023-08-01", cooperator_ids=[self.agency.transport])
        self.assertError(self.director.patch(f"{TASKS}/{task['id']}", {"cooperator_ids": [self.agency.infra]},
                                             version=task["version"]), 422, "validation_failed", "cooperator_ids")
        r = self.director.patch(f"{TASKS}/{task['id']}", {"lead_org_id": self.agency.transport},
                                version=self.current(task["id"])["version"])
        if r.status == 200:  # handing the lead to a cooperator may be allowed, but then it cooperates no more
            self.assertNotIn(self.agency.transport, [o["id"] for o in r.json["cooperators"]])
        else:
            self.assertError(r, 422, "validation_failed")
        after = self.current(task["id"])
        self.assertNotIn(after["lead_org"]["id"], [o["id"] for o in after["cooperators"]])

    def test_action_inputs_are_checked(self):
        task = self.create_task(self.director, self.source_id, self.agency.infra, "Kiểm tra dữ liệu thao tác",
                                assigned_on="2023-08-01", deadline="2023-08-31")
        tid = task["id"]
        head = self.session("infra_head")
        cases = [
            (head, "extensions", {"requested_deadline": "2023-08-15", "reason": "Sớm hơn hạn"}, "requested_deadline"),
            (head, "extensions", {"requested_deadline": "2023-08-31", "reason": "Bằng hạn"}, "requested_deadline"),
            (head, "extensions", {"requested_deadline": "2023-09-30", "reason": ""}, "reason"),
            (head, "extensions", {"reason": "Thiếu ngày"}, "requested_deadline"),
            (head, "complete", {"completed_on": "2099-01-01"}, "completed_on"),
            (head, "complete", {"completed_on": "2023-07-31"}, "completed_on"),
            (head, "updates", {"body": "Báo cáo trước", "reported_on": "2099-01-01"}, "reported_on"),
            (self.director, "cancel", {"reason": "Lý do", "kind": "deleted"}, "kind"),
            (self.director, "cancel", {"reason": "Lý do", "cancelled_on": "2099-01-01"}, "cancelled_on"),
            (self.director, "cancel", {"reason": "  "}, "reason"),
            (self.director, "cancel", {"reason": "Lý do", "approver_id": 999999}, "approver_id"),
            (self.director, "explanations", {"question": ""}, "question"),
        ]
        for client, action, body, field in cases:
            with self.subTest(action=action, body=body):
                self.assertError(client.post(f"{TASKS}/{tid}/{action}", body), 422, "validation_failed", field)
        r = head.post(f"{TASKS}/{tid}/extensions", {"requested_deadline": "2023-09-30", "reason": "Chờ vốn"})
        self.assertEqual(r.status, 201, r)
        ext = r.json["extensions"][0]["id"]
        self.assertError(head.post(f"{TASKS}/{tid}/extensions", {"requested_deadline": "2023-10-30",
                                                                 "reason": "Lần hai"}), 409)
        self.assertError(self.director.post(f"{TASKS}/{tid}/extensions/{ext}/decision", {"decision": "maybe"}),
                         422, "validation_failed", "decision")
        self.assertError(self.director.post(f"{TASKS}/{tid}/extensions/{ext}/decision",
                                            {"decision": "approved", "effective_on": "2023-07-01"}),
                         422, "validation_failed", "effective_on")
        after = self.current(tid)
        self.assertEqual([e["state"] for e in after["extensions"]], ["pending"])
        self.assertIsNone(after["completed_on"])
        self.assertIsNone(after["cancelled_on"])
        self.assertEqual(after["updates"], [])
        self.assertEqual(after["explanations"], [])

    # --- query strings ---------------------------------------------------------------------------

    def test_bad_filter_parameters_are_422_on_tasks_and_stats(self):
        cases = [
            ("bogus=1", "bogus", "unknown_parameter"), ("Status=overdue", "Status", "unknown_parameter"),
            ("status=done", "status", "invalid"), ("status=overdue,finished", "status", "invalid"),
            ("status=not_yet_assigned", "status", "invalid"), ("source_kind=rumour", "source_kind", "invalid"),
            ("key=maybe", "key", "invalid"), ("lead_org=abc", "lead_org", "invalid"),
            ("lead_org=0", "lead_org", "invalid"), ("lead_org=-2", "lead_org", "invalid"),
            ("org=1.5", "org", "invalid"), ("leader=x", "leader", "invalid"), ("assignee=", "assignee", "invalid"),
            ("source=99999999999999999999999", "source", "invalid"), ("parent=0", "parent", "invalid"),
            ("as_of=2023-02-30", "as_of", "invalid_date"), ("as_of=today", "as_of", "invalid_date"),
            ("assigned_from=2023-1-1", "assigned_from", "invalid_date"),
            ("deadline_to=31/12/2023", "deadline_to", "invalid_date"),
            ("assigned_from=2023-09-01&assigned_to=2023-08-01", "assigned_to", "before_start"),
            ("deadline_from=2023-09-01&deadline_to=2023-08-01", "deadline_to", "before_start"),
            ("period=2023-Q5", "period", "invalid"), ("period=2023-13", "period", "invalid"),
            ("period=23", "period", "invalid"), ("period=2023-08&assigned_from=2023-08-05", "period", None),
            ("q=a&q=b", "q", "duplicate"), ("q=" + "x" * 201, "q", "too_long"), ("q=%FF%FE", "q", "invalid"),
        ]
        for path in [TASKS, STATS]:
            for query, field, code in cases:
                with self.subTest(path=path, query=query[:40]):
                    self.assertError(self.director.get(f"{path}?{query}"), 422, "validation_failed", field, code)
        self.assertError(self.director.get(TASKS + "?bogus=1", headers={"Accept-Language": "en"}), 422,
                         "validation_failed", "bogus", "unknown_parameter", lang="en")
        # Paging and sorting are list matters; on /tasks they are checked too.
        for query, field in [("sort=colour", "sort"), ("sort=title,-nothing", "sort"), ("page=0", "page"),
                             ("page=x", "page"), ("page_size=0", "page_size")]:
            with self.subTest(query=query):
                self.assertError(self.director.get(f"{TASKS}?{query}"), 422, "validation_failed", field)
        self.assertError(self.director.get(f"{SOURCES}?kind=rumour"), 422, "validation_failed", "kind", "invalid")
        self.assertError(self.director.get(f"{SOURCES}?sort=title"), 422, "validation_failed", "sort",
                         "unknown_parameter")
        self.assertError(self.director.get(f"{TASKS}/{self.tid}?expand=all"), 422, "validation_failed", "expand",
                         "unknown_parameter")

    def test_page_size_above_200_is_422(self):
        self.assertEqual(self.director.get(TASKS + "?page_size=200").status, 200)
        self.assertError(self.director.get(TASKS + "?page_size=201"), 422, "validation_failed", "page_size")
        self.assertError(self.director.get(TASKS + "?page_size=100000"), 422, "validation_failed", "page_size")
        self.assertError(self.director.get(TASKS + "?page_size=99999999999999999999"), 422, "validation_failed",
                         "page_size")

    # --- paths and methods -----------------------------------------------------------------------

    def test_ids_that_are_not_positive_numbers_are_404(self):
        for bad in ["abc", "0", "-1", "1.5", "1e3", "%201", "00000000000000000000001", "99999999999999999999",
                    "0x10", "١"]:
            for path in [f"{TASKS}/{bad}", f"{TASKS}/{bad}/history", f"{SOURCES}/{bad}",
                         f"/api/v1/organizations/{bad}", f"{TASKS}/{self.tid}/attachments/{bad}"]:
                with self.subTest(path=path):
                    self.assertError(self.director.get(urllib.parse.quote(path, safe="/%")), 404, "not_found")
        # Well-formed ids of nothing are 404 as well, also for writes.
        self.assertError(self.director.get(f"{TASKS}/987654"), 404, "not_found")
        self.assertError(self.director.post(f"{TASKS}/987654/updates", {"body": "x"}), 404, "not_found")
        self.assertError(self.director.patch(f"{TASKS}/987654", {"title": "x"}, version=1), 404, "not_found")
        self.assertError(self.director.post(f"{TASKS}/{self.tid}/extensions/987654/decision",
                                            {"decision": "approved"}), 404, "not_found")

    def test_unknown_routes_are_404_and_wrong_methods_405(self):
        for path in ["/api/v1/nothing", "/api/v2/tasks", "/api/v1/tasks/1/unknown", "/api/v1", "/api/v1/",
                     "/api/v1/tasks/1/updates/1", "/api/v1/TASKS"]:
            with self.subTest(path=path):
                self.assertError(self.director.get(path), 404, "not_found")
        r = self.director.get("/khong-co-trang-nay")
        self.assertError(r, 404, "not_found")
        for method, path in [("DELETE", f"{TASKS}/{self.tid}"), ("PUT", f"{TASKS}/{self.tid}"),
                             ("DELETE", TASKS), ("POST", STATS), ("PATCH", SOURCES), ("GET", "/api/v1/auth/login"),
                             ("POST", f"{TASKS}/{self.tid}"), ("PATCH", f"{TASKS}/{self.tid}/history")]:
            with self.subTest(method=method, path=path):
                body = {} if method in ("POST", "PATCH", "PUT") else None
                self.assertError(self.director.request(method, path, body=body), 405, "method_not_allowed")
        r = self.director.request("DELETE", f"{TASKS}/{self.tid}", headers={"Accept-Language": "en"})
        self.assertError(r, 405, "method_not_allowed", lang="en")
        self.current(self.tid)  # still there

    def test_malformed_request_target_is_400(self):
        raw = raw_exchange(self.server.port, b"GET /api/v1/tasks?q=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                             b"Connection: close\r\n\r\n", timeout=10)
        r = parse_raw_response(raw)
        self.assertIsNotNone(r, raw)
        self.assertError(r, 400)

    # --- limits of the HTTP server ---------------------------------------------------------------

    def test_header_section_over_16_kb_is_refused(self):
        request = (b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + b"a" * 17000 + b"\r\n\r\n")
        started = time.monotonic()
        raw = raw_exchange(self.server.port, request, timeout=10)
        self.assertLess(time.monotonic() - started, 5, "the server must not wait for more")
        # The server answers 431 with a JSON body and closes the connection.
        r = parse_raw_response(raw)
        self.assertIsNotNone(r, f"no 431 answer, only {raw[:200]!r}")
        self.assertError(r, 431)
        # Many headers adding up to more than 16 KB are refused the same way.
        many = b"".join(b"X-H%d: %s\r\n" % (i, b"b" * 100) for i in range(200))
        raw = raw_exchange(self.server.port, b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n",
                           timeout=10)
        r = parse_raw_response(raw)
        self.assertIsNotNone(r, raw[:200])
        self.assertError(r, 431)
        # Just under the limit is fine.
        ok = self.director.get("/api/v1/health", headers={"X-Padding": "c" * 12000})
        self.assertEqual(ok.status, 200, ok)

    def test_body_over_24_mb_is_413_before_it_is_sent(self):
        head = (f"POST {SOURCES} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                f"Cookie: {self.director.cookie}\r\nX-CSRF-Token: {self.director.csrf}\r\n"
                f"Content-Length: {25 * 1024 * 1024}\r\n\r\n").encode()
        started = time.monotonic()
        # Only the headers and a few bytes: the server must answer without waiting for 25 MB.
        raw = raw_exchange(self.server.port, head + b'{"kind": "ad_hoc", "title": "', timeout=8)
        elapsed = time.monotonic() - started
        r = parse_raw_response(raw)
        self.assertIsNotNone(r, f"no answer to an oversized Content-Length (connection closed: {raw[:200]!r})")
        self.assertError(r, 413, "body_too_large")
        self.assertLess(elapsed, 5)

    def test_invalid_utf8_is_refused(self):
        before = self.totals()
        raw = b'{"kind": "ad_hoc", "title": "B\xe1o c\xe1o \xff\xfe"}'
        r = self.director.request("POST", SOURCES, raw=raw, headers={"Content-Type": "application/json"})
        self.assertError(r, 400, "bad_json")
        # An overlong encoding of "/" and a lone surrogate are not UTF-8 either.
        for bad in [b"\xc0\xaf", b"\xed\xa0\x80"]:
            r = self.director.request("POST", TASKS, raw=b'{"source_id": %d, "title": "x%s", "lead_org_id": %d}'
                                      % (self.source_id, bad, self.agency.infra),
                                      headers={"Content-Type": "application/json"})
            self.assertError(r, 400, "bad_json")
        self.assertEqual(self.totals(), before)

    # --- nothing half-written --------------------------------------------------------------------

    def test_create_with_one_bad_reference_leaves_nothing(self):
        before = self.totals()
        source_before = self.director.get(f"{SOURCES}/{self.source_id}").json["task_count"]
        good = {"source_id": self.source_id, "title": "Nhiệm vụ nửa vời", "lead_org_id": self.agency.infra,
                "assigned_on": "2023-08-01", "deadline": "2023-08-31"}
        for extra, field in [({"cooperator_ids": [self.agency.transport, 999999]}, "cooperator_ids"),
                             ({"cooperator_ids": [self.agency.transport, self.agency.infra]}, "cooperator_ids"),
                             ({"assignee_ids": [self.person_of("infra_specialist"), 888888]}, "assignee_ids"),
                             ({"leader_id": 777777}, "leader_id"), ({"parent_id": 666666}, "parent_id"),
                             ({"source_id": 555555}, "source_id"), ({"lead_org_id": 444444}, "lead_org_id")]:
            with self.subTest(field=field):
                self.assertError(self.director.post(TASKS, {**good, **extra}), 422, "validation_failed", field)
        self.assertEqual(self.totals(), before)
        listed = self.director.get(TASKS + "?q=nua%20voi&as_of=2099-12-31")
        self.assertEqual(listed.json["total"], 0, listed)
        self.assertEqual(self.director.get(f"{SOURCES}/{self.source_id}").json["task_count"], source_before)

    def test_progress_with_one_bad_attachment_leaves_nothing(self):
        task = self.create_task(self.director, self.source_id, self.agency.infra, "Báo cáo kèm tệp lỗi",
                                assigned_on="2023-08-01", deadline="2023-08-31")
        history = self.director.get(f"{TASKS}/{task['id']}/history").json["items"]
        r = self.director.post(f"{TASKS}/{task['id']}/updates", {
            "reported_on": "2023-08-10", "body": "Có một tệp hợp lệ và một tệp sai", "percent": 40,
            "attachments": [
                {"file_name": "bao-cao.pdf", "content_type": "application/pdf", "content_base64": b64(PDF_BYTES)},
                {"file_name": "anh.pdf", "content_type": "application/pdf", "content_base64": b64(PNG_BYTES)}]})
        self.assertError(r, 422, "validation_failed", "attachments[1]", "attachment_type_not_allowed")
        after = self.current(task["id"])
        self.assertEqual(after["updates"], [])
        self.assertEqual(after["progress"], 0)
        self.assertEqual(after["version"], task["version"])
        self.assertEqual(self.director.get(f"{TASKS}/{task['id']}/history").json["items"], history)
        # A progress date before the assignment is refused after the task is loaded: still nothing.
        r = self.director.post(f"{TASKS}/{task['id']}/updates", {"reported_on": "2023-07-01", "body": "Quá sớm"})
        self.assertError(r, 422, "validation_failed", "reported_on")
        self.assertEqual(self.current(task["id"])["updates"], [])

    # --- attachments -----------------------------------------------------------------------------

    def post_attachment(self, tid: int, file_name: str, content_type: str, content: bytes):
        return self.director.post(f"{TASKS}/{tid}/updates", {
            "reported_on": "2023-08-15", "body": "Gửi kèm tài liệu",
            "attachments": [{"file_name": file_name, "content_type": content_type, "content_base64": b64(content)}]})

    def test_attachment_over_10_mb_is_422(self):
        task = self.create_task(self.director, self.source_id, self.agency.infra, "Tệp quá lớn",
                                assigned_on="2023-08-01")
        content = b"%PDF-1.7\n" + os.urandom(10 * 1024 * 1024 - 8)  # 10 MiB + 1 byte
        r = self.post_attachment(task["id"], "qua-lon.pdf", "application/pdf", content)
        self.assertError(r, 422, "validation_failed", "attachments[0]", "attachment_too_large")
        self.assertEqual(self.current(task["id"])["updates"], [])

    def test_attachment_content_must_match_declared_type(self):
        task = self.create_task(self.director, self.source_id, self.agency.infra, "Tệp sai loại",
                                assigned_on="2023-08-01")
        cases = [("anh.pdf", "application/pdf", PNG_BYTES, "attachment_type_not_allowed"),
                 ("tai-lieu.png", "image/png", PDF_BYTES, "attachment_type_not_allowed"),
                 ("bang.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", PDF_BYTES,
                  "attachment_type_not_allowed"),
                 ("cai-dat.exe", "application/x-msdownload", EXE_BYTES, "attachment_type_not_allowed"),
                 ("cai-dat.pdf", "application/x-msdownload", PDF_BYTES, "attachment_type_not_allowed"),
                 ("ghi-chu.txt", "text/plain", b"abc\x00def", "attachment_type_not_allowed"),
                 ("thu-muc/tep.pdf", "application/pdf", PDF_BYTES, "invalid"),
                 ("", "application/pdf", PDF_BYTES, "invalid")]
        for name, ctype, content, code in cases:
            with self.subTest(name=name, ctype=ctype):
                self.assertError(self.post_attachment(task["id"], name, ctype, content), 422, "validation_failed",
                                 "attachments[0]", code)
        r = self.director.post(f"{TASKS}/{task['id']}/updates", {"body": "x", "attachments": [
            {"file_name": "a.pdf", "content_type": "application/pdf", "content_base64": "không phải base64!"}]})
        self.assertError(r, 422, "validation_failed", "attachments[0]", "invalid")
        self.assertEqual(self.current(task["id"])["updates"], [])

    def test_pdf_attachment_round_trip(self):
        task = self.create_task(self.director, self.source_id, self.agency.infra, "Tệp PDF hợp lệ",
                                assigned_on="2023-08-01")
        content = PDF_BYTES + os.urandom(200_000) + b"\n%%EOF\n"
        name = "Báo cáo tiến độ tháng 8 (bản ký).pdf"
        r = self.post_attachment(task["id"], name, "application/pdf", content)
        self.assertEqual(r.status, 201, r)
        attachment = r.json["updates"][0]["attachments"][0]
        self.assertEqual(attachment["file_name"], name)
        self.assertEqual(attachment["size_bytes"], len(content))
        self.assertEqual(attachment["sha256"], hashlib.sha256(content).hexdigest())

        d = self.director.get(f"{TASKS}/{task['id']}/attachments/{attachment['id']}")
        self.assertEqual(d.status, 200, d)
        self.assertEqual(d.raw, content)
        self.assertEqual(d.headers["content-type"].split(";")[0], "application/pdf")
        disposition = d.headers["content-disposition"]
        self.assertTrue(disposition.startswith("attachment"), disposition)
        encoded = disposition.split("filename*=", 1)[1].split(";")[0].strip()
        charset, _, value = encoded.partition("''")
        self.assertEqual(charset.upper(), "UTF-8")
        self.assertEqual(urllib.parse.unquote(value, encoding="utf-8", errors="strict"), name)
        # The plain filename= fallback is ASCII only, for old clients.
        self.assertTrue(disposition.split("filename*=")[0].isascii())
        # The attachment belongs to its task: asked through another task it does not exist.
        other = self.create_task(self.director, self.source_id, self.agency.infra, "Nhiệm vụ khác",
                                 assigned_on="2023-08-01")
        self.assertError(self.director.get(f"{TASKS}/{other['id']}/attachments/{attachment['id']}"), 404,
                         "not_found")


@skip_unless_database_available
class SlowClientTest(ApiTestCase):
    """A client that sends half a request and stalls is cut off after --request-timeout."""

    TIMEOUT = 2

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.slow_server = Server(cls.db, "--request-timeout", str(cls.TIMEOUT), "--idle-timeout", "3")

    @classmethod
    def tearDownClass(cls) -> None:
        cls.slow_server.stop()
        super().tearDownClass()

    def seconds_until_closed(self, first: bytes, trickle: bytes = b"", interval: float = 0.0,
                             limit: float = 10.0) -> float:
        """Sends `first`, then `trickle` one byte per `interval`; returns when the server closed."""
        started = time.monotonic()
        with socket.create_connection(("127.0.0.1", self.slow_server.port), timeout=limit) as s:
            s.sendall(first)
            pending = list(trickle)
            next_byte = time.monotonic() + interval
            while time.monotonic() - started < limit:
                if pending and time.monotonic() >= next_byte:
                    try:
                        s.sendall(bytes([pending.pop(0)]))
                    except OSError:
                        return time.monotonic() - started
                    next_byte += interval
                # Wait for the server no longer than until the next byte is due.
                wait = min(0.2, next_byte - time.monotonic()) if pending else 0.2
                s.settimeout(max(0.001, wait))
                try:
                    data = s.recv(4096)
                except socket.timeout:
                    continue
                except OSError:
                    return time.monotonic() - started
                if not data:
                    return time.monotonic() - started
                # A stalled request has nothing to answer: anything but a close is wrong here.
                self.fail(f"unexpected answer to a stalled request: {data[:200]!r}")
        self.fail(f"connection still open after {limit} s")

    def test_half_header_is_cut_off(self):
        elapsed = self.seconds_until_closed(b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0")
        self.assertGreaterEqual(elapsed, self.TIMEOUT - 0.5)
        self.assertLess(elapsed, self.TIMEOUT + 3)

    def test_half_body_is_cut_off(self):
        head = (b"POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                b"Content-Length: 200\r\n\r\n{\"username\": \"sgtvt")
        elapsed = self.seconds_until_closed(head)
        self.assertLess(elapsed, self.TIMEOUT + 3)

    def test_trickling_client_gets_no_more_time(self):
        # One byte every 0.25 s would keep a per-read timeout alive for ever; the whole request
        # has TIMEOUT seconds.
        request = b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"z" * 200 + b"\r\n\r\n"
        elapsed = self.seconds_until_closed(request[:20], trickle=request[20:], interval=0.25)
        self.assertLess(elapsed, self.TIMEOUT + 3)

    def test_header_and_body_share_one_timeout(self):
        # The header trickles in over 1.5 s, then the body stalls: the whole request had TIMEOUT
        # seconds, so the connection must close about TIMEOUT s after the first byte, not TIMEOUT s
        # after the header was complete.
        head = (b"POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                b"Content-Length: 100\r\n\r\n")
        elapsed = self.seconds_until_closed(head[:10], trickle=head[10:], interval=1.5 / len(head[10:]))
        self.assertGreater(elapsed, 1.5, "the header was still arriving")
        self.assertLess(elapsed, self.TIMEOUT + 1.0)

    def test_silent_connection_is_closed(self):
        elapsed = self.seconds_until_closed(b"")
        self.assertLess(elapsed, self.TIMEOUT + 3)

    def test_server_still_answers_afterwards(self):
        # Stalled connections in the background must not block others.
        stalled = [socket.create_connection(("127.0.0.1", self.slow_server.port)) for _ in range(8)]
        try:
            for s in stalled:
                s.sendall(b"GET /api/v1/health HTTP/1.1\r\n")
            raw = raw_exchange(self.slow_server.port, b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n"
                                                      b"Connection: close\r\n\r\n", timeout=5)
            r = parse_raw_response(raw)
            self.assertIsNotNone(r, raw)
            self.assertEqual(r.status, 200, r)
        finally:
            for s in stalled:
                s.close()


if __name__ == "__main__":
    unittest.main()
