"""The edge of the HTTP server: what it holds for a client (bodies, memory, connections) and how it
answers requests it cannot use, never with a silent close or a desynchronised connection.
"""
import json
import unittest

from harness import ApiTestCase, skip_unless_database_available

LOGIN = "/api/v1/auth/login"
SOURCES = "/api/v1/sources"
TASKS = "/api/v1/tasks"
MIB = 1024 * 1024


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


if __name__ == "__main__":
    unittest.main()
