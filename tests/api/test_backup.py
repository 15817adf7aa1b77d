"""A backup taken while the server writes restores into a consistent, complete database.

SQLite: `giaoban backup` writes a standalone copy; it must pass PRAGMA integrity_check and serve.
PostgreSQL: it writes a pg_dump custom archive; it must restore with pg_restore into a fresh database.
Either way the copy is a snapshot: its task count lies between the counts before and after the backup,
and every task in it has its whole history (no transaction is half in the copy).

A backup never destroys the last good one: it is written beside the destination and renamed over it
only when complete, a killed or failed run leaves the previous file and its temporaries go with the
next run. The database password never appears on pg_dump's command line, which every local user can
read. The PostgreSQL cases use a stand-in pg_dump to record its call and to fail or hang on demand.
"""
import json
import os
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.parse

from harness import (BIN, DIALECT, ApiTestCase, Client, Database, Server, skip_unless_database_available)

TASKS = "/api/v1/tasks"
LOAD_SECONDS = 3.0
DB_PASSWORD = "mk-bi-mat-9431"

# A stand-in for pg_dump, first on PATH for the tests that use it: it records how it was called,
# writes the start of a dump where it was told to, then finishes, fails or hangs as told.
FAKE_PG_DUMP = r"""#!/usr/bin/env python3
import json, os, sys, time
with open(os.environ["FAKE_PG_DUMP_RECORD"], "w") as record:
    json.dump({"argv": sys.argv, "pgpassword": os.environ.get("PGPASSWORD"), "pid": os.getpid()}, record)
out = next(a[len("--file="):] for a in sys.argv if a.startswith("--file="))
with open(out, "wb") as dump:
    dump.write(b"PGDMP half a dump")
    dump.flush()
    mode = os.environ.get("FAKE_PG_DUMP_MODE", "finish")
    if mode == "hang":
        open(os.environ["FAKE_PG_DUMP_RECORD"] + ".started", "w").close()
        time.sleep(120)
    sys.exit(1 if mode == "fail" else 0)
"""


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

    # --- never destroying the last good backup ----------------------------------------------

    def backup_folder(self) -> str:
        return tempfile.mkdtemp(prefix="sao-luu-", dir=self.db.tempdir)

    def read(self, path: str) -> bytes:
        with open(path, "rb") as f:
            return f.read()

    def assertUsable(self, backup_file: str) -> None:
        if DIALECT == "postgres":
            listing = subprocess.run(["pg_restore", "--list", backup_file], capture_output=True, timeout=60)
            self.assertEqual(listing.returncode, 0, listing.stderr)
        else:
            with sqlite3.connect(backup_file) as conn:
                self.assertEqual(conn.execute("PRAGMA integrity_check").fetchone()[0], "ok")
                self.assertGreater(conn.execute("SELECT COUNT(*) FROM users").fetchone()[0], 0)
            conn.close()

    def url_with_password(self) -> str:
        parsed = urllib.parse.urlparse(self.db.url)
        user, _, host = parsed.netloc.rpartition("@")
        return urllib.parse.urlunparse(parsed._replace(netloc=f"{user}:{DB_PASSWORD}@{host}"))

    def fake_pg_dump(self, mode: str) -> tuple[dict, str]:
        """An environment with the stand-in first on PATH, and the file it records its call in."""
        folder = tempfile.mkdtemp(prefix="fake-pg-dump-", dir=self.db.tempdir)
        program = os.path.join(folder, "pg_dump")
        with open(program, "w") as f:
            f.write(FAKE_PG_DUMP)
        os.chmod(program, 0o755)
        record = os.path.join(folder, "record.json")
        env = dict(os.environ, PATH=folder + os.pathsep + os.environ.get("PATH", ""), FAKE_PG_DUMP_MODE=mode,
                   FAKE_PG_DUMP_RECORD=record)
        return env, record

    def backup_with(self, env: dict, target: str, url: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([BIN, "--db", url or self.db.url, "backup", "--out", target], env=env,
                              capture_output=True, text=True, timeout=120)

    def test_leftovers_of_a_killed_backup_go_with_the_next_run(self):
        folder = self.backup_folder()
        target = os.path.join(folder, "sao-luu.backup")
        self.db.cli("backup", "--out", target)
        # What a run killed half-way leaves: the unfinished copy and, on SQLite, its journal.
        for leftover in (target + ".partial", target + ".partial-journal"):
            with open(leftover, "wb") as f:
                f.write(b"\x00" * 4096)
        self.db.cli("backup", "--out", target)
        self.assertEqual(sorted(os.listdir(folder)), ["sao-luu.backup"])
        self.assertUsable(target)

    def test_a_killed_pg_dump_leaves_the_previous_backup_intact(self):
        if DIALECT != "postgres":
            self.skipTest("pg_dump runs for PostgreSQL only")
        folder = self.backup_folder()
        target = os.path.join(folder, "sao-luu.backup")
        self.db.cli("backup", "--out", target)
        good = self.read(target)

        env, record = self.fake_pg_dump("hang")
        backup = subprocess.Popen([BIN, "--db", self.db.url, "backup", "--out", target], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        dump_pid = None
        try:
            deadline = time.monotonic() + 60
            while not os.path.exists(record + ".started") and time.monotonic() < deadline:
                self.assertIsNone(backup.poll(), "the backup ended before pg_dump had started")
                time.sleep(0.02)
            self.assertTrue(os.path.exists(record + ".started"), "pg_dump did not start")
            with open(record) as f:
                dump_pid = json.load(f)["pid"]
            backup.send_signal(signal.SIGKILL)  # the backup only: its pg_dump must go with it
            backup.wait(timeout=30)
            self.assertEqual(self.read(target), good)
            deadline = time.monotonic() + 30
            while process_alive(dump_pid) and time.monotonic() < deadline:
                time.sleep(0.02)
            self.assertFalse(process_alive(dump_pid), "pg_dump outlived the killed backup")
        finally:
            if backup.poll() is None:
                backup.kill()
                backup.wait(timeout=30)
            if dump_pid and process_alive(dump_pid):
                os.kill(dump_pid, signal.SIGKILL)

        self.db.cli("backup", "--out", target)
        self.assertEqual(sorted(os.listdir(folder)), ["sao-luu.backup"])
        self.assertUsable(target)

    def test_a_failed_pg_dump_leaves_the_previous_backup_and_no_temporary_file(self):
        if DIALECT != "postgres":
            self.skipTest("pg_dump runs for PostgreSQL only")
        folder = self.backup_folder()
        target = os.path.join(folder, "sao-luu.backup")
        self.db.cli("backup", "--out", target)
        good = self.read(target)
        env, _ = self.fake_pg_dump("fail")
        r = self.backup_with(env, target)
        self.assertNotEqual(r.returncode, 0)
        self.assertNotIn("backup written", r.stdout)
        self.assertEqual(self.read(target), good)
        self.assertEqual(sorted(os.listdir(folder)), ["sao-luu.backup"])

    def test_the_database_password_is_not_on_pg_dumps_command_line(self):
        if DIALECT != "postgres":
            self.skipTest("pg_dump runs for PostgreSQL only")
        folder = self.backup_folder()
        target = os.path.join(folder, "sao-luu.backup")
        env, record = self.fake_pg_dump("finish")
        url = self.url_with_password()
        r = self.backup_with(env, target, url)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(record) as f:
            call = json.load(f)
        self.assertFalse(any(DB_PASSWORD in a for a in call["argv"]), call["argv"])
        self.assertEqual(call["pgpassword"], DB_PASSWORD)
        self.assertTrue(any(self.db.name in a for a in call["argv"]), call["argv"])
        self.assertEqual(self.read(target), b"PGDMP half a dump")  # what it wrote, moved into place
        self.assertEqual(sorted(os.listdir(folder)), ["sao-luu.backup"])
        # And the real pg_dump, called the same way, connects and dumps.
        real = self.backup_with(dict(os.environ), target, url)
        self.assertEqual(real.returncode, 0, real.stderr)
        self.assertUsable(target)

    def test_backup_to_an_unwritable_place_fails_cleanly(self):
        target = os.path.join(self.db.tempdir, "khong-co-thu-muc", "sao-luu.backup")
        r = self.db.cli("backup", "--out", target, check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertFalse(os.path.exists(target))

    @unittest.skipUnless(DIALECT == "sqlite", "a SQLite database is a file that a backup could replace")
    def test_a_backup_over_the_live_database_is_refused(self):
        def tasks_on_disk() -> int:
            import sqlite3
            with sqlite3.connect(self.db.url) as connection:
                count = connection.execute("SELECT COUNT(*) FROM tasks").fetchone()[0]
            connection.close()
            return count

        before = tasks_on_disk()
        for target in (self.db.url, self.db.url + "-wal",
                       os.path.join(os.path.dirname(self.db.url), ".", os.path.basename(self.db.url))):
            with self.subTest(target=target):
                r = self.db.cli("backup", "--out", target, check=False)
                self.assertNotEqual(r.returncode, 0)
                self.assertIn("refused", r.stderr)
        # The server still writes to the file it opened, which is still the database.
        director = self.session("director")
        source = self.create_source(director, "ad_hoc", "Công văn sau khi sao lưu bị từ chối")
        self.create_task(director, source, self.agency.infra, "Nhiệm vụ ghi sau đó")
        self.assertEqual(tasks_on_disk(), before + 1)


def process_alive(pid: int) -> bool:
    """True while `pid` runs (a zombie waiting for its parent to collect it has ended)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


if __name__ == "__main__":
    unittest.main()
