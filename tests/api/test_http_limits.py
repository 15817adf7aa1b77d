"""The edge of the HTTP server: what it holds for a client (bodies, memory, connections) and how it
answers requests it cannot use, never with a silent close or a desynchronised connection.
"""
import base64
import http.client
import json
import os
import resource
import select
import socket
import subprocess
import threading
import time
import unittest

from harness import (BIN, Agency, ApiTestCase, Client, Database, Server, parse_raw_response,
                     raw_exchange, skip_unless_database_available)

LOGIN = "/api/v1/auth/login"
SOURCES = "/api/v1/sources"
TASKS = "/api/v1/tasks"
PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
MIB = 1024 * 1024


def read_response(sock: socket.socket, head_only: bool = False, timeout: float = 10) -> tuple[int, dict, bytes]:
    """Reads one response from a kept-alive socket: status, headers and exactly Content-Length body
    bytes (none for an answer to HEAD). Whatever follows stays unread in the socket."""
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(1)
        if not chunk:
            raise AssertionError(f"connection closed after {data!r}")
        data += chunk
    lines = data.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    body = b""
    if not head_only:
        length = int(headers.get("content-length", "0"))
        while len(body) < length:
            chunk = sock.recv(length - len(body))
            if not chunk:
                break
            body += chunk
    return int(lines[0].split()[1]), headers, body


def closed_by_server(sock: socket.socket) -> bool:
    """Whether the server has closed this connection, which never sent anything."""
    sock.setblocking(False)
    try:
        return sock.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        sock.setblocking(True)


def raw_head(method: str, path: str, length: int, *extra: str) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json",
             f"Content-Length: {length}", *extra]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


@skip_unless_database_available
class BodyLimitsTest(ApiTestCase):
    def setUp(self) -> None:
        self.director = self.session("director")

    def assertRefusedEarly(self, head: bytes, status: int = 413, code: str = "body_too_large") -> None:
        """The server answers after the header alone, without waiting for the announced body."""
        raw = raw_exchange(self.server.port, head + b'{"username": "', timeout=8)
        r = parse_raw_response(raw)
        self.assertIsNotNone(r, f"no answer before the body (connection closed: {raw[:200]!r})")
        self.assertError(r, status, code)

    def test_the_public_login_takes_no_large_body(self):
        self.assertRefusedEarly(raw_head("POST", LOGIN, 2 * MIB))
        self.assertRefusedEarly(raw_head("POST", LOGIN, 20 * MIB))
        # A small login still works.
        self.assertEqual(self.client().login(self.agency.usernames["viewer"]).status, 200)

    def test_json_routes_take_one_mebibyte_even_from_a_signed_in_caller(self):
        signed_in = (f"Cookie: {self.director.cookie}", f"X-CSRF-Token: {self.director.csrf}")
        self.assertRefusedEarly(raw_head("POST", SOURCES, MIB + 1, *signed_in))
        self.assertRefusedEarly(raw_head("POST", SOURCES, 20 * MIB, *signed_in))
        # Just under the limit the body is read, and judged on what it says.
        r = self.director.post(SOURCES, {"kind": "ad_hoc", "title": "x" * (MIB - 100)})
        self.assertError(r, 422, "validation_failed", "title", "too_long")

    def test_uploads_may_be_large_only_for_a_signed_in_caller(self):
        source = self.create_source(self.director, title="Kế hoạch có tệp lớn")
        task = self.create_task(self.director, source, self.agency.infra, "Nhiệm vụ có tệp lớn",
                                assigned_on="2023-08-01")
        path = f"{TASKS}/{task['id']}/updates"
        # Anonymous: refused by size before anyone looks at the session.
        self.assertRefusedEarly(raw_head("POST", path, 2 * MIB))
        # A forged session is no better than none.
        self.assertRefusedEarly(raw_head("POST", path, 2 * MIB, "Cookie: gb_session=forged", "X-CSRF-Token: x"))
        # Signed in: a 3 MiB attachment (4 MiB of base64) goes through.
        content = PDF_BYTES + os.urandom(3 * MIB)
        r = self.director.post(path, {"reported_on": "2023-08-15", "body": "Tệp lớn", "attachments": [
            {"file_name": "lon.pdf", "content_type": "application/pdf",
             "content_base64": base64.b64encode(content).decode()}]})
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["updates"][0]["attachments"][0]["size_bytes"], len(content))

    def test_json_is_parsed_within_depth_and_size_limits(self):
        anonymous = self.client()
        # Nesting beyond what any request of the API needs.
        deep = b'{"username": ' + b"[" * 64 + b"]" * 64 + b', "password": "x"}'
        r = anonymous.request("POST", LOGIN, raw=deep, headers={"Content-Type": "application/json"})
        self.assertError(r, 400, "json_too_complex")
        # Under the byte limit, but hundreds of thousands of values: their tree would take many times
        # the text's size.
        many = b'{"username": [' + b",".join([b"0"] * 400_000) + b'], "password": "x"}'
        self.assertLess(len(many), MIB)
        r = anonymous.request("POST", LOGIN, raw=many, headers={"Content-Type": "application/json"})
        self.assertError(r, 400, "json_too_complex")
        # An ordinary wrong login is still just that.
        r = anonymous.request("POST", LOGIN, raw=b'{"username": "ai-do", "password": "sai"}',
                              headers={"Content-Type": "application/json"})
        self.assertError(r, 401, "invalid_credentials")


@skip_unless_database_available
class BodyMemoryBudgetTest(ApiTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.db = Database()
        cls.agency = Agency(cls.db)
        cls.server = Server(cls.db, "--body-memory-mb", "2")

    def test_bodies_beyond_the_budget_wait_for_room_with_503(self):
        # Three slow clients announce 900 KB each and send a part: two of them fit the 2 MiB budget,
        # so exactly one is told to come back later, and the other two are kept waiting for their
        # bodies, holding their share.
        clients = []
        for _ in range(3):
            s = socket.create_connection(("127.0.0.1", self.server.port), timeout=30)
            s.sendall(raw_head("POST", LOGIN, 900_000) + b'{"username": "')
            clients.append(s)
        answered, _, _ = select.select(clients, [], [], 60)
        self.assertEqual(len(answered), 1, "one client of three is refused")
        answer = b""
        while more := answered[0].recv(65536):  # the server closes after refusing
            answer += more
        answered[0].close()
        holders = [s for s in clients if s is not answered[0]]
        refused = parse_raw_response(answer)
        self.assertError(refused, 503, "server_busy")
        self.assertGreater(int(refused.headers.get("retry-after", "0")), 0, refused.headers)
        # Small requests without a body are not affected.
        self.assertEqual(self.client().get("/api/v1/health").status, 200)
        # Once the holders give up, their memory is free for others.
        for s in holders:
            s.close()
        deadline = time.monotonic() + 10
        status = None
        while time.monotonic() < deadline:
            status = self.client().login(self.agency.usernames["viewer"]).status
            if status != 503:
                break
            time.sleep(0.1)
        self.assertEqual(status, 200)


@skip_unless_database_available
class HttpInputTest(ApiTestCase):
    def setUp(self) -> None:
        self.director = self.session("director")

    def test_an_invalid_utf8_parameter_name_is_not_echoed_raw(self):
        for path in [f"{TASKS}?%FF%FE=1", f"{SOURCES}?a%C3=1", "/api/v1/people?%ED%A0%80=x",
                     f"{TASKS}?%C0%AF=1&q=x"]:
            with self.subTest(path=path):
                r = self.director.get(path)
                self.assertEqual(r.status, 422, r)
                text = r.raw.decode("utf-8")  # raises when the body is not UTF-8
                body = json.loads(text)
                self.assertEqual(body["fields"][0]["code"], "unknown_parameter", body)
                self.assertIn("\ufffd", body["fields"][0]["field"], body)
        # A valid UTF-8 name is still named as sent.
        r = self.director.get(f"{TASKS}?tr%E1%BA%A1ng=1")
        self.assertError(r, 422, "validation_failed", "trạng", "unknown_parameter")

    def test_head_answers_like_get_without_a_body(self):
        token = self.db.cli("token", "create", self.agency.usernames["director"], "--name", "head").stdout
        auth = "Authorization: Bearer " + token.strip().split("\t")[1]
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as s:
            for path, extra in [("/api/v1/health", ""), ("/api/v1/me", auth), (TASKS + "?page_size=5", auth),
                                ("/api/v1/nothing-here", ""), (LOGIN, ""), (TASKS, "")]:
                with self.subTest(path=path):
                    def request(method: str) -> bytes:
                        lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"] + ([extra] if extra else [])
                        return ("\r\n".join(lines) + "\r\n\r\n").encode()

                    s.sendall(request("GET"))
                    get_status, get_headers, get_body = read_response(s)
                    # On the same kept-alive connection: HEAD, then GET again.
                    s.sendall(request("HEAD"))
                    status, headers, _ = read_response(s, head_only=True)
                    self.assertEqual(status, get_status)
                    self.assertEqual(headers.get("content-type"), get_headers.get("content-type"))
                    self.assertEqual(int(headers["content-length"]), len(get_body))
                    s.sendall(request("GET"))
                    again_status, _, again_body = read_response(s)
                    self.assertEqual(again_status, get_status, again_body[:200])
                    if get_status == 200:
                        self.assertEqual(json.loads(again_body).keys(), json.loads(get_body).keys())

    def test_only_json_media_types_are_json(self):
        def post(content_type: str):
            return self.director.request("POST", SOURCES, raw=json.dumps({"kind": "ad_hoc", "title": "Kiểu"}).encode(),
                                         headers={"Content-Type": content_type})

        for refused in ["application/jsonx", "application/json-patch+json", "application/jsonp; charset=utf-8",
                        "text/json", "application", "application/", "json"]:
            with self.subTest(content_type=refused):
                self.assertError(post(refused), 415, "unsupported_media_type")
        for accepted in ["application/json", "application/json; charset=utf-8", "Application/JSON",
                         "application/json;charset=UTF-8", "application/json ; charset=utf-8"]:
            with self.subTest(content_type=accepted):
                self.assertEqual(post(accepted).status, 201)

    def test_malformed_requests_get_a_400_answer_before_the_close(self):
        for raw in [b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Name: a\x00b\r\n\r\n",
                    b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Na\x00me: ab\r\n\r\n",
                    b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n",
                    b"GET /api/v1/health HTTP/1.1 extra\r\nHost: x\r\n\r\n",
                    b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
                    b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"]:
            with self.subTest(raw=raw):
                answer = raw_exchange(self.server.port, raw, timeout=8)
                r = parse_raw_response(answer)
                self.assertIsNotNone(r, f"closed without an answer: {answer[:200]!r}")
                self.assertError(r, 400, "bad_request")
                self.assertEqual(r.headers.get("connection"), "close")
        # The server is still there for well-formed requests.
        self.assertEqual(self.client().get("/api/v1/health").status, 200)


@skip_unless_database_available
class SecureCookiesTest(ApiTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.db = Database()
        cls.agency = Agency(cls.db)
        cls.server = Server(cls.db, "--secure-cookies")

    def test_every_response_asks_for_https_from_now_on(self):
        c = self.client()
        answers = [c.get("/api/v1/health"), c.get("/api/v1/nothing-here"), c.get(TASKS),
                   c.request("POST", LOGIN, raw=b"{", headers={"Content-Type": "application/json"}),
                   c.login(self.agency.usernames["viewer"]), c.get("/")]
        for raw in [b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX: \x00\r\n\r\n",
                    raw_head("POST", LOGIN, 30 * MIB)]:
            answers.append(parse_raw_response(raw_exchange(self.server.port, raw, timeout=8)))
        for r in answers:
            with self.subTest(r=r):
                self.assertIsNotNone(r)
                self.assertEqual(r.headers.get("strict-transport-security"), "max-age=31536000", r)


class LimitedServer(Server):
    """A server that may open only `descriptors` files, so that a few hundred connections reach
    the limit without touching the machine's."""

    def __init__(self, db: Database, descriptors: int, *extra: str) -> None:
        self.db = db
        self.log: list[str] = []

        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (descriptors, descriptors))

        self.process = subprocess.Popen([BIN, "--db", db.url, "serve", "--listen", "127.0.0.1:0", *extra],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                        preexec_fn=limit)
        self.port = self._wait_for_port()
        self._drainer = threading.Thread(target=self._drain, daemon=True)
        self._drainer.start()

    def rss_bytes(self) -> int:
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        raise AssertionError("no VmRSS")

    def cpu_seconds(self) -> float:
        with open(f"/proc/{self.process.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class SlowBody(threading.Thread):
    """One client that announces a large body, sends all of it but the last byte, then holds the
    connection until told to stop; it records the server's answer if one comes early."""

    def __init__(self, port: int, head: bytes, length: int, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.port, self.head, self.length, self.stop = port, head, length, stop
        self.sent_all = threading.Event()
        self.answer: bytes = b""

    def run(self) -> None:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=30) as s:
                try:
                    s.sendall(self.head)
                    chunk = b"7" * MIB
                    left = self.length - 1
                    while left > 0 and not self.stop.is_set():
                        s.sendall(chunk[:min(left, len(chunk))])
                        left -= min(left, len(chunk))
                except OSError:
                    pass  # refused early: the answer, if any, is in the socket
                self.sent_all.set()
                s.settimeout(0.5)
                while not self.stop.is_set():
                    try:
                        data = s.recv(65536)
                    except socket.timeout:
                        continue
                    except OSError:
                        break
                    if not data:
                        break
                    self.answer += data
        except OSError:
            pass
        finally:
            self.sent_all.set()


@skip_unless_database_available
class ConnectionPressureTest(unittest.TestCase):
    """Many slow bodies and many idle connections against a server limited to 256 descriptors:
    memory stays bounded and an ordinary client is still answered."""

    DESCRIPTORS = 256
    IDLE = 300
    SLOW_LOGINS = 20
    SLOW_UPLOADS = 20

    @classmethod
    def setUpClass(cls) -> None:
        cls.db = Database()
        cls.agency = Agency(cls.db)
        cls.server = LimitedServer(cls.db, cls.DESCRIPTORS)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server.stop()
        cls.db.drop()

    def probe(self) -> float:
        """Seconds for a fresh client to get GET /api/v1/health answered (inf when it is not)."""
        started = time.monotonic()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
            conn.request("GET", "/api/v1/health")
            r = conn.getresponse()
            r.read()
            conn.close()
            return time.monotonic() - started if r.status == 200 else float("inf")
        except OSError:
            return float("inf")

    def test_slow_bodies_and_idle_connections(self):
        director = Client(self.server)
        self.assertEqual(director.login(self.agency.usernames["director"]).status, 200)
        upload_head = raw_head("POST", f"{TASKS}/1/updates", 20_000_000, f"Cookie: {director.cookie}",
                               f"X-CSRF-Token: {director.csrf}")
        login_head = raw_head("POST", LOGIN, 24_000_000)
        self.assertLess(self.probe(), 5)
        rss_before = self.server.rss_bytes()

        peak = [rss_before]
        sampling = threading.Event()

        def sample() -> None:
            while not sampling.is_set():
                try:
                    peak[0] = max(peak[0], self.server.rss_bytes())
                except (OSError, AssertionError):
                    return
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        stop = threading.Event()
        idle: list[socket.socket] = []
        senders = [SlowBody(self.server.port, login_head, 24_000_000, stop) for _ in range(self.SLOW_LOGINS)]
        senders += [SlowBody(self.server.port, upload_head, 20_000_000, stop) for _ in range(self.SLOW_UPLOADS)]
        latencies = []
        try:
            for _ in range(self.IDLE):
                idle.append(socket.create_connection(("127.0.0.1", self.server.port), timeout=10))
            latencies.append(self.probe())
            for s in senders:
                s.start()
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not all(s.sent_all.is_set() for s in senders):
                latencies.append(self.probe())
                time.sleep(0.2)
            self.assertTrue(all(s.sent_all.is_set() for s in senders), "the slow clients did not finish sending")
            cpu_before = self.server.cpu_seconds()
            for _ in range(5):
                latencies.append(self.probe())
                time.sleep(0.2)
            # Idle connections opened at the limit: the server makes room instead of spinning.
            for _ in range(50):
                idle.append(socket.create_connection(("127.0.0.1", self.server.port), timeout=10))
            quiet_started = time.monotonic()
            for _ in range(5):
                latencies.append(self.probe())
                time.sleep(0.2)
            cpu_used = self.server.cpu_seconds() - cpu_before
            quiet = time.monotonic() - quiet_started
            closed_idle = sum(1 for s in idle if closed_by_server(s))
            oldest_closed = closed_by_server(idle[0])
        finally:
            stop.set()
            for s in idle:
                s.close()
            for s in senders:
                s.join(timeout=10)
            sampling.set()
            sampler.join(timeout=5)

        growth = peak[0] - rss_before
        answers = [parse_raw_response(s.answer) for s in senders]
        statuses = sorted(r.status for r in answers if r is not None)
        if os.environ.get("GIAOBAN_TEST_REPORT"):
            print(f"\nRSS before {rss_before / MIB:.0f} MiB, peak {peak[0] / MIB:.0f} MiB; "
                  f"slowest probe {max(latencies):.2f} s of {len(latencies)}; "
                  f"server CPU {cpu_used:.2f} s in the last {quiet:.1f} s; early answers {statuses}")
        self.assertTrue(all(latency < 5 for latency in latencies),
                        f"an ordinary request waited: {['%.2f' % x for x in latencies]}")
        self.assertLess(growth, 200 * MIB, f"the server grew from {rss_before / MIB:.0f} MiB to {peak[0] / MIB:.0f} MiB")
        # Every public login was refused by its header; uploads beyond the budget were told to retry.
        self.assertEqual(statuses.count(413), self.SLOW_LOGINS, statuses)
        self.assertGreater(statuses.count(503), 0, statuses)
        self.assertLess(cpu_used, max(0.5, quiet / 3), "the server kept a core busy")
        # Room was made by closing idle connections, the oldest first.
        self.assertGreaterEqual(closed_idle, len(idle) - self.DESCRIPTORS, closed_idle)
        self.assertTrue(oldest_closed, "the connection idle the longest is still open")
        self.assertLess(self.probe(), 5)


if __name__ == "__main__":
    unittest.main()
