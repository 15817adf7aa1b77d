"""Lists and statistics may be answered from the response cache; never with data older than the
last committed change, whoever made it, and never with another user's view."""
from __future__ import annotations

import unittest

from harness import ApiTestCase, Client, Server, skip_unless_database_available


@skip_unless_database_available
class ResponseCacheTest(ApiTestCase):
    def setUp(self) -> None:
        self.director = self.session("director")
        self.source = self.create_source(self.director, title="Chỉ thị về bộ nhớ đệm")

    def titles(self, client: Client, path: str) -> list[str]:
        r = client.get(path)
        self.assertEqual(r.status, 200, r)
        return [t["title"] for t in r.json["items"]]

    def test_a_change_through_the_api_shows_at_once(self) -> None:
        task = self.create_task(self.director, self.source, self.agency.infra, title="Bản đầu")
        path = f"/api/v1/tasks?source={self.source}&sort=id"
        self.assertEqual(self.titles(self.director, path), ["Bản đầu"])
        self.assertEqual(self.titles(self.director, path), ["Bản đầu"])
        r = self.director.patch(f"/api/v1/tasks/{task['id']}", {"title": "Bản sửa"}, version=task["version"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.titles(self.director, path), ["Bản sửa"])
        self.create_task(self.director, self.source, self.agency.infra, title="Bản thêm")
        r = self.director.get(path)
        self.assertEqual(r.json["total"], 2)

    def test_a_change_made_by_hand_in_the_database_shows_at_once(self) -> None:
        task = self.create_task(self.director, self.source, self.agency.transport, title="Trước")
        path = f"/api/v1/tasks?source={self.source}&lead_org={self.agency.transport}"
        stats_path = f"/api/v1/stats?source={self.source}"
        self.assertEqual(self.titles(self.director, path), ["Trước"])
        before = self.director.get(stats_path).json
        self.assertEqual(self.director.get(stats_path).json, before)
        self.db.sql(f"UPDATE tasks SET title = 'Sau', is_key = 1 WHERE id = {task['id']}")
        self.assertEqual(self.titles(self.director, path), ["Sau"])
        after = self.director.get(stats_path).json
        self.assertNotEqual(after, before)
        self.assertEqual(self.director.get(stats_path).json, after)

    def test_each_user_gets_their_own_view(self) -> None:
        self.create_task(self.director, self.source, self.agency.infra, title="Việc mật", restricted=True)
        path = f"/api/v1/tasks?source={self.source}&q=viec%20mat"
        self.assertEqual(self.titles(self.director, path), ["Việc mật"])
        outsider = self.session("transport_head")
        self.assertEqual(self.titles(outsider, path), [])
        self.assertEqual(self.titles(self.director, path), ["Việc mật"])

    def test_another_server_on_the_same_database_sees_the_change(self) -> None:
        task = self.create_task(self.director, self.source, self.agency.planning, title="Máy một")
        path = f"/api/v1/tasks?source={self.source}&lead_org={self.agency.planning}"
        self.assertEqual(self.titles(self.director, path), ["Máy một"])
        other = Server(self.db)
        try:
            c = Client(other)
            self.assertEqual(c.login(self.agency.usernames["director"]).status, 200)
            r = c.patch(f"/api/v1/tasks/{task['id']}", {"title": "Máy hai"}, version=task["version"])
            self.assertEqual(r.status, 200, r)
        finally:
            other.stop()
        self.assertEqual(self.titles(self.director, path), ["Máy hai"])


if __name__ == "__main__":
    unittest.main()
