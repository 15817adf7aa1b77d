"""PATCH /users/{id} and /people/{id}: an administrator changes roles, locks and unlocks accounts,
resets passwords and keeps people's details current, within their own agency and the organisations
below it."""
from __future__ import annotations

import datetime
import sqlite3
import subprocess
import threading
import time
import unittest

from harness import DIALECT, PASSWORD, Agency, ApiTestCase, Client, Server, skip_unless_database_available

DAY_MS = 86_400_000


@skip_unless_database_available
class AccountAdministrationTest(ApiTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.other = Agency(cls.db, code="SYT", place="Bình Định")

    def user(self, admin: Client, user_id: int) -> dict:
        users = admin.get("/api/v1/users").json["items"]
        return next(u for u in users if u["id"] == user_id)

    def login(self, username: str, password: str = PASSWORD) -> Client:
        c = Client(self.server)
        c.login(username, password)
        return c

    def test_lock_unlock_and_reset(self) -> None:
        admin = self.client("admin")
        uid = self.agency.add_user("locked_one", "specialist", self.agency.infra, "Hồ Thị Khóa")
        name = self.agency.usernames["locked_one"]
        victim = self.login(name)
        self.assertEqual(victim.get("/api/v1/me").status, 200)

        u = self.user(admin, uid)
        r = admin.patch(f"/api/v1/users/{uid}", {"disabled": True}, version=u["version"])
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json["disabled"])
        self.assertEqual(r.headers["etag"], f'"{r.json["version"]}"')
        self.assertError(victim.get("/api/v1/me"), 401, "unauthenticated")
        self.assertEqual(Client(self.server).login(name).status, 401)

        r = admin.patch(f"/api/v1/users/{uid}", {"disabled": False, "password": "mat-khau-moi-456"},
                        version=r.json["version"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual(Client(self.server).login(name).status, 401)
        self.assertEqual(Client(self.server).login(name, "mat-khau-moi-456").status, 200)

    def test_a_new_role_applies_to_open_sessions(self) -> None:
        admin = self.client("admin")
        uid = self.agency.add_user("promoted", "specialist", self.agency.transport, "Lý Văn Lên")
        member = self.login(self.agency.usernames["promoted"])
        self.assertEqual(member.get("/api/v1/me").json["role"], "specialist")
        r = admin.patch(f"/api/v1/users/{uid}", {"role": "unit_head"}, version=self.user(admin, uid)["version"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual(member.get("/api/v1/me").json["role"], "unit_head")

    def test_versions_and_validation(self) -> None:
        admin = self.client("admin")
        uid = self.agency.users["transport_head"]
        u = self.user(admin, uid)
        self.assertError(admin.patch(f"/api/v1/users/{uid}", {"disabled": False}), 428, "precondition_required")
        self.assertError(admin.patch(f"/api/v1/users/{uid}", {"disabled": False}, version=u["version"] + 5),
                         412, "precondition_failed")
        self.assertError(admin.patch(f"/api/v1/users/{uid}", {"role": "king"}, version=u["version"]),
                         422, "validation_failed", "role", "invalid")
        self.assertError(admin.patch(f"/api/v1/users/{uid}", {"password": "123"}, version=u["version"]),
                         422, "validation_failed", "password")
        self.assertError(admin.patch(f"/api/v1/users/{uid}", {"nickname": "x"}, version=u["version"]),
                         422, "validation_failed", "nickname")
        me = self.agency.users["admin"]
        mine = self.user(admin, me)
        self.assertError(admin.patch(f"/api/v1/users/{me}", {"disabled": True}, version=mine["version"]),
                         422, "validation_failed", "disabled", "own_account")
        self.assertError(admin.patch(f"/api/v1/users/{me}", {"role": "viewer"}, version=mine["version"]),
                         422, "validation_failed", "role", "own_account")
        self.assertEqual(self.user(admin, uid)["version"], u["version"])

    def test_only_an_admin_of_the_same_agency(self) -> None:
        uid = self.agency.users["infra_specialist"]
        version = self.user(self.client("admin"), uid)["version"]
        self.assertError(self.client("director").patch(f"/api/v1/users/{uid}", {"disabled": True}, version=version),
                         403, "forbidden")
        foreign_admin = Client(self.server)
        self.assertEqual(foreign_admin.login(self.other.usernames["admin"]).status, 200)
        self.assertError(foreign_admin.patch(f"/api/v1/users/{uid}", {"disabled": True}, version=version),
                         404, "not_found")
        self.assertFalse(self.user(self.client("admin"), uid)["disabled"])

    def test_a_province_admin_changes_the_accounts_it_may_create(self) -> None:
        # One rule for creating and changing: an admin reaches the accounts of the organisations
        # below their own agency too, and nothing above or beside it.
        self.agency.add_user("province_admin", "admin", self.agency.province, "Huỳnh Văn Tỉnh")
        province_admin = self.client("province_admin")
        r = province_admin.post("/api/v1/users", {
            "username": "sgtvt.pgd.moi", "password": PASSWORD, "role": "leader",
            "organization_id": self.agency.agency, "full_name": "Phan Văn Mới", "position": "Phó Giám đốc"})
        self.assertEqual(r.status, 201, r)
        uid, version = r.json["id"], r.json["version"]
        r = province_admin.patch(f"/api/v1/users/{uid}", {"disabled": True}, version=version)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json["disabled"])
        r = province_admin.patch(f"/api/v1/users/{uid}", {"disabled": False, "role": "consolidator"},
                                 version=r.json["version"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["role"], r.json["disabled"]), ("consolidator", False))
        # The department's own admin may change it as well, but not the province's account.
        department_admin = self.client("admin")
        self.assertEqual(self.user(department_admin, uid)["role"], "consolidator")
        pid = self.agency.users["province_admin"]
        self.assertError(department_admin.patch(f"/api/v1/users/{pid}", {"disabled": True}, version=1),
                         404, "not_found")
        self.assertError(department_admin.post("/api/v1/users", {
            "username": "sgtvt.tinh.moi", "password": PASSWORD, "role": "leader",
            "organization_id": self.agency.province, "full_name": "Phan Văn Tỉnh"}),
            422, "validation_failed", "organization_id", "not_found")


@skip_unless_database_available
class AccountRaceTest(ApiTestCase):
    """Two `giaoban serve` processes on one database: racing changes to one account with the same
    If-Match lose nothing; exactly one wins and the others are told the account changed."""

    ROUNDS = 15
    # Each racer asks for a different state, so the final state tells who won.
    WANTS = [("specialist", False), ("unit_head", True), ("viewer", False), ("consolidator", True),
             ("leader", False), ("specialist", True)]

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.server2 = Server(cls.db)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server2.stop()
        super().tearDownClass()

    def test_racing_changes_through_two_servers_have_one_winner(self) -> None:
        admin = self.session("admin")
        per_server = []
        for server in (self.server, self.server2):
            c = Client(server)
            c.cookie, c.csrf = admin.cookie, admin.csrf
            per_server.append(c)
        uid = self.agency.add_user("raced", "specialist", self.agency.transport, "Tạ Văn Đua")

        def current() -> dict:
            return next(u for u in admin.get("/api/v1/users").json["items"] if u["id"] == uid)

        for round_no in range(self.ROUNDS):
            before = current()
            barrier = threading.Barrier(len(self.WANTS))
            answers: list = [None] * len(self.WANTS)

            def race(i: int) -> None:
                try:
                    barrier.wait(timeout=30)
                    role, disabled = self.WANTS[i]
                    answers[i] = per_server[i % 2].patch(f"/api/v1/users/{uid}",
                                                         {"role": role, "disabled": disabled},
                                                         version=before["version"])
                except Exception as e:  # reported below, not lost in the thread
                    answers[i] = e

            threads = [threading.Thread(target=race, args=(i,), daemon=True) for i in range(len(self.WANTS))]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            self.assertFalse(any(t.is_alive() for t in threads), "racing requests did not finish")
            for a in answers:
                if isinstance(a, Exception):
                    raise a
            statuses = sorted(a.status for a in answers)
            with self.subTest(round=round_no):
                self.assertEqual(statuses, [200] + [412] * (len(self.WANTS) - 1), answers)
            winners = [i for i, a in enumerate(answers) if a.status == 200]
            if len(winners) != 1:
                continue
            after = current()
            self.assertEqual((after["role"], after["disabled"]), self.WANTS[winners[0]])
            self.assertEqual(after["version"], before["version"] + 1)


@skip_unless_database_available
class ApiTokenTest(ApiTestCase):
    """API tokens for integrations: an optional expiry, and their use recorded without turning every
    request into a write."""

    def query(self, statement: str):
        """The single value a query returns, read behind the server's back."""
        if DIALECT == "postgres":
            out = subprocess.run(["psql", self.db.url, "-tAc", statement], check=True, capture_output=True,
                                 text=True, timeout=60).stdout.strip()
            return int(out) if out else None
        with sqlite3.connect(self.db.url, timeout=30) as conn:
            value = conn.execute(statement).fetchone()[0]
        conn.close()
        return value

    def create_token(self, *options: str) -> tuple[int, Client]:
        out = self.db.cli("token", "create", self.agency.usernames["consolidator"], *options).stdout.split()
        c = Client(self.server)
        c.token = out[1]
        return int(out[0]), c

    def test_a_token_can_expire(self) -> None:
        before = int(time.time() * 1000)
        token_id, bearer = self.create_token("--expires-in-days", "30")
        expires_at = self.query(f"SELECT expires_at FROM api_tokens WHERE id = {token_id}")
        self.assertGreaterEqual(expires_at, before + 30 * DAY_MS)
        self.assertLessEqual(expires_at, int(time.time() * 1000) + 30 * DAY_MS)
        self.assertEqual(bearer.get("/api/v1/me").status, 200)
        self.db.sql(f"UPDATE api_tokens SET expires_at = {int(time.time() * 1000) - 1000} WHERE id = {token_id}")
        self.assertError(bearer.get("/api/v1/me"), 401, "unauthenticated")

        # A last day: the token works until that day ends in the agency's time zone (UTC+7).
        tomorrow = datetime.date.today() + datetime.timedelta(days=1)
        token_id, bearer = self.create_token("--expires", tomorrow.isoformat())
        self.assertEqual(bearer.get("/api/v1/me").status, 200)
        end = datetime.datetime.combine(tomorrow + datetime.timedelta(days=1), datetime.time(),
                                        datetime.timezone(datetime.timedelta(hours=7)))
        self.assertEqual(self.query(f"SELECT expires_at FROM api_tokens WHERE id = {token_id}"),
                         int(end.timestamp() * 1000))

        # Nothing already expired, nothing malformed, not both ways at once.
        username = self.agency.usernames["consolidator"]
        yesterday = (datetime.date.today() - datetime.timedelta(days=2)).isoformat()
        for options in (["--expires", yesterday], ["--expires", "31/12/2030"], ["--expires-in-days", "0"],
                        ["--expires-in-days", "5", "--expires", "2030-12-31"]):
            with self.subTest(options=options):
                self.assertNotEqual(self.db.cli("token", "create", username, *options, check=False).returncode, 0)
        # Without either, a token does not expire.
        token_id, bearer = self.create_token()
        self.assertIsNone(self.query(f"SELECT expires_at FROM api_tokens WHERE id = {token_id}"))
        self.assertEqual(bearer.get("/api/v1/me").status, 200)

    def test_use_is_recorded_at_most_once_a_minute(self) -> None:
        token_id, bearer = self.create_token()
        last_used = f"SELECT last_used_at FROM api_tokens WHERE id = {token_id}"
        self.assertIsNone(self.query(last_used))
        before = int(time.time() * 1000)
        self.assertEqual(bearer.get("/api/v1/me").status, 200)
        first = self.query(last_used)
        self.assertIsNotNone(first)
        self.assertGreaterEqual(first, before - 1000)

        # Used again within the minute: not written again.
        recent = int(time.time() * 1000) - 30_000
        self.db.sql(f"UPDATE api_tokens SET last_used_at = {recent} WHERE id = {token_id}")
        for _ in range(3):
            self.assertEqual(bearer.get("/api/v1/me").status, 200)
        self.assertEqual(self.query(last_used), recent)

        # Over a minute later: written again.
        self.db.sql(f"UPDATE api_tokens SET last_used_at = {recent - 60_000} WHERE id = {token_id}")
        before = int(time.time() * 1000)
        self.assertEqual(bearer.get("/api/v1/me").status, 200)
        self.assertGreaterEqual(self.query(last_used), before - 1000)


@skip_unless_database_available
class PeopleAdministrationTest(ApiTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.other = Agency(cls.db, code="SXD", place="Bình Định")

    def person(self, admin: Client, person_id: int) -> dict:
        return next(p for p in admin.get("/api/v1/people").json["items"] if p["id"] == person_id)

    def test_move_rename_and_leave(self) -> None:
        admin = self.client("admin")
        uid = self.agency.add_user("moving", "specialist", self.agency.infra, "Trương Văn Chuyển")
        member = Client(self.server)
        self.assertEqual(member.login(self.agency.usernames["moving"]).status, 200)
        pid = member.get("/api/v1/me").json["person_id"]
        p = self.person(admin, pid)

        r = admin.patch(f"/api/v1/people/{pid}", {"organization_id": self.agency.transport,
                                                   "full_name": "Trương Văn Chuyển", "position": "Phó Trưởng phòng",
                                                   "phone": "0255 3822 123"}, version=p["version"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["organization_id"], r.json["organization_name"], r.json["position"]),
                         (self.agency.transport, "Phòng Quản lý vận tải", "Phó Trưởng phòng"))
        self.assertEqual(r.headers["etag"], f'"{r.json["version"]}"')
        me = member.get("/api/v1/me").json
        self.assertEqual((me["organization_id"], me["position"]), (self.agency.transport, "Phó Trưởng phòng"))
        self.assertError(admin.patch(f"/api/v1/people/{pid}", {"position": "x"}, version=p["version"]),
                         412, "precondition_failed")

        r = admin.patch(f"/api/v1/people/{pid}", {"active": False}, version=r.json["version"])
        self.assertEqual(r.status, 200, r)
        self.assertFalse(r.json["active"])
        self.assertError(member.get("/api/v1/me"), 401, "unauthenticated")
        self.assertEqual(Client(self.server).login(self.agency.usernames["moving"]).status, 401)
        account = next(u for u in admin.get("/api/v1/users").json["items"] if u["id"] == uid)
        self.assertTrue(account["disabled"])

    def test_validation_and_reach(self) -> None:
        admin = self.client("admin")
        pid = self.person_of("infra_specialist")
        p = self.person(admin, pid)
        self.assertError(admin.patch(f"/api/v1/people/{pid}", {"full_name": "  "}, version=p["version"]), 422,
                         "validation_failed", "full_name")
        self.assertError(admin.patch(f"/api/v1/people/{pid}", {"organization_id": self.other.agency},
                                     version=p["version"]), 422, "validation_failed", "organization_id", "not_found")
        self.assertError(admin.patch(f"/api/v1/people/{pid}", {"salary": 1}, version=p["version"]), 422,
                         "validation_failed", "salary")
        self.assertError(admin.patch(f"/api/v1/people/{pid}", {"position": "x"}), 428, "precondition_required")
        self.assertError(self.client("director").patch(f"/api/v1/people/{pid}", {"position": "x"}, version=p["version"]),
                         403, "forbidden")
        foreign = Client(self.server)
        self.assertEqual(foreign.login(self.other.usernames["admin"]).status, 200)
        self.assertError(foreign.patch(f"/api/v1/people/{pid}", {"position": "x"}, version=p["version"]),
                         404, "not_found")
        own = self.person_of("admin")
        self.assertError(admin.patch(f"/api/v1/people/{own}", {"active": False},
                                     version=self.person(admin, own)["version"]),
                         422, "validation_failed", "active", "own_account")
        self.assertEqual(self.person(admin, pid), p)


if __name__ == "__main__":
    unittest.main()
