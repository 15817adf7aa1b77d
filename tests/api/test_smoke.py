"""The main path end to end: log in, add a source and a task, report, complete, count."""
import unittest

from harness import ApiTestCase, skip_unless_database_available


@skip_unless_database_available
class SmokeTest(ApiTestCase):
    def test_task_lifecycle_and_statistics(self):
        director = self.client("director")
        src = director.post("/api/v1/sources", {
            "kind": "ad_hoc", "title": "Khắc phục hậu quả mưa lũ", "doc_number": "2345/UBND-KTN",
            "doc_date": "2023-08-01", "issuer": "UBND tỉnh"})
        self.assertEqual(src.status, 201, src)
        task = director.post("/api/v1/tasks", {
            "source_id": src.json["id"], "title": "Kiểm tra các tuyến đường tỉnh sau lũ",
            "lead_org_id": self.agency.infra, "assigned_on": "2023-08-02", "deadline": "2023-08-31",
            "is_key": True})
        self.assertEqual(task.status, 201, task)
        tid = task.json["id"]
        self.assertEqual(task.json["lead_org"]["id"], self.agency.infra)

        head = self.client("infra_head")
        upd = head.post(f"/api/v1/tasks/{tid}/updates", {
            "reported_on": "2023-08-20", "body": "Đã kiểm tra 3/5 tuyến", "percent": 60})
        self.assertEqual(upd.status, 201, upd)
        done = head.post(f"/api/v1/tasks/{tid}/complete", {
            "completed_on": "2023-09-05", "result_doc_number": "99/BC-SGTVT"})
        self.assertEqual(done.status, 200, done)
        self.assertEqual(done.json["status"], "completed_late")

        as_of_aug = director.get(f"/api/v1/tasks/{tid}?as_of=2023-08-31").json
        self.assertEqual(as_of_aug["status"], "in_progress")
        as_of_sep1 = director.get(f"/api/v1/tasks/{tid}?as_of=2023-09-01").json
        self.assertEqual(as_of_sep1["status"], "overdue")

        listed = director.get("/api/v1/tasks?q=duong%20tinh&as_of=2023-09-01&status=overdue")
        self.assertEqual(listed.status, 200, listed)
        self.assertEqual(listed.json["total"], 1)
        self.assertEqual(listed.json["items"][0]["id"], tid)

        stats = director.get("/api/v1/stats?as_of=2023-09-10").json
        self.assertEqual(stats["total"], 1)
        self.assertEqual(stats["completed_late"], 1)
        stats = director.get("/api/v1/stats?as_of=2023-09-01").json
        self.assertEqual(stats["overdue"], 1)
        self.assertEqual(stats["overdue_rate"], 1.0)

        history = director.get(f"/api/v1/tasks/{tid}/history").json["items"]
        self.assertEqual([e["action"] for e in history], ["created", "progress_reported", "completed"])


if __name__ == "__main__":
    unittest.main()
