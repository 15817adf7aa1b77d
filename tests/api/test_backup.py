"""A backup taken while the server writes restores into a consistent, complete database.

SQLite: `giaoban backup` writes a standalone copy; it must pass PRAGMA integrity_check and serve.
PostgreSQL: it writes a pg_dump custom archive; it must restore with pg_restore into a fresh database.
Either way the copy is a snapshot: its task count lies between the counts before and after the backup,
and every task in it has its whole history (no transaction is half in the copy).
"""
import os
import sqlite3
import subprocess
import threading
import time
import unittest

from harness import (DIALECT, ApiTestCase, Client, Database, Server, skip_unless_database_available)

TASKS = "/api/v1/tasks"
LOAD_SECONDS = 3.0


@skip_unless_database_available
class BackupTest(ApiTestCase):
    def task_count(self, client: Client) -> int:
        r = client.get(f"{TASKS}?as_of=2099-12-31&page_size=1")
        self.assertEqual(r.status, 200, r)
        return r.json["total"]

    def all_tasks(self, client: Client) -> list[dict]:
        items, page = [], 1
        while True:
            r = client.get(f"{TASKS}?as_of=2099-12-31&page_size=200&page={page}&sort=id")
            self.assertEqual(r.status, 200, r)
            items += r.json["items"]
            if len(items) >= r.json["total"]:
                return items
            page += 1

    def write_continuously(self, director: Client, source_id: int, stop: threading.Event,
                           done: list, errors: list) -> None:
        """Creates tasks, reports progress on them and completes every third, until `stop`."""
        writer = Client(self.server)
        writer.cookie, writer.csrf = director.cookie, director.csrf
        n = 0
        while not stop.is_set():
            n += 1
            r = writer.post(TASKS, {"source_id": source_id, "title": f"Nhiệm vụ sao lưu số {n}",
                                    "lead_org_id": self.agency.infra, "assigned_on": "2023-08-01",
                                    "deadline": "2023-08-31", "cooperator_ids": [self.agency.transport]})
            if r.status != 201:
                errors.append(r)
                continue
            tid = r.json["id"]
            r2 = writer.post(f"{TASKS}/{tid}/updates", {"reported_on": "2023-08-10", "body": f"Tiến độ {n}",
                                                        "percent": 50})
            if r2.status != 201:
                errors.append(r2)
            if n % 3 == 0:
                r3 = writer.post(f"{TASKS}/{tid}/complete", {"completed_on": "2023-08-20"})
                if r3.status != 200:
                    errors.append(r3)
            done.append(tid)

    def restore(self, backup_file: str) -> Database:
        """A fresh database holding the backup."""
        restored = Database()
        if DIALECT == "postgres":
            subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", "--dbname", restored.url, backup_file],
                           check=True, capture_output=True, timeout=120)
        else:
            with open(backup_file, "rb") as src, open(restored.url, "wb") as dst:
                dst.write(src.read())
        return restored

    def sql(self, db: Database, query: str) -> list[str]:
        """Rows of a query on `db`, each as text (one column queries)."""
        if DIALECT == "postgres":
            out = subprocess.run(["psql", db.url, "-tAc", query], check=True, capture_output=True, text=True,
                                 timeout=60).stdout
            return [line for line in out.splitlines() if line]
        with sqlite3.connect(db.url) as conn:
            return [str(row[0]) for row in conn.execute(query)]

    def test_backup_under_write_load_restores_intact(self):
        director = self.session("director")
        source_id = self.create_source(director, "higher_program", "Chương trình công tác của UBND tỉnh")
        stop, done, errors = threading.Event(), [], []
        writer = threading.Thread(target=self.write_continuously, args=(director, source_id, stop, done, errors),
                                  daemon=True)
        started = time.monotonic()
        writer.start()
        try:
            time.sleep(0.5)  # the writer is in full swing
            before = self.task_count(director)
            backup_file = os.path.join(self.db.tempdir, "sao-luu.backup")
            out = self.db.cli("backup", "--out", backup_file)
            after = self.task_count(director)
            self.assertIn("backup written", out.stdout)
            time.sleep(max(0.0, LOAD_SECONDS - (time.monotonic() - started)))
        finally:
            stop.set()
            writer.join(30)
        self.assertFalse(writer.is_alive())
        self.assertEqual(errors, [], "the writer's requests all succeeded")
        self.assertGreater(len(done), 0)
        self.assertTrue(os.path.getsize(backup_file) > 0)

        restored = self.restore(backup_file)
        try:
            if DIALECT == "sqlite":
                self.assertEqual(self.sql(restored, "PRAGMA integrity_check"), ["ok"])
                self.assertEqual(self.sql(restored, "PRAGMA foreign_key_check"), [])
                # A standalone file: no write-ahead log is needed next to it.
                self.assertEqual(self.sql(restored, "PRAGMA journal_mode"), ["delete"])
            # Every task of the copy has its creation event, in SQL terms...
            orphans = self.sql(restored, "SELECT COUNT(*) FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM events e "
                                         "WHERE e.task_id = t.id AND e.action = 'created')")
            self.assertEqual(orphans, ["0"])

            # ...and through a server on the copy: the copy is a snapshot taken during the backup.
            copy_server = Server(restored)
            try:
                c = Client(copy_server)
                self.assertEqual(c.login(self.agency.usernames["director"]).status, 200)
                tasks = self.all_tasks(c)
                self.assertLessEqual(before, len(tasks))
                self.assertLessEqual(len(tasks), after)
                self.assertEqual(self.sql(restored, "SELECT COUNT(*) FROM tasks"), [str(len(tasks))])
                for t in tasks:
                    history = c.get(f"{TASKS}/{t['id']}/history").json["items"]
                    actions = [e["action"] for e in history]
                    self.assertEqual(actions[:1], ["created"], t["id"])
                    detail = c.get(f"{TASKS}/{t['id']}").json
                    # Each change and its history event are one transaction: both or neither.
                    self.assertEqual(actions.count("progress_reported"), len(detail["updates"]), t["id"])
                    self.assertEqual(actions.count("completed"), 1 if detail["completed_on"] else 0, t["id"])
                    self.assertEqual(detail["version"], len(actions), t["id"])
                stats = c.get("/api/v1/stats?as_of=2099-12-31").json
                self.assertEqual(stats["total"] + stats["cancelled"], len(tasks))
                # The copy is a working database: it takes new writes.
                r = c.post(TASKS, {"source_id": source_id, "title": "Sau khi khôi phục",
                                   "lead_org_id": self.agency.infra, "assigned_on": "2023-09-01"})
                self.assertEqual(r.status, 201, r)
            finally:
                copy_server.stop()
        finally:
            restored.drop()

    def test_backup_to_an_unwritable_place_fails_cleanly(self):
        target = os.path.join(self.db.tempdir, "khong-co-thu-muc", "sao-luu.backup")
        r = self.db.cli("backup", "--out", target, check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertFalse(os.path.exists(target))


if __name__ == "__main__":
    unittest.main()
