"""Who may read and do what (docs/domain.md#permissions): the agency boundary, the role matrix, restricted tasks,
the task's "permissions" object against what the server then allows, API tokens, CSRF, disabled
accounts and login throttling.
"""
import base64
import unittest

from harness import PASSWORD, Agency, ApiTestCase, Client, skip_unless_database_available

TASKS = "/api/v1/tasks"
STATS = "/api/v1/stats"
SOURCES = "/api/v1/sources"
PDF_BYTES = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"

ACTIONS = ["edit", "report_progress", "complete", "request_extension", "decide_extension", "cancel",
           "request_explanation", "answer_explanation"]

# What each kind of person may do with an open task led by the infrastructure division, with the
# transport division cooperating and the infrastructure specialist Lan assigned (docs/domain.md#permissions):
# leaders do everything within the agency but request nothing of themselves, consolidators manage the
# programme's tasks, the lead unit's head runs the task, specialists report on what is assigned to
# them, cooperating units and viewers only read, and only the lead unit answers explanations.
EXPECTED = {
    "director": {"edit", "report_progress", "complete", "decide_extension", "cancel", "request_explanation"},
    "consolidator": {"edit", "report_progress", "complete", "request_extension"},
    "infra_head": {"edit", "report_progress", "complete", "request_extension", "answer_explanation"},
    "transport_head": set(),
    "infra_specialist": {"report_progress", "request_extension", "answer_explanation"},
    "cv_binh": set(),  # a specialist of the lead unit who is not assigned
    "cv_vt": set(),    # a specialist of the cooperating unit
    "viewer": set(),   # the province's inspector: reads, never writes
    "admin": set(),    # administers accounts, not tasks
}


def visible_ids(client: Client, query: str = "") -> set[int]:
    """Every task id in the client's list (all pages)."""
    ids, page = set(), 1
    while True:
        r = client.get(f"{TASKS}?page_size=200&page={page}&as_of=2099-12-31{query}")
        if r.status != 200:
            raise AssertionError(f"listing tasks failed: {r!r}")
        ids |= {t["id"] for t in r.json["items"]}
        if page * 200 >= r.json["total"]:
            return ids
        page += 1


class AccessTestCase(ApiTestCase):
    """Agency A (the default fixture, SGTVT) with extra specialists; helpers to build tasks."""

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.agency.add_user("cv_binh", "specialist", cls.agency.infra, "Hồ Văn Bình")
        cls.agency.add_user("cv_vt", "specialist", cls.agency.transport, "Ngô Thị Vân")

    def setUp(self) -> None:
        self.director = self.session("director")
        if "source_id" not in self.__class__.__dict__:
            self.__class__.source_id = self.create_source(self.director, "key_program",
                                                          "Chương trình công tác trọng tâm năm 2023")
            self.__class__.people = {role: self.session(role).get("/api/v1/me").json["person_id"]
                                     for role in ("director", "infra_specialist", "cv_vt")}

    def standard_task(self, title: str = "Nâng cấp tuyến ĐT.622", **fields) -> dict:
        body = {"assigned_on": "2023-08-01", "deadline": "2023-08-31", "cooperator_ids": [self.agency.transport],
                "assignee_ids": [self.people["infra_specialist"]], "leader_id": self.people["director"], **fields}
        return self.create_task(self.director, self.source_id, self.agency.infra, title, **body)

    def attempt(self, client: Client, action: str, task: dict, prepared: int | None = None):
        """Tries `action` on `task` as `client`; `prepared` is the extension/explanation id it needs."""
        tid = task["id"]
        if action == "edit":
            return client.patch(f"{TASKS}/{tid}", {"content": "Bổ sung nội dung"}, version=task["version"])
        if action == "report_progress":
            return client.post(f"{TASKS}/{tid}/updates", {"reported_on": "2023-08-10", "body": "Đã khảo sát"})
        if action == "complete":
            return client.post(f"{TASKS}/{tid}/complete", {"completed_on": "2023-08-25",
                                                           "result_doc_number": "15/BC-SGTVT"})
        if action == "request_extension":
            return client.post(f"{TASKS}/{tid}/extensions", {"requested_deadline": "2023-09-30",
                                                             "reason": "Chờ ý kiến các sở"})
        if action == "decide_extension":
            return client.post(f"{TASKS}/{tid}/extensions/{prepared}/decision",
                               {"decision": "approved"})
        if action == "cancel":
            return client.post(f"{TASKS}/{tid}/cancel", {"reason": "Không còn phù hợp", "cancelled_on": "2023-08-20"})
        if action == "request_explanation":
            return client.post(f"{TASKS}/{tid}/explanations", {"question": "Đề nghị giải trình lý do chậm"})
        if action == "answer_explanation":
            return client.post(f"{TASKS}/{tid}/explanations/{prepared}/answer", {"answer": "Do mưa lũ kéo dài"})
        raise ValueError(action)

    def prepare(self, action: str, task: dict) -> tuple[dict, int | None]:
        """Puts the task in the state `action` needs; returns the fresh task and the id to act on."""
        prepared = None
        if action == "decide_extension":
            r = self.session("infra_head").post(f"{TASKS}/{task['id']}/extensions",
                                                {"requested_deadline": "2023-09-30", "reason": "Chờ vốn"})
            self.assertEqual(r.status, 201, r)
            prepared = r.json["extensions"][-1]["id"]
        elif action == "answer_explanation":
            r = self.director.post(f"{TASKS}/{task['id']}/explanations", {"question": "Vì sao chậm?"})
            self.assertEqual(r.status, 201, r)
            prepared = r.json["explanations"][-1]["id"]
        fresh = self.director.get(f"{TASKS}/{task['id']}")
        self.assertEqual(fresh.status, 200, fresh)
        return fresh.json, prepared


@skip_unless_database_available
class RoleMatrixTest(AccessTestCase):
    def test_permission_flags_match_what_the_server_allows(self):
        for role, allowed in EXPECTED.items():
            client = self.session(role)
            for action in ACTIONS:
                with self.subTest(role=role, action=action):
                    task, prepared = self.prepare(action, self.standard_task(f"Ma trận {role} {action}"))
                    seen = client.get(f"{TASKS}/{task['id']}")
                    self.assertEqual(seen.status, 200, seen)
                    flags = seen.json["permissions"]
                    self.assertEqual(set(flags), set(ACTIONS))
                    self.assertEqual(flags[action], action in allowed,
                                     f"{role} {'should' if action in allowed else 'should not'} be offered {action}")
                    task["version"] = seen.json["version"]
                    r = self.attempt(client, action, task, prepared)
                    if flags[action]:
                        self.assertIn(r.status, (200, 201), f"{role} was offered {action} but got {r!r}")
                    else:
                        self.assertError(r, 403, "forbidden")
                        after = self.director.get(f"{TASKS}/{task['id']}").json
                        self.assertEqual(after["version"], task["version"], "a refused action changed the task")

    def test_closed_task_offers_only_explanations(self):
        for closing in ("complete", "cancel"):
            with self.subTest(closing=closing):
                task = self.standard_task(f"Đã đóng ({closing})")
                r = self.attempt(self.director, closing, task)
                self.assertEqual(r.status, 200, r)
                for role in EXPECTED:
                    flags = self.session(role).get(f"{TASKS}/{task['id']}").json["permissions"]
                    offered = {a for a, v in flags.items() if v}
                    self.assertEqual(offered, EXPECTED[role] & {"request_explanation", "answer_explanation"}, role)
                code = "task_already_completed" if closing == "complete" else "task_cancelled"
                self.assertError(self.attempt(self.director, "complete", task), 409, code)
                self.assertError(self.attempt(self.session("infra_head"), "report_progress", task), 409, code)
                # Someone who could not act on it even while open is refused, not told its state.
                self.assertError(self.attempt(self.session("viewer"), "cancel", task), 403, "forbidden")
                self.assertError(self.attempt(self.session("transport_head"), "complete", task), 403, "forbidden")
                q = self.attempt(self.director, "request_explanation", task)
                self.assertEqual(q.status, 201, q)
                answer = self.attempt(self.session("infra_head"), "answer_explanation", task,
                                      q.json["explanations"][-1]["id"])
                self.assertEqual(answer.status, 200, answer)

    def test_specialist_reports_only_on_tasks_assigned_to_them(self):
        lan = self.session("infra_specialist")
        mine = self.standard_task("Việc của chị Lan")
        r = self.attempt(lan, "report_progress", mine)
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["updates"][0]["author"]["name"], "Võ Thị Lan")
        not_mine = self.standard_task("Việc của người khác", assignee_ids=[])
        self.assertError(self.attempt(lan, "report_progress", not_mine), 403, "forbidden")
        self.assertEqual(self.director.get(f"{TASKS}/{not_mine['id']}").json["updates"], [])
        # Nor may a specialist edit, complete or create, even on their own task.
        self.assertError(self.attempt(lan, "edit", mine | {"version": r.json["version"]}), 403, "forbidden")
        self.assertError(self.attempt(lan, "complete", mine), 403, "forbidden")
        self.assertError(lan.post(TASKS, {"source_id": self.source_id, "title": "Tự giao việc",
                                          "lead_org_id": self.agency.infra}), 403, "forbidden")

    def test_unit_head_creates_and_runs_only_their_units_tasks(self):
        head = self.session("infra_head")
        before = visible_ids(self.director)
        own = head.post(TASKS, {"source_id": self.source_id, "title": "Kiểm tra cầu yếu",
                                "lead_org_id": self.agency.infra, "assigned_on": "2023-08-01",
                                "cooperator_ids": [self.agency.transport]})
        self.assertEqual(own.status, 201, own)
        for lead in (self.agency.transport, self.agency.agency, self.agency.planning):
            with self.subTest(lead=lead):
                self.assertError(head.post(TASKS, {"source_id": self.source_id, "title": "Giao cho đơn vị khác",
                                                   "lead_org_id": lead}), 403, "forbidden")
        self.assertEqual(visible_ids(self.director), before | {own.json["id"]})
        # Handing their task to another unit is creating a task for that unit.
        r = head.patch(f"{TASKS}/{own.json['id']}", {"lead_org_id": self.agency.transport},
                       version=own.json["version"])
        self.assertError(r, 403, "forbidden")
        self.assertEqual(self.director.get(f"{TASKS}/{own.json['id']}").json["lead_org"]["id"], self.agency.infra)
        # The transport head cooperates on the task but does not run it.
        other_head = self.session("transport_head")
        for action in ("complete", "request_extension", "edit", "report_progress"):
            with self.subTest(action=action):
                task = self.standard_task(f"Phòng khác {action}")
                self.assertError(self.attempt(other_head, action, task), 403, "forbidden")
                r = self.attempt(head, action, task)
                self.assertIn(r.status, (200, 201), r)

    def test_only_a_leader_decides_cancels_and_asks_for_explanations(self):
        for action in ("decide_extension", "cancel", "request_explanation"):
            for role in ("consolidator", "infra_head", "infra_specialist", "transport_head", "admin", "viewer"):
                with self.subTest(action=action, role=role):
                    task, prepared = self.prepare(action, self.standard_task(f"Chỉ lãnh đạo {action}"))
                    self.assertError(self.attempt(self.session(role), action, task, prepared), 403, "forbidden")
            task, prepared = self.prepare(action, self.standard_task(f"Lãnh đạo {action}"))
            r = self.attempt(self.director, action, task, prepared)
            self.assertIn(r.status, (200, 201), r)

    def test_extension_decision_is_recorded_with_the_decider(self):
        task, ext = self.prepare("decide_extension", self.standard_task("Gia hạn"))
        r = self.attempt(self.director, "decide_extension", task, ext)
        self.assertEqual(r.status, 200, r)
        decided = r.json["extensions"][-1]
        self.assertEqual(decided["state"], "approved")
        self.assertEqual(decided["decided_by"]["name"], "Nguyễn Văn Đình")
        self.assertEqual(decided["previous_deadline"], "2023-08-31")
        self.assertEqual(r.json["deadline"], "2023-08-31", "the original deadline is never lost")
        self.assertError(self.attempt(self.director, "decide_extension", task, ext), 409, "extension_not_pending")

    def test_explanation_is_answered_by_the_lead_unit(self):
        # Vân of the cooperating transport division is also assigned: still not the lead unit.
        task = self.standard_task("Giải trình", assignee_ids=[self.people["infra_specialist"], self.people["cv_vt"]])
        task, xid = self.prepare("answer_explanation", task)
        for role in ("cv_vt", "transport_head", "consolidator", "director", "viewer", "admin"):
            with self.subTest(role=role):
                seen = self.session(role).get(f"{TASKS}/{task['id']}").json
                self.assertFalse(seen["permissions"]["answer_explanation"], role)
                self.assertError(self.attempt(self.session(role), "answer_explanation", task, xid), 403, "forbidden")
        r = self.attempt(self.session("infra_head"), "answer_explanation", task, xid)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["explanations"][0]["answered_by"]["name"], "Lê Văn Ánh")
        self.assertEqual(r.json["explanations"][0]["answer"], "Do mưa lũ kéo dài")
        self.assertError(self.attempt(self.session("infra_head"), "answer_explanation", task, xid), 409)


@skip_unless_database_available
class ProvinceViewerTest(AccessTestCase):
    """The inspector of the province reads its departments' tasks and changes nothing."""

    def test_viewer_reads_the_departments_tasks(self):
        task = self.standard_task("Tuyến tránh phía Đông")
        r = self.director.post(f"{TASKS}/{task['id']}/updates", {
            "reported_on": "2023-08-05", "body": "Có biên bản", "attachments": [
                {"file_name": "bien-ban.pdf", "content_type": "application/pdf",
                 "content_base64": base64.b64encode(PDF_BYTES).decode()}]})
        self.assertEqual(r.status, 201, r)
        attachment = r.json["updates"][0]["attachments"][0]["id"]
        viewer = self.session("viewer")
        self.assertEqual(visible_ids(viewer), visible_ids(self.director))
        seen = viewer.get(f"{TASKS}/{task['id']}")
        self.assertEqual(seen.status, 200, seen)
        self.assertFalse(any(seen.json["permissions"].values()), seen.json["permissions"])
        self.assertEqual(viewer.get(f"{TASKS}/{task['id']}/history").status, 200)
        self.assertEqual(viewer.get(f"{TASKS}/{task['id']}/attachments/{attachment}").raw, PDF_BYTES)
        self.assertEqual(viewer.get(f"{SOURCES}/{self.source_id}").status, 200)
        self.assertIn(self.source_id, [s["id"] for s in viewer.get(SOURCES).json["items"]])
        stats = viewer.get(STATS + "?as_of=2023-09-15").json
        self.assertEqual(stats, self.director.get(STATS + "?as_of=2023-09-15").json)
        self.assertGreaterEqual(stats["total"], 1)
        orgs = {o["id"] for o in viewer.get("/api/v1/organizations").json["items"]}
        self.assertTrue({self.agency.province, self.agency.agency, self.agency.infra} <= orgs, orgs)

    def test_every_write_of_the_viewer_is_403(self):
        viewer = self.session("viewer")
        task, ext = self.prepare("decide_extension", self.standard_task("Thanh tra chỉ xem"))
        task, xid = self.prepare("answer_explanation", task)
        before = self.director.get(f"{TASKS}/{task['id']}").json
        for action in ACTIONS:
            with self.subTest(action=action):
                prepared = ext if action == "decide_extension" else xid
                self.assertError(self.attempt(viewer, action, task, prepared), 403, "forbidden")
        source = viewer.get(f"{SOURCES}/{self.source_id}")
        writes = [
            ("POST", TASKS, {"source_id": self.source_id, "title": "Thanh tra giao việc",
                             "lead_org_id": self.agency.infra}, None),
            ("POST", SOURCES, {"kind": "ad_hoc", "title": "Văn bản của thanh tra"}, None),
            ("PATCH", f"{SOURCES}/{self.source_id}", {"title": "Sửa tên"}, source.headers.get("etag")),
            ("POST", "/api/v1/organizations", {"parent_id": self.agency.agency, "kind": "division", "code": "TT",
                                               "name": "Phòng mới"}, None),
            ("PATCH", f"/api/v1/organizations/{self.agency.infra}", {"name": "Đổi tên"}, '"1"'),
            ("POST", "/api/v1/people", {"organization_id": self.agency.infra, "full_name": "Người mới"}, None),
            ("POST", "/api/v1/users", {"username": "thanhtra.moi", "password": PASSWORD, "role": "leader",
                                       "organization_id": self.agency.agency, "full_name": "Người mới"}, None),
        ]
        for method, path, body, etag in writes:
            with self.subTest(method=method, path=path):
                headers = {"If-Match": etag} if etag else {}
                self.assertError(viewer.request(method, path, body=body, headers=headers), 403, "forbidden")
        self.assertEqual(self.director.get(f"{TASKS}/{task['id']}").json, before)
        self.assertEqual(self.director.get(f"{SOURCES}/{self.source_id}").json["title"], source.json["title"])
        self.assertNotIn("Thanh tra giao việc", [t["title"] for t in self.director.get(TASKS).json["items"]])


@skip_unless_database_available
class CrossAgencyTest(AccessTestCase):
    """Nobody of agency A reads or changes anything of agency B (another province's department)."""

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.other = Agency(cls.db, code="SXD", place="Bình Định")

    def other_session(self, role: str) -> Client:
        key = "_other_" + role  # one login per role and class, like ApiTestCase.session
        if key not in self.__class__.__dict__:
            c = Client(self.server)
            r = c.login(self.other.usernames[role])
            self.assertEqual(r.status, 200, r)
            setattr(self.__class__, key, c)
        return self.__class__.__dict__[key]

    def setUp(self) -> None:
        super().setUp()
        if "b" in self.__class__.__dict__:
            return
        b = {}
        bdir = self.other_session("director")
        b["source"] = self.create_source(bdir, "ad_hoc", "Công văn của Sở Xây dựng", doc_number="77/SXD-QLN")
        b["task"] = self.create_task(bdir, b["source"], self.other.infra, "Quy hoạch chung đô thị",
                                     assigned_on="2023-08-01", deadline="2023-08-31")
        r = bdir.post(f"{TASKS}/{b['task']['id']}/updates", {
            "reported_on": "2023-08-10", "body": "Đã lập hồ sơ", "attachments": [
                {"file_name": "ho-so.pdf", "content_type": "application/pdf",
                 "content_base64": base64.b64encode(PDF_BYTES).decode()}]})
        self.assertEqual(r.status, 201, r)
        b["attachment"] = r.json["updates"][0]["attachments"][0]["id"]
        r = self.other_session("infra_head").post(f"{TASKS}/{b['task']['id']}/extensions",
                                                  {"requested_deadline": "2023-09-30", "reason": "Chờ vốn"})
        self.assertEqual(r.status, 201, r)
        b["extension"] = r.json["extensions"][0]["id"]
        r = bdir.post(f"{TASKS}/{b['task']['id']}/explanations", {"question": "Vì sao chậm?"})
        self.assertEqual(r.status, 201, r)
        b["explanation"] = r.json["explanations"][0]["id"]
        b["restricted"] = self.create_task(bdir, b["source"], self.other.transport, "Hồ sơ mật",
                                           assigned_on="2023-08-01", restricted=True)["id"]
        b["task"] = bdir.get(f"{TASKS}/{b['task']['id']}").json
        b["people"] = {p["id"] for p in bdir.get("/api/v1/people").json["items"]}
        b["orgs"] = {o["id"] for o in bdir.get("/api/v1/organizations").json["items"]}
        self.__class__.b = b
        self.__class__.a_task = self.standard_task("Nhiệm vụ của Sở Giao thông")

    def b_snapshot(self) -> tuple:
        bdir = self.other_session("director")
        tid = self.b["task"]["id"]
        return (bdir.get(f"{TASKS}/{tid}").json, bdir.get(f"{TASKS}/{tid}/history").json,
                visible_ids(bdir), bdir.get(STATS + "?as_of=2023-09-15").json, bdir.get(SOURCES).json,
                bdir.get("/api/v1/people").json, bdir.get("/api/v1/organizations").json)

    def test_nobody_of_a_reads_anything_of_b(self):
        b = self.b
        tid = b["task"]["id"]
        a_ids = visible_ids(self.director)
        b_ids = {tid, b["restricted"]}
        self.assertFalse(a_ids & b_ids)
        for role in ("director", "consolidator", "infra_head", "infra_specialist", "viewer", "admin"):
            c = self.session(role)
            with self.subTest(role=role):
                for path in [f"{TASKS}/{tid}", f"{TASKS}/{tid}/history", f"{TASKS}/{tid}/updates",
                             f"{TASKS}/{tid}/attachments/{b['attachment']}", f"{TASKS}/{b['restricted']}",
                             f"{TASKS}/{self.a_task['id']}/attachments/{b['attachment']}",
                             f"{SOURCES}/{b['source']}", f"/api/v1/organizations/{self.other.infra}",
                             f"/api/v1/organizations/{self.other.agency}",
                             f"/api/v1/organizations/{self.other.province}", f"{TASKS}/{tid}?as_of=2023-08-15"]:
                    self.assertError(c.get(path), 404, "not_found")
                ids = visible_ids(c)
                self.assertFalse(ids & b_ids, f"{role} sees tasks of B")
                for query in (f"&lead_org={self.other.infra}", f"&org={self.other.agency}",
                              f"&org={self.other.province}", f"&source={b['source']}", "&q=quy%20hoach"):
                    self.assertEqual(visible_ids(c, query), set(), query)
                    stats = c.get(f"{STATS}?as_of=2023-09-15{query}").json
                    self.assertEqual(stats["total"] + stats["cancelled"], 0, (query, stats))
                stats = c.get(STATS + "?as_of=2099-12-31").json
                self.assertEqual(stats["total"] + stats["cancelled"], len(ids))
                self.assertFalse({int(g["key"]) for g in stats["by_lead_org"]} & b["orgs"])
                self.assertNotIn(b["source"], [s["id"] for s in c.get(SOURCES).json["items"]])
                self.assertFalse({o["id"] for o in c.get("/api/v1/organizations").json["items"]} & b["orgs"])
                self.assertFalse({p["id"] for p in c.get("/api/v1/people").json["items"]} & b["people"])
                self.assertEqual(c.get(f"/api/v1/people?organization_id={self.other.infra}").json["items"], [])
                users = c.get("/api/v1/users")
                if role in ("director", "consolidator", "admin"):  # those who manage the agency
                    self.assertEqual(users.status, 200, users)
                    names = {u["username"] for u in users.json["items"]}
                    self.assertIn(self.agency.usernames[role], names)
                    self.assertFalse([n for n in names if n.startswith("sxd.")], names)
                else:
                    self.assertError(users, 403, "forbidden")

    def test_nobody_of_a_changes_anything_of_b(self):
        b = self.b
        tid = b["task"]["id"]
        before = self.b_snapshot()
        director = self.director
        refusals = [
            director.patch(f"{TASKS}/{tid}", {"title": "Chiếm quyền"}, version=b["task"]["version"]),
            director.post(f"{TASKS}/{tid}/updates", {"reported_on": "2023-08-12", "body": "Xen ngang"}),
            director.post(f"{TASKS}/{tid}/complete", {"completed_on": "2023-08-20"}),
            director.post(f"{TASKS}/{tid}/extensions", {"requested_deadline": "2023-10-31", "reason": "x"}),
            director.post(f"{TASKS}/{tid}/extensions/{b['extension']}/decision", {"decision": "approved"}),
            director.post(f"{TASKS}/{tid}/cancel", {"reason": "Không phải việc của mình"}),
            director.post(f"{TASKS}/{tid}/explanations", {"question": "?"}),
            self.session("infra_head").post(f"{TASKS}/{tid}/explanations/{b['explanation']}/answer",
                                            {"answer": "!"}),
            # B's ids reached through A's own task.
            director.post(f"{TASKS}/{self.a_task['id']}/extensions/{b['extension']}/decision",
                          {"decision": "approved"}),
            self.session("infra_head").post(
                f"{TASKS}/{self.a_task['id']}/explanations/{b['explanation']}/answer", {"answer": "!"}),
            director.patch(f"{SOURCES}/{b['source']}", {"title": "Đổi tên"}, version=1),
            self.session("admin").patch(f"/api/v1/organizations/{self.other.infra}", {"name": "Đổi"}, version=1),
            self.session("admin").request("POST", f"/api/v1/organizations/{self.other.infra}/merge",
                                          body={"successor_id": self.other.transport}, headers={"If-Match": '"1"'}),
        ]
        for i, r in enumerate(refusals):
            with self.subTest(request=i):
                self.assertError(r, 404, "not_found")
        admin = self.session("admin")
        refusals = [
            admin.post("/api/v1/organizations", {"parent_id": self.other.agency, "kind": "division", "code": "X",
                                                 "name": "Phòng cài cắm"}),
            admin.post("/api/v1/people", {"organization_id": self.other.infra, "full_name": "Người lạ"}),
            # A's own agency pointing at B: merge into B, tasks led by or involving B.
            admin.request("POST", f"/api/v1/organizations/{self.agency.transport}/merge",
                          body={"successor_id": self.other.transport}, headers={"If-Match": '"1"'}),
            director.post(TASKS, {"source_id": b["source"], "title": "Dùng nguồn của B",
                                  "lead_org_id": self.agency.infra}),
            director.post(TASKS, {"source_id": self.source_id, "title": "Giao cho B",
                                  "lead_org_id": self.other.infra}),
            director.post(TASKS, {"source_id": self.source_id, "title": "B phối hợp",
                                  "lead_org_id": self.agency.infra, "cooperator_ids": [self.other.transport]}),
            director.post(TASKS, {"source_id": self.source_id, "title": "Người của B",
                                  "lead_org_id": self.agency.infra, "assignee_ids": sorted(b["people"])[:1]}),
            director.post(TASKS, {"source_id": self.source_id, "title": "Con của việc B",
                                  "lead_org_id": self.agency.infra, "parent_id": tid}),
            director.patch(f"{TASKS}/{self.a_task['id']}", {"parent_id": tid},
                           version=director.get(f"{TASKS}/{self.a_task['id']}").json["version"]),
            # Naming one of B's people as the approver of A's cancellation.
            director.post(f"{TASKS}/{self.a_task['id']}/cancel", {"reason": "Thử", "cancelled_on": "2023-08-05",
                                                                  "approver_id": min(b["people"])}),
        ]
        for i, r in enumerate(refusals):
            with self.subTest(request=f"create/link {i}"):
                self.assertError(r, (403, 404, 422))
        self.assertEqual(self.b_snapshot(), before)
        self.assertEqual(self.director.get(f"/api/v1/organizations/{self.agency.transport}").json["successor_id"],
                         None)
        a_task = self.director.get(f"{TASKS}/{self.a_task['id']}").json
        self.assertIsNone(a_task["parent_id"])
        self.assertIsNone(a_task["cancelled_on"])

    def test_admin_of_a_cannot_create_accounts_in_b(self):
        admin = self.session("admin")
        bdir = self.other_session("director")
        # A person of B without an account yet, made by B's own administrator.
        free = self.other_session("admin").post("/api/v1/people", {"organization_id": self.other.infra,
                                                                   "full_name": "Trương Văn Chưa"})
        self.assertEqual(free.status, 201, free)
        b_people = {p["id"] for p in bdir.get("/api/v1/people").json["items"]}
        b_users = {u["username"] for u in bdir.get("/api/v1/users").json["items"]}
        attempts = [
            {"username": "cai.cam.1", "password": PASSWORD, "role": "leader",
             "organization_id": self.other.agency, "full_name": "Người cài cắm"},
            # Or an account bound to one of B's people.
            {"username": "cai.cam.2", "password": PASSWORD, "role": "leader", "person_id": free.json["id"]},
        ]
        for body in attempts:
            with self.subTest(username=body["username"]):
                self.assertError(admin.post("/api/v1/users", body), (403, 404, 422))
                intruder = Client(self.server)
                self.assertError(intruder.login(body["username"]), 401, "invalid_credentials")
                self.assertError(intruder.get(f"{TASKS}/{self.b['task']['id']}"), 401)
        self.assertEqual({u["username"] for u in bdir.get("/api/v1/users").json["items"]}, b_users)
        self.assertEqual({p["id"] for p in bdir.get("/api/v1/people").json["items"]}, b_people)


@skip_unless_database_available
class RestrictedTaskTest(AccessTestCase):
    def test_restricted_task_is_invisible_outside_lead_and_cooperators(self):
        open_task = self.standard_task("Việc công khai")
        secret = self.create_task(self.director, self.source_id, self.agency.infra, "Hồ sơ nhân sự mật",
                                  assigned_on="2023-08-01", deadline="2023-08-31", restricted=True)
        r = self.director.post(f"{TASKS}/{secret['id']}/updates", {
            "reported_on": "2023-08-03", "body": "Tài liệu mật", "attachments": [
                {"file_name": "mat.pdf", "content_type": "application/pdf",
                 "content_base64": base64.b64encode(PDF_BYTES).decode()}]})
        self.assertEqual(r.status, 201, r)
        attachment = r.json["updates"][0]["attachments"][0]["id"]
        everything = visible_ids(self.director)
        self.assertIn(secret["id"], everything)

        def check(insiders: set[str], outsiders: set[str]) -> None:
            for role in insiders:
                with self.subTest(role=role, sees=True):
                    c = self.session(role)
                    self.assertEqual(c.get(f"{TASKS}/{secret['id']}").status, 200)
                    self.assertIn(secret["id"], visible_ids(c))
            for role in outsiders:
                with self.subTest(role=role, sees=False):
                    c = self.session(role)
                    for path in [f"{TASKS}/{secret['id']}", f"{TASKS}/{secret['id']}/history",
                                 f"{TASKS}/{secret['id']}/updates",
                                 f"{TASKS}/{secret['id']}/attachments/{attachment}"]:
                        self.assertError(c.get(path), 404, "not_found")
                    self.assertError(c.post(f"{TASKS}/{secret['id']}/updates", {"body": "x"}), 404, "not_found")
                    ids = visible_ids(c)
                    self.assertNotIn(secret["id"], ids)
                    self.assertIn(open_task["id"], ids)
                    self.assertEqual(visible_ids(c, "&q=nhan%20su%20mat"), set())
                    # Only restricted tasks are ever hidden from someone of the agency.
                    hidden = everything - ids
                    for tid in hidden:
                        self.assertTrue(self.director.get(f"{TASKS}/{tid}").json["restricted"], tid)
                    # Counts leave them out too: the figures add up to exactly the visible list.
                    stats = c.get(STATS + "?as_of=2099-12-31").json
                    self.assertEqual(stats["total"] + stats["cancelled"], len(ids))
                    infra = str(self.agency.infra)
                    by_org = {g["key"]: g["total"] + g["cancelled"] for g in stats["by_lead_org"]}
                    full = {g["key"]: g["total"] + g["cancelled"]
                            for g in self.director.get(STATS + "?as_of=2099-12-31").json["by_lead_org"]}
                    hidden_infra = [t for t in hidden
                                    if self.director.get(f"{TASKS}/{t}").json["lead_org"]["id"] == self.agency.infra]
                    self.assertEqual(by_org.get(infra, 0), full[infra] - len(hidden_infra))

        # The lead unit (head and every member), the leaders and the consolidators see it.
        check({"director", "consolidator", "infra_head", "infra_specialist", "cv_binh"},
              {"transport_head", "cv_vt", "admin", "viewer"})
        # Once the transport division cooperates, its people see it too.
        current = self.director.get(f"{TASKS}/{secret['id']}").json
        r = self.director.patch(f"{TASKS}/{secret['id']}", {"cooperator_ids": [self.agency.transport]},
                                version=current["version"])
        self.assertEqual(r.status, 200, r)
        check({"transport_head", "cv_vt"}, {"admin", "viewer"})

    def test_restricted_subtask_does_not_show_through_its_parent_or_source(self):
        source = self.create_source(self.director, "ad_hoc", "Công văn có việc mật")
        parent = self.create_task(self.director, source, self.agency.infra, "Việc chung của Sở",
                                  assigned_on="2023-08-01", cooperator_ids=[self.agency.transport])
        secret = self.create_task(self.director, source, self.agency.infra, "Việc con mật", assigned_on="2023-08-01",
                                  parent_id=parent["id"], restricted=True)
        seen = self.director.get(f"{TASKS}/{parent['id']}").json
        self.assertEqual([s["id"] for s in seen["subtasks"]], [secret["id"]])
        for role in ("transport_head", "cv_vt", "viewer", "admin"):
            with self.subTest(role=role):
                c = self.session(role)
                r = c.get(f"{TASKS}/{parent['id']}")
                self.assertEqual(r.status, 200, r)
                self.assertEqual(r.json["subtasks"], [], "a restricted subtask shows through its parent")
                self.assertEqual(visible_ids(c, f"&parent={parent['id']}"), set())
        for role in ("transport_head", "cv_vt", "viewer", "admin"):
            with self.subTest(role=role, counted_in="source"):
                self.assertEqual(self.session(role).get(f"{SOURCES}/{source}").json["task_count"], 1,
                                 "the source counts a task the reader may not see")

    def test_restricted_task_is_visible_to_its_assignee(self):
        secret = self.create_task(self.director, self.source_id, self.agency.infra, "Việc mật giao cá nhân",
                                  assigned_on="2023-08-01", restricted=True, assignee_ids=[self.people["cv_vt"]])
        vt = self.session("cv_vt")
        seen = vt.get(f"{TASKS}/{secret['id']}")
        self.assertEqual(seen.status, 200, seen)
        self.assertIn(secret["id"], visible_ids(vt))
        self.assertTrue(seen.json["permissions"]["report_progress"])
        self.assertError(self.session("transport_head").get(f"{TASKS}/{secret['id']}"), 404, "not_found")


@skip_unless_database_available
class CredentialsTest(AccessTestCase):
    def token_for(self, role: str) -> tuple[str, str]:
        out = self.db.cli("token", "create", self.agency.usernames[role], "--name", "tích hợp").stdout.split()
        return out[0], out[1]

    def test_api_token_needs_no_csrf_and_dies_when_revoked(self):
        token_id, token = self.token_for("consolidator")
        c = Client(self.server)
        c.token = token
        me = c.get("/api/v1/me")
        self.assertEqual(me.status, 200, me)
        self.assertEqual(me.json["username"], self.agency.usernames["consolidator"])
        self.assertNotIn("csrf_token", me.json)
        self.assertIsNone(c.cookie)
        r = c.post(SOURCES, {"kind": "directive", "title": "Chỉ thị qua tích hợp"})
        self.assertEqual(r.status, 201, r)
        self.assertError(Client(self.server).get("/api/v1/me", headers={"Authorization": token}), 401)
        self.assertError(Client(self.server).get("/api/v1/me", headers={"Authorization": "Bearer " + token[:-2]}),
                         401)
        self.db.cli("token", "revoke", token_id)
        self.assertError(c.get("/api/v1/me"), 401, "unauthenticated")
        self.assertError(c.post(SOURCES, {"kind": "directive", "title": "Sau khi thu hồi"}), 401, "unauthenticated")
        self.assertNotIn("Sau khi thu hồi", [s["title"] for s in self.director.get(SOURCES).json["items"]])

    def test_cookie_requests_need_the_right_csrf_token(self):
        c = self.client("consolidator")
        other = self.client("consolidator")  # a second session of the same person
        task = self.standard_task("Kiểm tra CSRF")
        writes = [("POST", SOURCES, {"kind": "ad_hoc", "title": "Giả mạo"}, {}),
                  ("PATCH", f"{TASKS}/{task['id']}", {"title": "Giả mạo"}, {"If-Match": f'"{task["version"]}"'}),
                  ("POST", f"{TASKS}/{task['id']}/updates", {"body": "Giả mạo"}, {}),
                  ("POST", "/api/v1/auth/logout", {}, {})]
        for method, path, body, extra in writes:
            for token in (None, "", "sai-token", other.csrf):
                with self.subTest(path=path, token=token):
                    r = c.request(method, path, body=body, csrf=False, headers={"X-CSRF-Token": token, **extra})
                    self.assertError(r, 403, "csrf_failed")
        self.assertEqual(self.director.get(f"{TASKS}/{task['id']}").json["version"], task["version"])
        self.assertNotIn("Giả mạo", [s["title"] for s in self.director.get(SOURCES).json["items"]])
        self.assertEqual(c.get("/api/v1/me").status, 200, "the session survived the refused logout")
        r = c.post(f"{TASKS}/{task['id']}/updates", {"reported_on": "2023-08-02", "body": "Đúng token"})
        self.assertEqual(r.status, 201, r)
        r = c.request("POST", f"{TASKS}/{task['id']}/updates", body={"body": "x"}, csrf=False,
                      headers={"Accept-Language": "en"})
        self.assertError(r, 403, "csrf_failed", lang="en")

    def test_disabled_user_loses_sessions_and_tokens_at_once(self):
        self.agency.add_user("tam_nghi", "unit_head", self.agency.transport, "Đặng Văn Nghỉ", "Phó Trưởng phòng")
        c = self.client("tam_nghi")
        _, token = self.token_for("tam_nghi")
        bearer = Client(self.server)
        bearer.token = token
        self.assertEqual(c.get("/api/v1/me").status, 200)
        self.assertEqual(bearer.get("/api/v1/me").status, 200)
        self.db.cli("user", "disable", self.agency.usernames["tam_nghi"])
        self.assertError(c.get("/api/v1/me"), 401, "unauthenticated")
        self.assertError(c.get(TASKS), 401, "unauthenticated")
        self.assertError(c.post(SOURCES, {"kind": "ad_hoc", "title": "x"}), 401, "unauthenticated")
        self.assertError(bearer.get("/api/v1/me"), 401, "unauthenticated")
        self.assertError(Client(self.server).login(self.agency.usernames["tam_nghi"]), 401, "invalid_credentials")
        self.db.cli("user", "enable", self.agency.usernames["tam_nghi"])
        self.assertError(c.get("/api/v1/me"), 401, "unauthenticated")  # ended sessions stay ended
        self.assertEqual(self.client("tam_nghi").get("/api/v1/me").status, 200)

    def test_password_reset_from_the_command_line_ends_sessions(self):
        self.agency.add_user("tam_quen", "specialist", self.agency.transport, "Lê Thị Quên", "Chuyên viên")
        username = self.agency.usernames["tam_quen"]
        c = self.client("tam_quen")
        self.assertEqual(c.get("/api/v1/me").status, 200)
        self.db.cli("user", "passwd", username, "--password-stdin", stdin="mat-khau-moi-456\n")
        self.assertError(c.get("/api/v1/me"), 401, "unauthenticated")
        self.assertError(Client(self.server).login(username), 401, "invalid_credentials")
        self.assertEqual(Client(self.server).login(username, "mat-khau-moi-456").status, 200)
        weak = self.db.cli("user", "passwd", username, "--password", "123", check=False)
        self.assertNotEqual(weak.returncode, 0)
        self.assertEqual(Client(self.server).login(username, "mat-khau-moi-456").status, 200)

    def test_logout_ends_the_session(self):
        c = self.client("transport_head")
        cookie = c.cookie
        r = c.post("/api/v1/auth/logout")
        self.assertEqual(r.status, 200, r)
        self.assertError(Client(self.server).get("/api/v1/me", headers={"Cookie": cookie}), 401, "unauthenticated")


@skip_unless_database_available
class LoginThrottleTest(ApiTestCase):
    """Its own database: failed logins also count per client address, and all tests come from 127.0.0.1."""

    def test_five_wrong_passwords_make_the_next_attempt_from_that_address_wait(self):
        username = self.agency.usernames["consolidator"]
        earlier = self.client("consolidator")  # a session from before the attack
        for attempt in range(5):
            with self.subTest(attempt=attempt):
                self.assertError(Client(self.server).login(username, f"doan-sai-{attempt}"), 401,
                                 "invalid_credentials")
        locked = Client(self.server)
        self.assertError(locked.login(username, PASSWORD), 429, "too_many_requests")
        self.assertIsNone(locked.cookie)
        r = locked.request("POST", "/api/v1/auth/login", body={"username": username, "password": PASSWORD},
                           headers={"Accept-Language": "en"})
        self.assertError(r, 429, "too_many_requests", lang="en")
        # Throttling guards logging in; a session that already exists is not the attacker's.
        self.assertEqual(earlier.get("/api/v1/me").status, 200)


if __name__ == "__main__":
    unittest.main()
