"""/calendar/{year}: everyone reads a year's working-day calendar; the administrators of the top-level
organisation set it and return it to the days the product knows."""
from __future__ import annotations

import unittest

from harness import PASSWORD, ApiTestCase, Client, skip_unless_database_available


@skip_unless_database_available
class CalendarTest(ApiTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.db.cli("user", "add", "--username", "tinh.admin", "--role", "admin", "--org",
                   str(cls.agency.province), "--name", "Lâm Văn Quản", "--position", "Chuyên viên",
                   "--password-stdin", stdin=PASSWORD + "\n")

    def root_admin(self) -> Client:
        c = Client(self.server)
        self.assertEqual(c.login("tinh.admin").status, 200)
        return c

    def put(self, client: Client, year: int, days, version: int | None):
        headers = {"If-Match": f'"{version}"'} if version is not None else {}
        return client.request("PUT", f"/api/v1/calendar/{year}", body={"days": days}, headers=headers)

    def delete(self, client: Client, year: int, version: int):
        return client.request("DELETE", f"/api/v1/calendar/{year}", headers={"If-Match": f'"{version}"'})

    def test_everyone_reads_the_known_days(self) -> None:
        r = self.session("infra_specialist").get("/api/v1/calendar/2024")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["etag"], '"0"')
        self.assertEqual((r.json["year"], r.json["origin"], r.json["version"]), (2024, "announced", 0))
        days = {d["date"]: d for d in r.json["days"]}
        for date in ("2024-02-08", "2024-02-14", "2024-04-18", "2024-04-29", "2024-09-03"):
            self.assertFalse(days[date]["working"], date)
        self.assertTrue(days["2024-05-04"]["working"])  # the Saturday worked for 29/4
        self.assertEqual([d["date"] for d in r.json["days"]], sorted(days))
        r = self.session("viewer").get("/api/v1/calendar/2040")
        self.assertEqual(r.json["origin"], "statutory", r)
        self.assertError(self.session("viewer").get("/api/v1/calendar/1999"), 404, "not_found")
        self.assertError(self.session("viewer").get("/api/v1/calendar/99999999999"), 404, "not_found")
        self.assertError(self.session("viewer").get("/api/v1/calendar/2024?tz=7"), 422, "validation_failed")
        self.assertError(Client(self.server).get("/api/v1/calendar/2024"), 401, "unauthenticated")

    def test_the_top_level_administrator_sets_and_resets_a_year(self) -> None:
        days = [{"date": "2035-02-05", "working": False, "name": "Tết Nguyên đán"},
                {"date": "2035-01-01", "working": False, "name": "Tết Dương lịch"},
                {"date": "2035-02-10", "working": True, "name": "Làm bù"}]
        # An agency's own administrator does not set the whole installation's calendar.
        self.assertError(self.put(self.session("admin"), 2035, days, 0), 403, "forbidden")
        self.assertError(self.put(self.session("director"), 2035, days, 0), 403, "forbidden")
        admin = self.root_admin()
        self.assertError(self.put(admin, 2035, days, None), 428, "precondition_required")
        r = self.put(admin, 2035, days, 0)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["etag"], '"1"')
        self.assertEqual((r.json["origin"], r.json["version"]), ("edited", 1))
        self.assertEqual([d["date"] for d in r.json["days"]], ["2035-01-01", "2035-02-05", "2035-02-10"])
        self.assertEqual(self.session("viewer").get("/api/v1/calendar/2035").json, r.json)
        self.assertError(self.put(admin, 2035, days, 0), 412, "precondition_failed")

        r = self.delete(admin, 2035, 1)
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["origin"], r.json["version"]), ("statutory", 0))
        self.assertEqual(self.session("viewer").get("/api/v1/calendar/2035").json, r.json)
        self.assertError(self.delete(self.session("admin"), 2035, 0), 403, "forbidden")

    def test_what_is_wrong_with_the_days_is_named(self) -> None:
        admin = self.root_admin()
        for bad in ("x", [1], [{"date": "2036-13-01", "working": False, "name": "Sai"}],
                    [{"date": "2036-01-01", "name": "Thiếu"}],
                    [{"date": "2036-01-01", "working": "no", "name": "Sai"}],
                    [{"date": "2036-01-01", "working": False, "name": "Thừa", "note": ""}]):
            self.assertError(self.put(admin, 2036, bad, 0), 422, "validation_failed", "days", "invalid")
        r = self.put(admin, 2036, [{"date": "2037-01-01", "working": False, "name": "Năm sau"},
                                   {"date": "2036-03-04", "working": True, "name": "Thứ Ba"},
                                   {"date": "2036-03-05", "working": False, "name": ""}], 0)
        self.assertError(r, 422, "validation_failed")
        self.assertEqual(sorted(f["code"] for f in r.json["fields"]),
                         ["name_required", "not_a_weekend", "outside_year"])
        self.assertError(admin.request("PUT", "/api/v1/calendar/2036", body={"days": [], "year": 2036},
                                       headers={"If-Match": '"0"'}), 422, "validation_failed", "year")
        # Nothing was set by the refused requests.
        self.assertEqual(self.session("viewer").get("/api/v1/calendar/2036").json["version"], 0)


if __name__ == "__main__":
    unittest.main()
