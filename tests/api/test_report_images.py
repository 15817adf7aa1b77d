"""/report-settings/seal and /report-settings/signers/{person_id}/signature: the images the agency's
electronic documents carry, sent and served as PNG files; set by the agency's administrator, checked
when set."""
from __future__ import annotations

import hashlib
import unittest

from harness import ApiTestCase, Client, parse_raw_response, raw_exchange, skip_unless_database_available
from pngs import PNG_SIGNATURE, blue_stroke, chunk, png, red_ring

SETTINGS = "/api/v1/report-settings"
SEAL = SETTINGS + "/seal"


def put_png(client: Client, path: str, body: bytes, content_type: str = "image/png"):
    return client.request("PUT", path, raw=body, headers={"Content-Type": content_type})


@skip_unless_database_available
class ReportImagesTest(ApiTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        t = cls()
        a = cls.agency
        cls.director_person = t.person_of("director")
        cls.signature_path = f"{SETTINGS}/signers/{cls.director_person}/signature"
        settings = {
            "period_convention": "calendar_month", "due_working_days": 3,
            "consolidating_org_id": a.planning, "agency_code": "SGTVT", "place_name": "Quảng Ngãi",
            "parent_line": "UBND TỈNH QUẢNG NGÃI", "agency_line": "SỞ GIAO THÔNG VẬN TẢI",
            "recipients": ["Lưu: VT, KHTC."], "document_types": [{"name": "Báo cáo", "code": "BC"}],
            "signers": [{"person_id": cls.director_person, "authority": "", "title": "GIÁM ĐỐC"}],
        }
        r = t.session("admin").request("PUT", SETTINGS, body=settings, headers={"If-Match": '"0"'})
        assert r.status == 200, r

    def test_the_administrator_sets_the_seal_everyone_sees_it_and_it_is_removed(self) -> None:
        admin = self.session("admin")
        seal = red_ring()
        digest = hashlib.sha256(seal).hexdigest()
        r = put_png(admin, SEAL, seal)
        self.assertEqual((r.status, r.json), (200, {"sha256": digest, "width": 120, "height": 120}), r)
        self.assertEqual(r.headers["etag"], f'"{digest}"')

        settings = self.session("infra_specialist").get(SETTINGS)
        self.assertEqual(settings.json["seal"], {"sha256": digest, "width": 120, "height": 120})
        self.assertEqual(settings.headers["etag"], '"1"', "an image leaves the settings' version as it is")
        image = self.session("infra_specialist").get(SEAL)
        self.assertEqual((image.status, image.headers["content-type"], image.raw), (200, "image/png", seal))
        self.assertEqual(image.headers["etag"], f'"{digest}"')
        self.assertIn("no-cache", image.headers["cache-control"])
        again = self.session("infra_specialist").get(SEAL, headers={"If-None-Match": f'"{digest}"'})
        self.assertEqual((again.status, again.raw), (304, b""))
        # The province's people, of another agency, have no seal of the department's.
        self.assertError(self.session("viewer").get(SEAL), 404, "not_found")

        self.assertError(self.session("director").request("DELETE", SEAL), 403, "forbidden")
        r = admin.request("DELETE", SEAL)
        self.assertEqual((r.status, r.raw), (204, b""), r)
        self.assertError(admin.get(SEAL), 404, "not_found")
        self.assertIsNone(admin.get(SETTINGS).json["seal"])
        self.assertEqual(admin.request("DELETE", SEAL).status, 204, "removing what is not there changes nothing")

    def test_a_signature_is_a_signers(self) -> None:
        admin = self.session("admin")
        stroke = blue_stroke()
        other = f"{SETTINGS}/signers/{self.person_of('consolidator')}/signature"
        self.assertError(put_png(admin, other, stroke), 404, "not_found")
        self.assertError(admin.get(other), 404, "not_found")
        r = put_png(admin, self.signature_path, stroke)
        self.assertEqual(r.status, 200, r)
        signer = self.session("consolidator").get(SETTINGS).json["signers"][0]
        self.assertEqual(signer["signature"], {"sha256": hashlib.sha256(stroke).hexdigest(), "width": 160,
                                               "height": 60})
        self.assertEqual(self.session("consolidator").get(self.signature_path).raw, stroke)

    def test_only_a_sound_transparent_png_within_the_limits_is_taken(self) -> None:
        admin = self.session("admin")
        good = blue_stroke()
        self.assertError(put_png(self.session("director"), SEAL, good), 403, "forbidden")
        self.assertError(put_png(admin, SEAL, good, "application/octet-stream"), 415, "unsupported_media_type")
        self.assertError(admin.request("PUT", SEAL, body={"png": "x"}), 415, "unsupported_media_type")
        wrong_crc = bytearray(good)
        wrong_crc[-20] ^= 1
        comment = chunk(b"tEXt", b"Comment\0" + b"x" * (600 << 10))
        cases = [
            (b"", "required"),
            (b"GIF89a" + b"\0" * 40, "not_png"),
            (png(40, 20, lambda x, y: (255, 255, 255, 255)), "not_transparent"),
            (good[:len(good) // 2], "damaged"),
            (bytes(wrong_crc), "damaged"),
            (png(2100, 1, lambda x, y: (0, 0, 0, 0)), "too_many_pixels"),
            (png(1, 1, lambda x, y: (0, 0, 0, 0), comment), "too_large"),
        ]
        for body, code in cases:
            with self.subTest(code=code):
                self.assertError(put_png(admin, SEAL, body), 422, "validation_failed", "seal", code)
                self.assertError(put_png(admin, self.signature_path, body), 422, "validation_failed", "signature",
                                 code)
        # Larger than any request body may be: refused on its header, before it is read.
        head = "\r\n".join([f"PUT {SEAL} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: image/png",
                            f"Content-Length: {2 << 20}", f"Cookie: {admin.cookie}", f"X-CSRF-Token: {admin.csrf}"])
        raw = raw_exchange(self.server.port, (head + "\r\n\r\n").encode() + PNG_SIGNATURE, timeout=8)
        r = parse_raw_response(raw)
        self.assertIsNotNone(r, f"no answer before the body (connection closed: {raw[:200]!r})")
        self.assertError(r, 413, "body_too_large")


if __name__ == "__main__":
    unittest.main()
