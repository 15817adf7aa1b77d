"""Every route of the API against its OpenAPI document.

Each response of these tests goes through CheckedClient, which fails the test when the document
(fetched from the running server at /api/v1/openapi.json) does not declare the response's status
for that path and method, or when the body does not validate against the declared schema: a
missing required field, an undocumented field, a wrong type, a null where none is allowed. The
last test of the main class checks that every operation of the document answered successfully at
least once, and every protected one refused an anonymous request.
"""
from __future__ import annotations

import base64
import json
import re
import socket
import unittest

from harness import PASSWORD, ApiTestCase, Client, Response, skip_unless_database_available
from openapi_check import OpenApi
from pngs import blue_stroke, red_ring

PDF = b"%PDF-1.4\n% giaoban test\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
NEW_PASSWORD = "mat-khau-moi-456"


class CheckedClient(Client):
    """A client that checks every response against the document and records what it saw."""

    def __init__(self, server, spec: OpenApi, seen: set) -> None:
        super().__init__(server)
        self.spec = spec
        self.seen = seen

    def request(self, method: str, path: str, body=None, headers=None, raw=None, csrf=True,
                documented: bool = True) -> Response:
        r = super().request(method, path, body=body, headers=headers, raw=raw, csrf=csrf)
        if documented:
            errors = self.spec.check_response(method, path, r.status, r.headers, r.raw)
            if errors:
                raise AssertionError("response departs from the OpenAPI document:\n  "
                                     + "\n  ".join(errors) + f"\nresponse: {r!r}")
            template, _ = self.spec.find(method, path.split("?", 1)[0])
            self.seen.add((method, template, r.status))
        return r


class OpenApiCase(ApiTestCase):
    spec: OpenApi
    seen: set

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        r = Client(cls.server).get("/api/v1/openapi.json")
        assert r.status == 200, r
        cls.spec = OpenApi(r.json)
        cls.seen = set()

    def checked(self, role: str | None = None) -> CheckedClient:
        c = CheckedClient(self.server, self.spec, self.seen)
        if role:
            r = c.login(self.agency.usernames[role])
            self.assertEqual(r.status, 200, r)
        return c

    def bearer(self, role: str) -> CheckedClient:
        out = self.db.cli("token", "create", self.agency.usernames[role], "--name", "openapi test")
        c = CheckedClient(self.server, self.spec, self.seen)
        c.token = out.stdout.strip().split("\t")[1]
        return c

    def concrete_paths(self, ids: int = 1):
        """(METHOD, concrete path, operation) for every operation, parameters set to `ids`."""
        for method, template, op in self.spec.operations():
            path = self.spec.base + re.sub(r"\{[^}]*\}", str(ids), template)
            yield method, path, op

    def field_codes(self, r: Response) -> dict[str, str]:
        return {f["field"]: f["code"] for f in r.json.get("fields", [])}

    def make_source(self, c: CheckedClient, **extra) -> int:
        body = {"kind": "ad_hoc", "title": "Khắc phục hậu quả mưa lũ", "doc_number": "2345/UBND-KTN",
                "doc_date": "2023-08-01", "issuer": "UBND tỉnh"}
        body.update(extra)
        r = c.post("/api/v1/sources", body)
        self.assertEqual(r.status, 201, r)
        return r.json["id"]

    def make_task(self, c: CheckedClient, source: int, **extra) -> dict:
        body = {"source_id": source, "title": "Kiểm tra các tuyến đường tỉnh sau lũ",
                "lead_org_id": self.agency.infra, "assigned_on": "2023-08-02",
                "deadline": "2023-08-31"}
        body.update(extra)
        r = c.post("/api/v1/tasks", body)
        self.assertEqual(r.status, 201, r)
        return r.json


@skip_unless_database_available
class OpenApiRoutesTest(OpenApiCase):
    # --- meta ---------------------------------------------------------------------------------

    def test_health_and_document(self):
        c = self.checked()
        self.assertEqual(c.get("/api/v1/health").status, 200)
        r = c.get("/api/v1/openapi.json")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json["openapi"], "3.0.3")

    # --- authentication -----------------------------------------------------------------------

    def test_login_logout_and_me(self):
        anon = self.checked()
        director = self.agency.usernames["director"]
        r = anon.post("/api/v1/auth/login", {"username": director, "password": "sai-mat-khau"})
        self.assertEqual((r.status, r.json["code"]), (401, "invalid_credentials"))
        r = anon.post("/api/v1/auth/login", {"username": director})
        self.assertEqual(r.status, 422)
        self.assertEqual(self.field_codes(r), {"password": "required"})
        r = anon.post("/api/v1/auth/login", {"username": director, "password": "x", "remember": True})
        self.assertEqual(self.field_codes(r)["remember"], "unknown_field")
        r = anon.request("POST", "/api/v1/auth/login", raw=b"{",
                         headers={"Content-Type": "application/json"})
        self.assertEqual((r.status, r.json["code"]), (400, "bad_json"))
        r = anon.request("POST", "/api/v1/auth/login", raw=b"username=a",
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 415)
        self.assertEqual(anon.get("/api/v1/me").status, 401)

        c = self.checked()
        r = c.login(director)
        self.assertEqual(r.status, 200)
        self.assertIn("gb_session=", r.headers["set-cookie"])
        me = c.get("/api/v1/me")
        self.assertEqual(me.status, 200)
        self.assertEqual(me.json["csrf_token"], c.csrf)

        r = c.post("/api/v1/auth/logout", csrf=False)
        self.assertEqual((r.status, r.json["code"]), (403, "csrf_failed"))
        self.assertEqual(c.post("/api/v1/auth/logout").status, 200)
        self.assertEqual(c.get("/api/v1/me").status, 401)

    def test_bearer_token(self):
        b = self.bearer("consolidator")
        me = b.get("/api/v1/me")
        self.assertEqual(me.status, 200)
        self.assertNotIn("csrf_token", me.json)
        self.assertEqual(b.post("/api/v1/auth/logout").status, 200)
        b.token = "not-a-token"
        self.assertEqual(b.get("/api/v1/me").status, 401)

    def test_change_password(self):
        admin = self.checked("admin")
        r = admin.post("/api/v1/users", {
            "username": "sgtvt.cv.minh", "password": "mat-khau-123", "role": "specialist",
            "organization_id": self.agency.transport, "full_name": "Hồ Văn Minh",
            "position": "Chuyên viên", "email": "minh@example.vn"})
        self.assertEqual(r.status, 201, r)
        c = self.checked()
        self.assertEqual(c.login("sgtvt.cv.minh").status, 200)
        r = c.post("/api/v1/me/password", {"old_password": "sai", "new_password": NEW_PASSWORD})
        self.assertEqual(self.field_codes(r), {"old_password": "wrong"})
        r = c.post("/api/v1/me/password", {"old_password": "mat-khau-123"})
        self.assertEqual(self.field_codes(r), {"new_password": "required"})
        r = c.post("/api/v1/me/password", {"old_password": "mat-khau-123", "new_password": NEW_PASSWORD},
                   csrf=False)
        self.assertEqual(r.status, 403)
        r = c.post("/api/v1/me/password", {"old_password": "mat-khau-123", "new_password": NEW_PASSWORD})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.checked().login("sgtvt.cv.minh", NEW_PASSWORD).status, 200)

    # --- users --------------------------------------------------------------------------------

    def test_users(self):
        admin = self.checked("admin")
        r = admin.get("/api/v1/users")
        self.assertEqual(r.status, 200)
        self.assertIn(self.agency.usernames["director"], [u["username"] for u in r.json["items"]])
        self.assertEqual(self.checked("director").get("/api/v1/users").status, 200)
        self.assertEqual(self.checked("infra_specialist").get("/api/v1/users").status, 403)

        r = admin.post("/api/v1/users", {
            "username": "sgtvt.cv.tuan", "password": "mat-khau-123", "role": "specialist",
            "organization_id": self.agency.infra, "full_name": "Trịnh Văn Tuấn"})
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["role"], "specialist")
        self.assertEqual(r.json["person"]["full_name"], "Trịnh Văn Tuấn")

        r = admin.post("/api/v1/users", {
            "username": "sgtvt.cv.tuan", "password": "mat-khau-123", "role": "specialist",
            "organization_id": self.agency.infra, "full_name": "Trịnh Văn Tuấn"})
        self.assertEqual(self.field_codes(r), {"username": "taken"})
        r = admin.post("/api/v1/users", {"username": "sgtvt.x", "password": "mat-khau-123",
                                         "role": "chief", "organization_id": self.agency.infra,
                                         "full_name": "X"})
        self.assertEqual(self.field_codes(r), {"role": "invalid"})
        r = self.checked("director").post("/api/v1/users", {
            "username": "sgtvt.cv.nam", "password": "mat-khau-123", "role": "specialist",
            "organization_id": self.agency.infra, "full_name": "Lý Văn Nam"})
        self.assertEqual(r.status, 403, r)

        created = admin.get("/api/v1/users").json["items"]
        tuan = next(u for u in created if u["username"] == "sgtvt.cv.tuan")
        r = admin.patch(f"/api/v1/users/{tuan['id']}", {"role": "unit_head", "disabled": True},
                        version=tuan["version"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["role"], r.json["disabled"]), ("unit_head", True))
        r = admin.patch(f"/api/v1/users/{tuan['id']}", {"disabled": False}, version=tuan["version"])
        self.assertEqual(r.status, 412, r)
        r = admin.patch(f"/api/v1/people/{tuan['person']['id']}", {"position": "Phó Trưởng phòng"},
                        version=tuan["person"]["version"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["position"], "Phó Trưởng phòng")

    # --- organisations and people -------------------------------------------------------------

    def test_organizations(self):
        admin = self.checked("admin")
        viewer = self.checked("viewer")
        r = viewer.get("/api/v1/organizations")
        self.assertEqual(r.status, 200)
        self.assertIn(self.agency.infra, [o["id"] for o in r.json["items"]])
        self.assertEqual(admin.get("/api/v1/organizations?include_expired=true").status, 200)

        r = admin.get(f"/api/v1/organizations/{self.agency.agency}")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.headers["etag"], f'"{r.json["version"]}"')
        self.assertEqual(admin.get("/api/v1/organizations/999999").status, 404)
        self.assertEqual(admin.get("/api/v1/organizations/abc").status, 404)

        r = admin.post("/api/v1/organizations", {"parent_id": self.agency.agency, "kind": "division",
                                                 "code": "PC", "name": "Phòng Pháp chế"})
        self.assertEqual(r.status, 201, r)
        legal = r.json
        self.assertEqual(r.headers["etag"], f'"{legal["version"]}"')
        r = admin.post("/api/v1/organizations", {"parent_id": self.agency.agency, "kind": "ministry",
                                                 "code": "PC", "name": "Phòng Pháp chế"})
        self.assertEqual(self.field_codes(r), {"kind": "invalid"})
        r = self.checked("director").post("/api/v1/organizations", {
            "parent_id": self.agency.agency, "kind": "division", "code": "TT", "name": "Thanh tra Sở"})
        self.assertEqual(r.status, 403)

        path = f"/api/v1/organizations/{legal['id']}"
        self.assertEqual(admin.patch(path, {"name": "Phòng Pháp chế – Thanh tra"}).status, 428)
        self.assertEqual(admin.patch(path, {"name": "Phòng Pháp chế"}, version=99).status, 412)
        r = admin.patch(path, {"nam": "Phòng Pháp chế"}, version=legal["version"])
        self.assertEqual(self.field_codes(r), {"nam": "unknown_field"})
        r = admin.patch(path, {"name": "Phòng Pháp chế – Thanh tra"}, version=legal["version"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["name"], "Phòng Pháp chế – Thanh tra")
        version = r.json["version"]
        self.assertEqual(self.checked("viewer").patch(path, {"code": "PCTT"}, version=version).status,
                         403)

        r = admin.patch(path, {"code": "QLVT"}, version=version)  # the transport division's code
        self.assertEqual((r.status, r.json["code"]), (422, "validation_failed"))
        self.assertEqual(r.json["fields"], [{"field": "code", "code": "taken"}])

        merge = f"{path}/merge"
        self.assertEqual(admin.post(merge, {"successor_id": self.agency.office}).status, 428)
        r = admin.post(merge, {"successor_id": legal["id"]}, headers={"If-Match": f'"{version}"'})
        self.assertEqual(self.field_codes(r), {"successor_id": "invalid"})
        r = admin.post(merge, {"successor_id": self.agency.office, "effective_on": "2024-01-01"},
                       headers={"If-Match": f'"{version}"'})
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["successor_id"], r.json["valid_to"]), (self.agency.office, "2024-01-01"))
        self.assertEqual(r.headers["etag"], f'"{r.json["version"]}"')

    def test_people(self):
        admin = self.checked("admin")
        r = admin.get("/api/v1/people")
        self.assertEqual(r.status, 200)
        r = admin.get(f"/api/v1/people?organization_id={self.agency.infra}")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.json["items"])
        self.assertEqual({p["organization_id"] for p in r.json["items"]}, {self.agency.infra})
        for bad in ("abc", "0", "12abc"):
            r = admin.get(f"/api/v1/people?organization_id={bad}")
            self.assertEqual(self.field_codes(r), {"organization_id": "invalid"}, bad)
        leaders = admin.get("/api/v1/people?role=leader").json["items"]
        self.assertEqual({p["full_name"] for p in leaders}, {"Nguyễn Văn Đình"})
        self.assertEqual({p["role"] for p in leaders}, {"leader"})
        self.assertEqual(self.field_codes(admin.get("/api/v1/people?role=king")), {"role": "invalid"})
        self.assertEqual(self.field_codes(admin.get("/api/v1/people?orgid=3")), {"orgid": "unknown_parameter"})

        r = admin.post("/api/v1/people", {"organization_id": self.agency.infra,
                                          "full_name": "Đặng Thị Mai", "position": "Chuyên viên",
                                          "email": "mai@example.vn", "phone": "0255 3822 123"})
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["organization_name"], "Phòng Quản lý kết cấu hạ tầng giao thông")
        self.assertIsNone(r.json["role"])
        r = admin.post("/api/v1/people", {"organization_id": self.agency.infra})
        self.assertEqual(self.field_codes(r), {"full_name": "required"})
        r = self.checked("director").post("/api/v1/people", {"organization_id": self.agency.infra,
                                                             "full_name": "Đặng Văn Hải"})
        self.assertEqual(r.status, 403)

    # --- sources ------------------------------------------------------------------------------

    def test_sources(self):
        director = self.checked("director")
        sid = self.make_source(director, title="Khắc phục sạt lở đèo Violắc")
        program = self.make_source(director, kind="key_program", doc_date=None, doc_number="",
                                   title="Chương trình công tác năm 2023")
        r = director.get("/api/v1/sources")
        self.assertEqual(r.status, 200)
        self.assertLessEqual({sid, program}, {s["id"] for s in r.json["items"]})
        r = director.get("/api/v1/sources?kind=ad_hoc&q=sat%20lo%20deo%20violac")
        self.assertEqual([s["id"] for s in r.json["items"]], [sid])
        self.assertEqual(self.field_codes(director.get("/api/v1/sources?kind=bogus")),
                         {"kind": "invalid"})
        self.assertEqual(self.field_codes(director.get("/api/v1/sources?year=2023")),
                         {"year": "unknown_parameter"})

        r = director.get(f"/api/v1/sources/{sid}")
        self.assertEqual(r.status, 200)
        version = r.json["version"]
        self.assertEqual(director.get("/api/v1/sources/999999").status, 404)

        r = self.checked("infra_specialist").post("/api/v1/sources", {"kind": "ad_hoc", "title": "X"})
        self.assertEqual(r.status, 403)
        r = director.post("/api/v1/sources", {"kind": "ad_hoc"})
        self.assertEqual(self.field_codes(r), {"title": "required"})

        path = f"/api/v1/sources/{sid}"
        self.assertEqual(director.patch(path, {"title": "Khắc phục mưa lũ"}).status, 428)
        self.assertEqual(director.patch(path, {"title": "Khắc phục mưa lũ"}, version=99).status, 412)
        r = director.patch(path, {"doc_date": None, "summary": "Tháng 8/2023"}, version=version)
        self.assertEqual(r.status, 200, r)
        self.assertIsNone(r.json["doc_date"])
        self.assertEqual(r.headers["etag"], f'"{r.json["version"]}"')
        r = self.checked("viewer").patch(path, {"title": "X"}, version=r.json["version"])
        self.assertEqual(r.status, 403)

    # --- imports ------------------------------------------------------------------------------

    def test_imports(self):
        planner = self.checked("consolidator")
        program = self.make_source(planner, kind="key_program", doc_date=None, doc_number="",
                                   title="Chương trình công tác năm 2026")
        csv = ("STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Thời gian hoàn thành;Đầu mối\n"
               "1;Lập kế hoạch bảo trì;Phòng Cũ;Tháng 12/2099;\n").encode()
        path = f"/api/v1/sources/{program}/imports"
        r = planner.request("POST", path + "?file_name=ct.csv&page_size=10", raw=csv,
                            headers={"Content-Type": "text/csv"})
        self.assertEqual(r.status, 201, r)
        iid, version = r.json["import"]["id"], r.json["import"]["version"]
        self.assertEqual(r.json["rows"]["items"][0]["errors"], [{"field": "lead", "code": "unknown_unit"}])
        self.assertEqual(planner.get(path).status, 200)
        r = planner.get(f"/api/v1/imports/{iid}?problems_only=true&page=1&page_size=5")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.field_codes(planner.get(f"/api/v1/imports/{iid}?page=0")), {"page": "invalid"})
        r = planner.patch(f"/api/v1/imports/{iid}", {
            "groups_as": "parents", "columns": [{"index": 4, "field": None}],
            "unit_fixes": [{"written": "Phòng Cũ", "organization_id": self.agency.planning}]}, version=version)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.field_codes(planner.patch(f"/api/v1/imports/{iid}", {"groups_as": "x"},
                                                        version=r.json["import"]["version"])),
                         {"groups_as": "invalid"})
        self.assertEqual(planner.patch(f"/api/v1/imports/{iid}", {}).status, 428)
        r = planner.request("POST", f"/api/v1/imports/{iid}/confirm",
                            headers={"If-Match": f'"{r.json["import"]["version"]}"'})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(len(r.json["task_ids"]), 1)
        self.assertEqual(planner.get(f"/api/v1/imports/{iid}/file").status, 200)
        self.assertEqual(planner.get(f"/api/v1/sources/{program}/program.xlsx").status, 200)
        r = planner.request("POST", path + "?file_name=ct2.csv", raw=csv + b"2;Viec;VP;;\n",
                            headers={"Content-Type": "text/csv"})
        self.assertEqual(r.status, 201, r)
        r = planner.request("DELETE", f"/api/v1/imports/{r.json['import']['id']}",
                            headers={"If-Match": f'"{r.json["import"]["version"]}"'})
        self.assertEqual(r.status, 204, r)
        r = planner.request("POST", path + "?file_name=x.xlsx", raw=b"PK\x03\x04",
                            headers={"Content-Type": "application/octet-stream"})
        self.assertEqual((r.status, r.json["code"]), (422, "file_broken_zip"), r)

    # --- calendar -----------------------------------------------------------------------------

    def test_calendar(self):
        self.db.cli("user", "add", "--username", "openapi.tinh", "--role", "admin", "--org",
                    str(self.agency.province), "--name", "Lâm Văn Quản", "--position", "Chuyên viên",
                    "--password-stdin", stdin=PASSWORD + "\n")
        admin = CheckedClient(self.server, self.spec, self.seen)
        self.assertEqual(admin.login("openapi.tinh").status, 200)
        r = self.checked("viewer").get("/api/v1/calendar/2024")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json["origin"], "announced")
        path = "/api/v1/calendar/2024"
        r = admin.request("PUT", path, body={"days": r.json["days"][:3]}, headers={"If-Match": '"0"'})
        self.assertEqual((r.status, r.json["version"]), (200, 1), r)
        self.assertEqual(admin.request("PUT", path, body={"days": []}, headers={"If-Match": '"0"'}).status, 412)
        self.assertEqual(admin.request("PUT", path, body={"days": []}).status, 428)
        r = admin.request("PUT", path, body={"days": "x"}, headers={"If-Match": '"1"'})
        self.assertEqual(self.field_codes(r), {"days": "invalid"})
        r = self.checked("admin").request("DELETE", path, headers={"If-Match": '"1"'})
        self.assertEqual(r.status, 403)
        r = admin.request("DELETE", path, headers={"If-Match": '"1"'})
        self.assertEqual((r.status, r.json["origin"], r.json["version"]), (200, "announced", 0), r)

    # --- report settings ----------------------------------------------------------------------

    def test_report_settings(self):
        r = self.checked("infra_specialist").get("/api/v1/report-settings")
        self.assertEqual((r.status, r.json["version"]), (200, 0), r)
        admin = self.checked("admin")
        body = {key: r.json[key] for key in (
            "period_convention", "due_working_days", "consolidating_org_id", "agency_code", "place_name",
            "parent_line", "agency_line", "recipients", "document_types")}
        body["signers"] = []
        body["consolidating_org_id"] = self.agency.planning
        r = admin.request("PUT", "/api/v1/report-settings", body=body, headers={"If-Match": '"0"'})
        self.assertEqual((r.status, r.json["version"]), (200, 1), r)
        self.assertEqual(admin.request("PUT", "/api/v1/report-settings", body=body,
                                       headers={"If-Match": '"0"'}).status, 412)
        self.assertEqual(admin.request("PUT", "/api/v1/report-settings", body=body).status, 428)
        r = admin.request("PUT", "/api/v1/report-settings", body={**body, "agency_code": "x"},
                          headers={"If-Match": '"1"'})
        self.assertEqual(self.field_codes(r), {"agency_code": "invalid"})
        r = self.checked("director").request("PUT", "/api/v1/report-settings", body=body,
                                             headers={"If-Match": '"1"'})
        self.assertEqual(r.status, 403)

        # The seal and the signers' signatures, PNG files in and out.
        png = {"Content-Type": "image/png"}
        seal = "/api/v1/report-settings/seal"
        self.assertEqual(admin.get(seal).status, 404)
        r = admin.request("PUT", seal, raw=red_ring(), headers=png)
        self.assertEqual(r.status, 200, r)
        etag = r.headers["etag"]
        self.assertEqual(self.checked("infra_specialist").get(seal).status, 200)
        self.assertEqual(admin.get(seal, headers={"If-None-Match": etag}).status, 304)
        self.assertEqual(admin.request("PUT", seal, raw=b"GIF89a", headers=png).status, 422)
        self.assertEqual(self.checked("director").request("PUT", seal, raw=red_ring(), headers=png).status, 403)
        self.assertEqual(admin.request("DELETE", seal).status, 204)
        self.assertEqual(self.checked("director").request("DELETE", seal).status, 403)

        settings = admin.get("/api/v1/report-settings")
        body = {key: settings.json[key] for key in (
            "period_convention", "due_working_days", "consolidating_org_id", "agency_code", "place_name",
            "parent_line", "agency_line", "recipients", "document_types")}
        person = self.person_of("director")
        body["signers"] = [{"person_id": person, "authority": "", "title": "GIÁM ĐỐC"}]
        r = admin.request("PUT", "/api/v1/report-settings", body=body, headers={"If-Match": settings.headers["etag"]})
        self.assertEqual(r.status, 200, r)
        signature = f"/api/v1/report-settings/signers/{person}/signature"
        self.assertEqual(admin.request("PUT", signature, raw=blue_stroke(), headers=png).status, 200)
        r = admin.get("/api/v1/report-settings")
        self.assertIsNotNone(r.json["signers"][0]["signature"], r)
        r = self.checked("viewer").get(signature)
        self.assertEqual(r.status, 404)
        self.assertEqual(admin.get(signature).status, 200)
        self.assertEqual(admin.request("DELETE", signature).status, 204)
        self.assertEqual(admin.get(signature).status, 404)
        other = f"/api/v1/report-settings/signers/{self.person_of('consolidator')}/signature"
        self.assertEqual(admin.request("PUT", other, raw=blue_stroke(), headers=png).status, 404)
        self.assertEqual(admin.request("DELETE", other).status, 404)

    # --- unit reports and notices ----------------------------------------------------------------

    def test_unit_reports_and_notices(self):
        consolidator, head = self.checked("consolidator"), self.checked("transport_head")
        r = consolidator.get("/api/v1/unit-reports?period=2023-08")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(consolidator.get("/api/v1/unit-reports?period=x").status, 422)
        r = consolidator.post("/api/v1/unit-reports/reminders",
                              {"organization_id": self.agency.transport, "period": "2023-08"})
        self.assertEqual((r.status, r.json["notified"]), (200, 1), r)
        r = head.get("/api/v1/notices")
        self.assertEqual(r.status, 200, r)
        r = head.post(f"/api/v1/notices/{r.json['items'][0]['id']}/read")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(head.post("/api/v1/notices/999999/read").status, 404)

        r = head.post("/api/v1/unit-reports", {"organization_id": self.agency.transport, "period": "2023-08"})
        self.assertEqual((r.status, r.json["state"]), (200, "draft"), r)
        url = f"/api/v1/unit-reports/{r.json['id']}"
        self.assertEqual(head.get(url).status, 200)
        prose = {key: "" for key in ("highlights", "shortcomings", "difficulties", "proposals", "next_period")}
        r = head.request("PUT", url, body={**prose, "highlights": "Hoàn thành"}, headers={"If-Match": '"1"'})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(head.request("PUT", url, body=prose, headers={"If-Match": '"1"'}).status, 412)
        self.assertEqual(head.request("PUT", url, body=prose).status, 428)
        self.assertEqual(head.request("PUT", url, body={"x": 1}, headers={"If-Match": '"2"'}).status, 422)
        r = head.request("POST", url + "/submit", body={}, headers={"If-Match": '"2"'})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(head.request("PUT", url, body=prose, headers={"If-Match": '"3"'}).status, 409)
        self.assertEqual(head.request("POST", url + "/accept", body={}, headers={"If-Match": '"3"'}).status, 403)
        r = consolidator.request("POST", url + "/return", body={"comment": "Bổ sung"}, headers={"If-Match": '"3"'})
        self.assertEqual(r.status, 200, r)
        r = head.request("POST", url + "/submit", body={}, headers={"If-Match": '"4"'})
        self.assertEqual(r.status, 200, r)
        r = consolidator.request("POST", url + "/accept", body={}, headers={"If-Match": '"5"'})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.checked("viewer").get(url).status, 404)
        r = consolidator.get("/api/v1/reports/preview?period=2023-08")
        self.assertEqual((r.status, r.json["period_kind"]), (200, "month"), r)
        self.assertEqual(consolidator.get("/api/v1/reports/preview?period=2023-Q3").status, 200)
        self.assertEqual(consolidator.get("/api/v1/reports/preview?period=2023-13").status, 422)
        self.assertEqual(consolidator.get("/api/v1/reports/preview.pdf?period=2023-08").status, 200)
        self.assertEqual(consolidator.get("/api/v1/reports/preview.docx?period=2023-Q3").status, 200)
        self.assertEqual(consolidator.get("/api/v1/reports/preview.pdf?period=2023-13").status, 422)

        # The consolidated report's text, then the report issued, listed and downloaded.
        text = {key: "" for key in ("highlights", "shortcomings", "difficulties", "proposals", "next_period")}
        r = consolidator.request("PUT", "/api/v1/reports/draft", body={"period": "2023-08", **text},
                                 headers={"If-Match": '"0"'})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(consolidator.request("PUT", "/api/v1/reports/draft", body={"period": "2023-08", **text},
                                              headers={"If-Match": '"0"'}).status, 412)
        admin = self.checked("admin")
        settings = admin.get("/api/v1/report-settings")
        body = {key: settings.json[key] for key in (
            "period_convention", "due_working_days", "consolidating_org_id", "agency_code", "place_name",
            "parent_line", "agency_line", "recipients", "document_types")}
        body["signers"] = [{"person_id": self.person_of("director"), "authority": "", "title": "GIÁM ĐỐC"}]
        r = admin.request("PUT", "/api/v1/report-settings", body=body,
                          headers={"If-Match": settings.headers["etag"]})
        self.assertEqual(r.status, 200, r)
        r = consolidator.post("/api/v1/reports/issued",
                              {"period": "2023-08", "signer_person_id": self.person_of("director")})
        self.assertEqual(r.status, 201, r)
        issued = r.json["id"]
        self.assertEqual(consolidator.post("/api/v1/reports/issued",
                                           {"period": "2023-08", "signer_person_id": self.person_of("director")}
                                           ).status, 409)
        self.assertEqual(consolidator.get("/api/v1/reports/issued").status, 200)
        self.assertEqual(consolidator.get("/api/v1/reports/issued/next-number").status, 200)
        self.assertEqual(consolidator.get("/api/v1/reports/issued?year=x").status, 422)
        self.assertEqual(consolidator.get(f"/api/v1/reports/issued/{issued}").status, 200)
        self.assertEqual(consolidator.get(f"/api/v1/reports/issued/{issued}/changes").status, 200)
        self.assertEqual(consolidator.get("/api/v1/reports/issued/999999").status, 404)
        self.assertEqual(consolidator.get(f"/api/v1/reports/issued/{issued}/pdf").status, 200)
        self.assertEqual(consolidator.get(f"/api/v1/reports/issued/{issued}/docx").status, 200)
        self.assertEqual(consolidator.get(f"/api/v1/reports/issued/{issued}/xlsx").status, 200)

    # --- tasks --------------------------------------------------------------------------------

    def test_task_crud_and_listing(self):
        director = self.checked("director")
        source = self.make_source(director)
        lan = self.person_of("infra_specialist")
        leader = self.person_of("director")
        task = self.make_task(director, source, leader_id=leader, assignee_ids=[lan],
                              cooperator_ids=[self.agency.transport], is_key=True,
                              product="Báo cáo UBND tỉnh", deadline_label="Tháng 8/2023")
        tid = task["id"]
        child = self.make_task(director, source, title="Kiểm tra tuyến ĐT.623", parent_id=tid,
                               deadline=None, restricted=True)
        r = director.get(f"/api/v1/tasks/{tid}")
        self.assertEqual(r.status, 200)
        self.assertEqual([s["id"] for s in r.json["subtasks"]], [child["id"]])
        self.assertEqual(r.headers["etag"], f'"{r.json["version"]}"')
        self.assertEqual(director.get(f"/api/v1/tasks/{tid}?as_of=2023-08-01").json["as_of"], "2023-08-01")
        self.assertEqual(director.get(f"/api/v1/tasks/{tid}").json["as_of"],
                         director.get("/api/v1/tasks?page_size=1").json["as_of"])
        self.assertEqual(director.get(f"/api/v1/tasks/{tid}?as_of=2023-08-01").json["status"],
                         "not_yet_assigned")
        self.assertEqual(self.field_codes(director.get(f"/api/v1/tasks/{tid}?as_of=31/08/2023")),
                         {"as_of": "invalid_date"})
        self.assertEqual(self.field_codes(director.get(f"/api/v1/tasks/{tid}?expand=all")),
                         {"expand": "unknown_parameter"})
        self.assertEqual(director.get("/api/v1/tasks/999999").status, 404)

        r = self.checked("infra_specialist").post("/api/v1/tasks", {
            "source_id": source, "title": "X", "lead_org_id": self.agency.infra})
        self.assertEqual(r.status, 403)
        r = director.post("/api/v1/tasks", {"source_id": source, "title": "X"})
        self.assertEqual(self.field_codes(r), {"lead_org_id": "required"})
        r = director.post("/api/v1/tasks", {"source_id": source, "title": "X",
                                            "lead_org_id": self.agency.infra, "owner": 1})
        self.assertEqual(self.field_codes(r), {"owner": "unknown_field"})

        r = director.get("/api/v1/tasks?q=duong%20tinh&as_of=2023-09-01&status=overdue,in_progress"
                         f"&source_kind=ad_hoc&key=true&lead_org={self.agency.infra}"
                         f"&org={self.agency.agency}&assignee={lan}&leader={leader}"
                         "&assigned_from=2023-08-01&assigned_to=2023-08-31&deadline_from=2023-08-01"
                         "&deadline_to=2023-12-31&sort=deadline,-assigned_on&page=1&page_size=10")
        self.assertEqual(r.status, 200, r)
        self.assertEqual([t["id"] for t in r.json["items"]], [tid])
        r = director.get(f"/api/v1/tasks?parent={tid}&period=2023-08&source={source}")
        self.assertEqual([t["id"] for t in r.json["items"]], [child["id"]])
        self.assertEqual(self.field_codes(director.get("/api/v1/tasks?page_size=500")),
                         {"page_size": "out_of_range"})
        self.assertEqual(self.field_codes(director.get("/api/v1/tasks?status=late")),
                         {"status": "invalid"})
        self.assertEqual(self.field_codes(director.get("/api/v1/tasks?owner=1")),
                         {"owner": "unknown_parameter"})

        path = f"/api/v1/tasks/{tid}"
        self.assertEqual(director.patch(path, {"title": "Kiểm tra đường tỉnh"}).status, 428)
        self.assertEqual(director.patch(path, {"title": "Kiểm tra đường tỉnh"}, version=99).status,
                         412)
        r = director.patch(path, {"deadline": "2023-09-30"}, version=task["version"])
        self.assertEqual(self.field_codes(r), {"deadline": "use_extension"})
        r = director.patch(path, {"title": "Kiểm tra đường tỉnh", "leader_id": None,
                                  "assignee_ids": []}, version=task["version"])
        self.assertEqual(r.status, 200, r)
        self.assertIsNone(r.json["leader"])
        r = self.checked("transport_head").patch(path, {"title": "X"}, version=r.json["version"])
        self.assertEqual(r.status, 403)

        r = director.get(f"{path}/history")
        self.assertEqual(r.status, 200)
        self.assertEqual([e["action"] for e in r.json["items"]], ["created", "updated"])
        self.assertIsNone(r.json["items"][0]["before"])

    def test_progress_and_attachments(self):
        director = self.checked("director")
        head = self.checked("infra_head")
        tid = self.make_task(director, self.make_source(director))["id"]
        path = f"/api/v1/tasks/{tid}/updates"
        self.assertEqual(head.get(path).json, {"items": []})
        r = head.post(path, {"reported_on": "2023-08-20", "body": "Đã kiểm tra 3/5 tuyến",
                             "percent": 60, "attachments": [{
                                 "file_name": "Báo cáo kiểm tra.pdf", "content_type": "application/pdf",
                                 "content_base64": base64.b64encode(PDF).decode()}]})
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["progress"], 60)
        r = head.post(path, {"body": "Không ghi tỉ lệ", "reported_on": "2023-08-21"})
        self.assertEqual(r.status, 201, r)
        self.assertEqual([u["percent"] for u in r.json["updates"] if u["body"] == "Không ghi tỉ lệ"],
                         [None])
        updates = head.get(path)
        self.assertEqual(updates.status, 200)
        attachment = [a for u in updates.json["items"] for a in u["attachments"]][0]
        self.assertEqual(attachment["size_bytes"], len(PDF))

        r = head.get(f"/api/v1/tasks/{tid}/attachments/{attachment['id']}")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.raw, PDF)
        self.assertIn("filename*=UTF-8''B%C3%A1o", r.headers["content-disposition"])
        self.assertEqual(head.get(f"/api/v1/tasks/{tid}/attachments/999999").status, 404)

        r = head.post(path, {"body": "x", "percent": 150})
        self.assertEqual(self.field_codes(r), {"percent": "out_of_range"})
        r = head.post(path, {"body": "x", "attachments": [{
            "file_name": "virus.pdf", "content_type": "application/pdf",
            "content_base64": base64.b64encode(b"MZ\x90\x00").decode()}]})
        self.assertEqual(self.field_codes(r), {"attachments[0]": "attachment_type_not_allowed"})
        self.assertEqual(self.checked("viewer").post(path, {"body": "x"}).status, 403)
        self.assertEqual(head.post("/api/v1/tasks/999999/updates", {"body": "x"}).status, 404)

    def test_extensions_explanations_completion_and_cancellation(self):
        director = self.checked("director")
        head = self.checked("infra_head")
        source = self.make_source(director)
        tid = self.make_task(director, source)["id"]
        base = f"/api/v1/tasks/{tid}"

        r = head.post(f"{base}/extensions", {"requested_deadline": "2023-09-30"})
        self.assertEqual(self.field_codes(r), {"reason": "required"})
        r = head.post(f"{base}/extensions", {"requested_deadline": "2023-09-30",
                                             "reason": "Mưa lũ kéo dài"})
        self.assertEqual(r.status, 201, r)
        ext = r.json["extensions"][0]
        self.assertEqual((ext["state"], ext["decided_by"]), ("pending", None))
        r = head.post(f"{base}/extensions", {"requested_deadline": "2023-10-31", "reason": "Thêm"})
        self.assertEqual((r.status, r.json["code"]), (409, "conflict"))

        decision = f"{base}/extensions/{ext['id']}/decision"
        self.assertEqual(head.post(decision, {"decision": "approved"}).status, 403)
        self.assertEqual(self.field_codes(director.post(decision, {"decision": "maybe"})),
                         {"decision": "invalid"})
        self.assertEqual(director.post(f"{base}/extensions/999999/decision",
                                       {"decision": "approved"}).status, 404)
        r = director.post(decision, {"decision": "approved", "note": "Đồng ý"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["extensions"][0]["state"], "approved")
        self.assertTrue(r.json["extended"])
        r = director.post(decision, {"decision": "refused"})
        self.assertEqual((r.status, r.json["code"]), (409, "extension_not_pending"))

        self.assertEqual(head.post(f"{base}/explanations", {"question": "Vì sao?"}).status, 403)
        r = director.post(f"{base}/explanations", {"question": "Đề nghị giải trình lý do chậm"})
        self.assertEqual(r.status, 201, r)
        question = r.json["explanations"][0]
        self.assertIsNone(question["answer"])
        answer = f"{base}/explanations/{question['id']}/answer"
        self.assertEqual(self.field_codes(head.post(answer, {})), {"answer": "required"})
        r = head.post(answer, {"answer": "Do mưa lũ kéo dài"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["explanations"][0]["answer"], "Do mưa lũ kéo dài")
        r = head.post(answer, {"answer": "Lần nữa"})
        self.assertEqual((r.status, r.json["code"]), (409, "conflict"))
        self.assertEqual(head.post(f"{base}/explanations/999999/answer", {"answer": "x"}).status, 404)

        r = head.post(f"{base}/complete", {"completed_on": "2099-01-01"})
        self.assertEqual(self.field_codes(r), {"completed_on": "in_future"})
        self.assertEqual(self.checked("infra_specialist").post(f"{base}/complete", {}).status, 403)
        r = head.post(f"{base}/complete", {"completed_on": "2023-09-05",
                                           "result_doc_number": "99/BC-SGTVT",
                                           "result_doc_date": "2023-09-05", "note": "Xong"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["status"], "completed_on_time")
        r = head.post(f"{base}/complete", {})
        self.assertEqual((r.status, r.json["code"]), (409, "task_already_completed"))

        other = self.make_task(director, source, title="Nhiệm vụ bị rút")["id"]
        cancel = f"/api/v1/tasks/{other}/cancel"
        self.assertEqual(self.field_codes(director.post(cancel, {"kind": "withdrawn"})),
                         {"reason": "required"})
        self.assertEqual(head.post(cancel, {"reason": "x"}).status, 403)
        r = director.post(cancel, {"kind": "withdrawn", "reason": "Không còn phù hợp",
                                   "cancelled_on": "2023-08-10"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["status"], r.json["cancel_kind"]), ("cancelled", "withdrawn"))
        self.assertEqual(r.json["cancel_approver"]["id"], self.person_of("director"))
        r = head.post(f"/api/v1/tasks/{other}/updates", {"body": "x"})
        self.assertEqual((r.status, r.json["code"]), (409, "task_cancelled"))
        self.assertEqual(director.get(f"/api/v1/tasks/{other}/history").status, 200)

    def test_text_with_nul_is_refused(self):
        # JSON may carry "\u0000"; PostgreSQL cannot store it, so the API refuses it everywhere.
        director = self.checked("director")
        r = director.post("/api/v1/sources", {"kind": "ad_hoc", "title": "Nguồn\u0000"})
        self.assertEqual(self.field_codes(r), {"title": "invalid"})
        r = self.checked().post("/api/v1/auth/login", {"username": "a\u0000", "password": "x"})
        self.assertEqual(self.field_codes(r), {"username": "invalid"})
        tid = self.make_task(director, self.make_source(director))["id"]
        r = self.checked("infra_head").post(f"/api/v1/tasks/{tid}/updates", {"body": "x", "attachments": [{
            "file_name": "a\u0000.pdf", "content_type": "application/pdf",
            "content_base64": base64.b64encode(PDF).decode()}]})
        self.assertEqual(self.field_codes(r), {"attachments[0]": "invalid"})

    # --- statistics ---------------------------------------------------------------------------

    def test_statistics(self):
        director = self.checked("director")
        self.make_task(director, self.make_source(director), is_key=True)
        r = director.get("/api/v1/stats?as_of=2023-09-10")
        self.assertEqual(r.status, 200, r)
        self.assertGreaterEqual(r.json["overdue"], 1)
        self.assertTrue(r.json["by_lead_org"])
        self.assertTrue(all("name" in g for g in r.json["by_lead_org"]))
        self.assertTrue(all("name" not in g for g in r.json["by_key"]))
        r = director.get(r.json["by_source_kind"][0]["tasks_url"])
        self.assertEqual(r.status, 200, r)
        r = director.get("/api/v1/stats?period=2023-Q3&page=2&page_size=10&sort=-deadline")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["as_of"], "2023-09-30")
        self.assertEqual(self.field_codes(director.get("/api/v1/stats?status=late")),
                         {"status": "invalid"})
        r = director.get("/api/v1/stats?period=2023-Q3&assigned_from=2023-07-01")
        self.assertEqual(self.field_codes(r), {"period": "conflicts_with_assigned_range"})
        self.assertEqual(self.checked("viewer").get("/api/v1/stats").status, 200)

        r = director.get("/api/v1/tasks/export.xlsx?as_of=2023-09-10&status=overdue&lang=en")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.raw[:4], b"PK\x03\x04")
        self.assertEqual(self.field_codes(director.get("/api/v1/tasks/export.xlsx?lang=xx")),
                         {"lang": "invalid"})

    # --- what every operation shares ----------------------------------------------------------

    def test_every_protected_operation_refuses_anonymous_requests(self):
        anon = self.checked()
        for method, path, op in self.concrete_paths():
            if op.get("security") == []:
                continue
            body = {} if method in ("POST", "PATCH") else None
            r = anon.request(method, path, body=body)
            self.assertEqual((r.status, r.json["code"]), (401, "unauthenticated"), (method, path))

    def test_every_cookie_request_that_changes_state_needs_the_csrf_token(self):
        c = self.checked("director")
        for method, path, op in self.concrete_paths():
            if op.get("security") == [] or method == "GET":
                continue
            r = c.request(method, path, body={}, csrf=False)
            self.assertEqual((r.status, r.json["code"]), (403, "csrf_failed"), (method, path))

    def test_every_body_must_be_json(self):
        b = self.bearer("director")
        for method, path, op in self.concrete_paths():
            if method == "GET":
                continue
            r = b.request(method, path, raw=b"title=x", headers={"Content-Type": "text/plain"})
            self.assertEqual(r.status, 415, (method, path))
            content = op.get("requestBody", {}).get("content", {})
            if "image/png" in content or "text/csv" in content:
                # A route that takes a file takes nothing else, JSON included.
                r = b.request(method, path, raw=b'{"title":"x"}', headers={"Content-Type": "application/json"})
                self.assertEqual((r.status, r.json["code"]), (415, "unsupported_media_type"), (method, path))
                continue
            r = b.request(method, path, raw=b'{"title":"\xff"}',
                          headers={"Content-Type": "application/json"})
            self.assertEqual((r.status, r.json["code"]), (400, "bad_json"), (method, path))

    def test_every_path_with_ids_answers_404_for_unknown_ids(self):
        c = self.checked("director")
        for method, path, op in self.concrete_paths(ids=999999):
            if method == "GET" and "999999" in path:
                self.assertEqual(c.get(path).status, 404, path)

    # KNOWN BUG (src/http/server.cc): Beast's parser already refuses a Content-Length above
    # body_limit while reading the header, so async_read_header fails with error::body_limit and the
    # server closes the connection without the 413 the code means to send. Remove this decorator
    # when that is fixed.
    def test_oversized_body_is_refused_before_it_is_read(self):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as s:
            s.sendall(b"POST /api/v1/tasks/1/updates HTTP/1.1\r\nHost: localhost\r\n"
                      b"Content-Type: application/json\r\nContent-Length: 30000000\r\n\r\n")
            data = b""
            while b"\r\n\r\n" not in data or len(data.split(b"\r\n\r\n", 1)[1]) < 20:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
        self.assertIn(b"\r\n\r\n", data, "the server closed the connection without a response")
        head, body = data.split(b"\r\n\r\n", 1)
        lines = head.decode().split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, v in (l.split(":", 1) for l in lines[1:])}
        body = body[:int(headers.get("content-length", len(body)))]
        self.assertEqual(status, 413)
        errors = self.spec.check_response("POST", "/api/v1/tasks/1/updates", status, headers, body)
        self.assertEqual(errors, [])

    def test_unknown_paths_and_methods_answer_with_the_error_body(self):
        c = self.checked("director")
        error = {"$ref": "#/components/schemas/Error"}
        r = c.get("/api/v1/nothing-here", documented=False)
        self.assertEqual((r.status, r.json["code"]), (404, "not_found"))
        self.assertEqual(self.spec.validate(r.json, error), [])
        r = c.request("DELETE", "/api/v1/tasks/1", documented=False)
        self.assertEqual((r.status, r.json["code"]), (405, "method_not_allowed"))
        self.assertEqual(self.spec.validate(r.json, error), [])

    # --- accounts ------------------------------------------------------------------------------

    def test_created_user_shows_its_person(self):
        # The created account reads back exactly as the list shows it.
        admin = self.checked("admin")
        r = admin.post("/api/v1/users", {
            "username": "sgtvt.cv.hanh", "password": "mat-khau-123", "role": "specialist",
            "organization_id": self.agency.infra, "full_name": "Phan Thị Hạnh",
            "email": "hanh@example.vn"})
        self.assertEqual(r.status, 201, r)
        listed = [u for u in admin.get("/api/v1/users").json["items"] if u["id"] == r.json["id"]]
        self.assertEqual(r.json, listed[0])

    def test_admin_cannot_create_accounts_in_another_agency(self):
        # An agency's administrator must not be able to make themselves admin of another agency.
        other = int(self.db.cli("org", "add", "--kind", "department", "--code", "SYT",
                                "--name", "Sở Y tế", "--parent", str(self.agency.province)).stdout)
        r = self.checked("admin").post("/api/v1/users", {
            "username": "syt.quantri", "password": "mat-khau-123", "role": "admin",
            "organization_id": other, "full_name": "Quản trị Sở Y tế"})
        self.assertIn(r.status, (403, 422), r)

    def test_zz_every_operation_was_exercised(self):
        # Runs last (unittest sorts by name): the tests above must have reached every operation.
        missing_success, missing_401 = [], []
        for method, template, op in self.spec.operations():
            statuses = {s for m, t, s in self.seen if (m, t) == (method, template)}
            if not any(200 <= s < 300 for s in statuses):
                missing_success.append(f"{method} {template}")
            if op.get("security") != [] and 401 not in statuses:
                missing_401.append(f"{method} {template}")
        self.assertEqual(missing_success, [], "operations never answered successfully")
        self.assertEqual(missing_401, [], "operations never refused an anonymous request")


@skip_unless_database_available
class LoginThrottlingTest(OpenApiCase):
    """In a class of its own: the failures also throttle the test's address."""

    def test_too_many_failures_answer_429(self):
        anon = self.checked()
        username = self.agency.usernames["viewer"]
        statuses = [anon.post("/api/v1/auth/login", {"username": username, "password": "sai"}).status
                    for _ in range(6)]
        self.assertEqual(statuses, [401] * 5 + [429])
        r = anon.post("/api/v1/auth/login", {"username": username, "password": "mat-khau-123"})
        self.assertEqual((r.status, r.json["code"]), (429, "too_many_requests"))


class ValidatorTest(unittest.TestCase):
    """The validator itself: a document check is only as good as the checker."""

    spec = OpenApi({
        "openapi": "3.0.3", "servers": [{"url": "/api/v1"}],
        "paths": {"/things/{thing_id}": {"get": {"responses": {"200": {
            "description": "ok", "headers": {"ETag": {"required": True, "schema": {"type": "string"}}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
        "components": {"schemas": {
            "Ref": {"type": "object", "additionalProperties": False, "required": ["id"],
                    "properties": {"id": {"type": "integer", "format": "int64"}}},
            "Thing": {"type": "object", "additionalProperties": False,
                      "required": ["id", "on", "owner", "rate", "tags", "kind"],
                      "properties": {
                          "id": {"type": "integer", "minimum": 1},
                          "on": {"type": "string", "format": "date", "nullable": True},
                          "owner": {"nullable": True, "allOf": [{"$ref": "#/components/schemas/Ref"}]},
                          "rate": {"type": "number", "maximum": 1},
                          "tags": {"type": "array", "maxItems": 2, "items": {"type": "string"}},
                          "kind": {"type": "string", "enum": ["a", "b"]},
                          "either": {"oneOf": [{"type": "integer"}, {"type": "string"}]}}}}}})
    thing = {"$ref": "#/components/schemas/Thing"}
    good = {"id": 1, "on": "2024-02-29", "owner": {"id": 3}, "rate": 0.5, "tags": ["x"], "kind": "a"}

    def errors(self, **changes) -> list[str]:
        value = dict(self.good, **changes)
        return self.spec.validate({k: v for k, v in value.items() if v != "<drop>"}, self.thing)

    def test_accepts_a_conforming_value(self):
        self.assertEqual(self.spec.validate(self.good, self.thing), [])
        self.assertEqual(self.errors(on=None, owner=None, rate=1, either="s"), [])

    def test_refuses_each_kind_of_departure(self):
        cases = {
            "extra": ({"color": "red"}, "undocumented property 'color'"),
            "missing": ({"kind": "<drop>"}, "missing required property 'kind'"),
            "int vs number": ({"id": 1.0}, "expected an integer"),
            "bool is no int": ({"id": True}, "expected an integer"),
            "minimum": ({"id": 0}, "below the minimum"),
            "maximum": ({"rate": 1.5}, "above the maximum"),
            "null": ({"kind": None}, "null is not allowed"),
            "date": ({"on": "2023-02-29"}, "is not a date"),
            "date format": ({"on": "29/02/2024"}, "is not a date"),
            "enum": ({"kind": "c"}, "is not one of"),
            "items": ({"tags": [1]}, "expected a string"),
            "maxItems": ({"tags": ["a", "b", "c"]}, "more than 2 items"),
            "nested via allOf": ({"owner": {"id": 1, "x": 2}}, "undocumented property 'x'"),
            "oneOf": ({"either": 1.5}, "oneOf"),
        }
        for name, (changes, expected) in cases.items():
            errors = self.errors(**changes)
            self.assertTrue(any(expected in e for e in errors), f"{name}: {errors}")

    def test_checks_status_headers_and_content_type(self):
        body = json.dumps(self.good).encode()
        ok = {"content-type": "application/json; charset=utf-8", "etag": '"1"'}
        self.assertEqual(self.spec.check_response("GET", "/api/v1/things/5", 200, ok, body), [])
        self.assertIn("not declared",
                      self.spec.check_response("GET", "/api/v1/things/5", 404, ok, body)[0])
        self.assertIn("no operation",
                      self.spec.check_response("POST", "/api/v1/things/5", 200, ok, body)[0])
        self.assertIn("missing header ETag", self.spec.check_response(
            "GET", "/api/v1/things/5", 200, {"content-type": "application/json"}, body)[0])
        self.assertIn("content type", self.spec.check_response(
            "GET", "/api/v1/things/5", 200, dict(ok, **{"content-type": "text/html"}), body)[0])


if __name__ == "__main__":
    unittest.main()
