"""The edge of the HTTP server: what it holds for a client (bodies, memory, connections) and how it
answers requests it cannot use, never with a silent close or a desynchronised connection.
"""
import json
import socket
import unittest

from harness import (Agency, ApiTestCase, Database, Server, parse_raw_response, raw_exchange,
                     skip_unless_database_available)

LOGIN = "/api/v1/auth/login"
SOURCES = "/api/v1/sources"
TASKS = "/api/v1/tasks"
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


def raw_head(method: str, path: str, length: int, *extra: str) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json",
             f"Content-Length: {length}", *extra]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


@skip_unless_database_available
class BodyLimitsTest(ApiTestCase):
    def setUp(self) -> None:
        self.director = self.session("director")


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


if __name__ == "__main__":
    unittest.main()
