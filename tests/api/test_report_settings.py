"""/report-settings: everyone in an agency reads its report settings; its administrator sets them."""
from __future__ import annotations

import unittest

from harness import ApiTestCase, Client, skip_unless_database_available


@skip_unless_database_available
class ReportSettingsTest(ApiTestCase):
    def body(self, **changes) -> dict:
        body = {
            "period_convention": "cutoff_14th", "due_working_days": 5,
            "consolidating_org_id": self.agency.planning, "agency_code": "SGTVT",
            "place_name": "Quảng Ngãi", "parent_line": "UBND TỈNH QUẢNG NGÃI",
            "agency_line": "SỞ GIAO THÔNG VẬN TẢI", "recipients": ["UBND tỉnh (b/c);", "Lưu: VT, KHTC."],
            "document_types": [{"name": "Báo cáo", "code": "BC"}, {"name": "Thông báo", "code": "TB"}],
            "signers": [{"person_id": self.person_of("director"), "authority": "", "title": "GIÁM ĐỐC"}],
        }
        body.update(changes)
        return body

    def put(self, client: Client, body, version: int | None):
        headers = {"If-Match": f'"{version}"'} if version is not None else {}
        return client.request("PUT", "/api/v1/report-settings", body=body, headers=headers)

    def test_defaults_then_the_administrators_settings(self) -> None:
        r = self.session("infra_specialist").get("/api/v1/report-settings")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["etag"], '"0"')
        self.assertEqual((r.json["period_convention"], r.json["due_working_days"], r.json["version"]),
                         ("calendar_month", 3, 0))
        self.assertEqual(r.json["agency_line"], "SỞ GIAO THÔNG VẬN TẢI SGTVT")
        self.assertEqual(r.json["parent_line"], "ỦY BAN NHÂN DÂN TỈNH SGTVT")

        self.assertError(self.put(self.session("director"), self.body(), 0), 403, "forbidden")
        admin = self.session("admin")
        self.assertError(self.put(admin, self.body(), None), 428, "precondition_required")
        r = self.put(admin, self.body(), 0)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["etag"], '"1"')
        self.assertEqual(r.json["signers"][0]["full_name"], "Nguyễn Văn Đình")
        self.assertEqual(self.session("viewer").get("/api/v1/report-settings").json["version"], 0,
                         "the province's own settings are not the department's")
        self.assertEqual(self.session("consolidator").get("/api/v1/report-settings").json, r.json)
        self.assertError(self.put(admin, self.body(), 0), 412, "precondition_failed")

    def test_no_consolidating_division_is_a_setting(self) -> None:
        admin = self.session("admin")
        version = admin.get("/api/v1/report-settings").json["version"]
        r = self.put(admin, self.body(consolidating_org_id=None), version)
        self.assertEqual(r.status, 200, r)
        self.assertIsNone(r.json["consolidating_org_id"])
        body = self.body()
        del body["consolidating_org_id"]
        self.assertError(self.put(admin, body, r.json["version"]), 422, "validation_failed",
                         "consolidating_org_id", "required")

    def test_mistakes_are_named(self) -> None:
        admin = self.session("admin")
        self.assertError(self.put(admin, self.body(period_convention="weekly"), 0), 422, "validation_failed",
                         "period_convention", "invalid")
        self.assertError(self.put(admin, self.body(document_types=[{"name": "Báo cáo"}]), 0), 422,
                         "validation_failed", "document_types", "invalid")
        self.assertError(self.put(admin, self.body(signers="x"), 0), 422, "validation_failed", "signers", "invalid")
        self.assertError(self.put(admin, self.body(consolidating_org_id=999999), 0), 422, "validation_failed",
                         "consolidating_org_id", "not_found")
        body = self.body()
        del body["recipients"]
        self.assertError(self.put(admin, body, 0), 422, "validation_failed", "recipients", "required")
        self.assertError(self.put(admin, self.body(colour="red"), 0), 422, "validation_failed", "colour")


if __name__ == "__main__":
    unittest.main()
