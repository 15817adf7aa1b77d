"""A text search's total is the same on every page, past the last one too, and agrees with the
rows the pages hold (the total is counted in the page query when there is a search)."""
from __future__ import annotations

import unittest

from harness import ApiTestCase, skip_unless_database_available


@skip_unless_database_available
class SearchPagingTest(ApiTestCase):
    def test_totals_hold_on_every_page(self) -> None:
        director = self.session("director")
        source = self.create_source(director, title="Chương trình cầu đường")
        titles = [f"Sửa chữa cầu Bến Đình số {i}" for i in range(7)] + ["Nạo vét luồng", "Trồng cây", "Cắm mốc"]
        for i, title in enumerate(titles):
            self.create_task(director, source, self.agency.infra if i % 2 else self.agency.transport,
                             title=title, assigned_on="2024-03-01", deadline=f"2024-04-{10 + i:02d}")
        base = f"/api/v1/tasks?source={source}&q=cau%20ben%20dinh&page_size=3&sort=deadline"
        seen = []
        for page in (1, 2, 3, 4):
            r = director.get(f"{base}&page={page}")
            self.assertEqual(r.status, 200, r)
            self.assertEqual(r.json["total"], 7, f"page {page}")
            seen += [t["title"] for t in r.json["items"]]
        self.assertEqual(seen, titles[:7])
        r = director.get(f"/api/v1/tasks?source={source}&q=khong%20co%20dau&page=1")
        self.assertEqual((r.json["total"], r.json["items"]), (0, []))
        r = director.get(f"/api/v1/tasks?source={source}&q=cau&lead_org={self.agency.infra}&page_size=2")
        self.assertEqual(r.json["total"], 3)
        stats = director.get(f"/api/v1/stats?source={source}&q=cau%20ben%20dinh&as_of=2024-03-15").json
        self.assertEqual(stats["total"], 7)


if __name__ == "__main__":
    unittest.main()
