"""Starts the real giaoban binary on a free loopback port and talks HTTP to it.

The database is a fresh SQLite file, or a fresh database in the test PostgreSQL cluster when
GIAOBAN_TEST_DB=postgres (the cluster's URL comes from GIAOBAN_TEST_PG_URL). Without that URL the
PostgreSQL run skips.
"""
from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.parse
import uuid

BIN = os.environ.get("GIAOBAN_BIN", "giaoban")
DIALECT = os.environ.get("GIAOBAN_TEST_DB", "sqlite")
PASSWORD = "mat-khau-123"


def postgres_url() -> str | None:
    return os.environ.get("GIAOBAN_TEST_PG_URL")


def skip_unless_database_available(test_case: type) -> type:
    if DIALECT == "postgres" and not postgres_url():
        return unittest.skip("GIAOBAN_TEST_PG_URL is not set")(test_case)
    return test_case


class Database:
    """A fresh, empty database for one test class."""

    def __init__(self) -> None:
        self.tempdir = tempfile.mkdtemp(prefix="giaoban-api-")
        if DIALECT == "postgres":
            base = postgres_url()
            assert base, "GIAOBAN_TEST_PG_URL is not set"
            self.name = "gb_" + uuid.uuid4().hex[:16]
            subprocess.run(["psql", base, "-q", "-c", f"CREATE DATABASE {self.name}"], check=True,
                           stdout=subprocess.DEVNULL)
            parsed = urllib.parse.urlparse(base)
            self.url = urllib.parse.urlunparse(parsed._replace(path="/" + self.name))
            self._base = base
        else:
            self.url = os.path.join(self.tempdir, "giaoban.db")

    def cli(self, *args: str, stdin: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([BIN, "--db", self.url, *args], input=stdin, text=True,
                              capture_output=True, check=check, timeout=300)

    def sql(self, statement: str) -> None:
        """Changes the database behind the server's back, as an operator with a SQL console might."""
        if DIALECT == "postgres":
            subprocess.run(["psql", self.url, "-q", "-v", "ON_ERROR_STOP=1", "-c", statement], check=True,
                           stdout=subprocess.DEVNULL)
        else:
            import sqlite3
            with sqlite3.connect(self.url, timeout=30) as connection:
                connection.execute(statement)
            connection.close()

    def drop(self) -> None:
        if DIALECT == "postgres":
            subprocess.run(["psql", self._base, "-q", "-c", f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)"],
                           check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.tempdir, ignore_errors=True)


class Server:
    """One `giaoban serve` process on 127.0.0.1 and a free port."""

    def __init__(self, db: Database, *extra: str) -> None:
        self.db = db
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [BIN, "--db", db.url, "serve", "--listen", "127.0.0.1:0", *extra],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.port = self._wait_for_port()
        self._drainer = threading.Thread(target=self._drain, daemon=True)
        self._drainer.start()

    def _wait_for_port(self) -> int:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line:
                break
            self.log.append(line)
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
            if m:
                return int(m.group(1))
        self.process.kill()
        raise RuntimeError("server did not start:\n" + "".join(self.log))

    def _drain(self) -> None:
        for line in self.process.stderr:
            self.log.append(line)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self._drainer.join(timeout=5)  # the log is complete once the pipe is drained
        self.process.stderr.close()


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.raw = body
        try:
            self.json = json.loads(body) if body else None
        except ValueError:
            self.json = None

    def __repr__(self) -> str:
        return f"<{self.status} {self.raw[:300]!r}>"


class Client:
    """A browser-like client: keeps the session cookie and sends the CSRF token."""

    def __init__(self, server: Server, source_address: str | None = None) -> None:
        self.server = server
        # Another loopback address (127.0.0.2, ...) to connect from: the server then sees a client
        # at that address, as if it were another machine.
        self.source_address = source_address
        self.cookie: str | None = None
        self.csrf: str | None = None
        self.token: str | None = None

    def request(self, method: str, path: str, body=None, headers: dict[str, str] | None = None,
                raw: bytes | None = None, csrf: bool = True) -> Response:
        source = (self.source_address, 0) if self.source_address else None
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60, source_address=source)
        h = {"Accept-Language": "vi"}
        if body is not None:
            raw = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        if self.cookie:
            h["Cookie"] = self.cookie
        if self.csrf and csrf and method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = self.csrf
        if self.token:
            h["Authorization"] = "Bearer " + self.token
        h.update(headers or {})
        h = {k: v for k, v in h.items() if v is not None}  # None: leave the header out
        conn.request(method, path, body=raw, headers=h)
        r = conn.getresponse()
        data = r.read()
        hdrs = {k.lower(): v for k, v in r.getheaders()}
        conn.close()
        if "set-cookie" in hdrs:
            m = re.match(r"gb_session=([^;]*)", hdrs["set-cookie"])
            if m:
                self.cookie = f"gb_session={m.group(1)}" if m.group(1) else None
        return Response(r.status, hdrs, data)

    def get(self, path: str, **kw) -> Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, body=None, **kw) -> Response:
        return self.request("POST", path, body=body if body is not None else {}, **kw)

    def patch(self, path: str, body, version: int | None = None, **kw) -> Response:
        headers = kw.pop("headers", {}) or {}
        if version is not None:
            headers["If-Match"] = f'"{version}"'
        return self.request("PATCH", path, body=body, headers=headers, **kw)

    def login(self, username: str, password: str = PASSWORD) -> Response:
        r = self.post("/api/v1/auth/login", {"username": username, "password": password})
        if r.status == 200:
            self.csrf = r.json["csrf_token"]
        return r


class Agency:
    """A small agency made through the CLI, as an operator would: the fixture of most tests."""

    def __init__(self, db: Database, code: str = "SGTVT", place: str = "Quảng Ngãi") -> None:
        def org(kind: str, code: str, name: str, parent: int | None = None) -> int:
            args = ["org", "add", "--kind", kind, "--code", code, "--name", name, "--place", place]
            if parent:
                args += ["--parent", str(parent)]
            return int(db.cli(*args).stdout.strip())

        self.db = db
        self.prefix = code.lower()

        def user(username: str, role: str, org_id: int, name: str, position: str) -> int:
            return int(db.cli("user", "add", "--username", username, "--role", role, "--org", str(org_id),
                              "--name", name, "--position", position, "--password-stdin",
                              stdin=PASSWORD + "\n").stdout.strip())

        self.province = org("committee", "UBND-" + code, "Ủy ban nhân dân tỉnh " + code)
        self.agency = org("department", code, "Sở Giao thông vận tải " + code, self.province)
        self.office = org("office", "VP", "Văn phòng Sở", self.agency)
        self.planning = org("division", "KHTC", "Phòng Kế hoạch – Tài chính", self.agency)
        self.infra = org("division", "QLKCHT", "Phòng Quản lý kết cấu hạ tầng giao thông", self.agency)
        self.transport = org("division", "QLVT", "Phòng Quản lý vận tải", self.agency)
        p = code.lower()
        self.users = {
            "admin": user(p + ".admin", "admin", self.office, "Quản Trị Viên", "Chuyên viên"),
            "director": user(p + ".giamdoc", "leader", self.agency, "Nguyễn Văn Đình", "Giám đốc"),
            "consolidator": user(p + ".khtc", "consolidator", self.planning, "Trần Thị Hoa", "Chuyên viên"),
            "infra_head": user(p + ".tp.kcht", "unit_head", self.infra, "Lê Văn Ánh", "Trưởng phòng"),
            "transport_head": user(p + ".tp.vt", "unit_head", self.transport, "Phạm Minh Đức", "Trưởng phòng"),
            "infra_specialist": user(p + ".cv.lan", "specialist", self.infra, "Võ Thị Lan", "Chuyên viên"),
            "viewer": user(p + ".thanhtra", "viewer", self.province, "Đỗ Văn Thanh", "Thanh tra viên"),
        }
        self.usernames = {
            "admin": p + ".admin", "director": p + ".giamdoc", "consolidator": p + ".khtc",
            "infra_head": p + ".tp.kcht", "transport_head": p + ".tp.vt",
            "infra_specialist": p + ".cv.lan", "viewer": p + ".thanhtra",
        }

    def add_user(self, key: str, role: str, org_id: int, name: str, position: str = "Chuyên viên") -> int:
        """Adds one more account through the CLI; it is then known as `key` like the built-in ones."""
        username = f"{self.prefix}.{key.replace('_', '.')}"
        user_id = int(self.db.cli("user", "add", "--username", username, "--role", role, "--org", str(org_id),
                                  "--name", name, "--position", position, "--password-stdin",
                                  stdin=PASSWORD + "\n").stdout.strip())
        self.users[key] = user_id
        self.usernames[key] = username
        return user_id


class ApiTestCase(unittest.TestCase):
    """One database and one server per test class; a fresh client per test."""

    server: Server
    db: Database
    agency: Agency

    @classmethod
    def setUpClass(cls) -> None:
        cls.db = Database()
        cls.agency = Agency(cls.db)
        cls.server = Server(cls.db)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server.stop()
        cls.db.drop()

    def client(self, role: str | None = None) -> Client:
        c = Client(self.server)
        if role:
            r = c.login(self.agency.usernames[role])
            self.assertEqual(r.status, 200, r)
        return c

    def person_of(self, role: str) -> int:
        c = self.client(role)
        return c.get("/api/v1/me").json["person_id"]

    # --- helpers shared by the behaviour tests -------------------------------------------------

    def session(self, role: str) -> Client:
        """A logged-in client for `role`, made once per class: logging in costs an argon2 hash."""
        cache = self.__class__.__dict__.get("_sessions")
        if cache is None:
            cache = {}
            setattr(self.__class__, "_sessions", cache)
        if role not in cache:
            cache[role] = self.client(role)
        return cache[role]

    def create_source(self, client: Client, kind: str = "ad_hoc", title: str = "Văn bản chỉ đạo",
                      **fields) -> int:
        r = client.post("/api/v1/sources", {"kind": kind, "title": title, **fields})
        self.assertEqual(r.status, 201, r)
        return r.json["id"]

    def create_task(self, client: Client, source_id: int, lead_org_id: int, title: str = "Nhiệm vụ",
                    **fields) -> dict:
        body = {"source_id": source_id, "title": title, "lead_org_id": lead_org_id, **fields}
        r = client.post("/api/v1/tasks", body)
        self.assertEqual(r.status, 201, r)
        return r.json

    def assertError(self, r: Response, status: int | tuple, code: str | None = None,
                    field: str | None = None, field_code: str | None = None, lang: str | None = "vi") -> None:
        """An error answer: the status, a JSON body {code, message[, fields]} and the message's language
        (Vietnamese messages all carry diacritics, English ones are plain ASCII)."""
        statuses = status if isinstance(status, tuple) else (status,)
        self.assertIn(r.status, statuses, r)
        self.assertIsInstance(r.json, dict, f"error body is not a JSON object: {r!r}")
        self.assertIsInstance(r.json.get("code"), str, r)
        if code is not None:
            self.assertEqual(r.json["code"], code, r)
        message = r.json.get("message")
        self.assertTrue(isinstance(message, str) and message.strip(), f"no message: {r!r}")
        if lang == "vi":
            self.assertFalse(message.isascii(), f"message is not Vietnamese: {message!r}")
        elif lang == "en":
            self.assertTrue(message.isascii(), f"message is not English: {message!r}")
        if field is not None:
            fields = r.json.get("fields")
            self.assertIsInstance(fields, list, r)
            pairs = [(f.get("field"), f.get("code")) for f in fields]
            if field_code is None:
                self.assertIn(field, [f for f, _ in pairs], r)
            else:
                self.assertIn((field, field_code), pairs, r)


def raw_exchange(port: int, data: bytes, timeout: float = 10.0) -> bytes:
    """Sends bytes as they are on a fresh connection and returns all the server answers until it
    closes the connection (or `timeout` passes): for requests http.client will not make."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(data)
        except OSError:
            pass  # the server may close before reading everything; its answer is still readable
        out = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                break
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        return out


def parse_raw_response(data: bytes) -> Response | None:
    """The first HTTP response in `data`, or None when there is none."""
    head, sep, rest = data.partition(b"\r\n\r\n")
    if not sep or not head.startswith(b"HTTP/1."):
        return None
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", len(rest)))
    return Response(status, headers, rest[:length])
