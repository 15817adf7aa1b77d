"""/report-settings/seal and /report-settings/signers/{person_id}/signature: the images the agency's
electronic documents carry, sent and served as PNG files; set by the agency's administrator, checked
when set, carried by the reports issued while they are set and by nothing issued before."""
from __future__ import annotations

import hashlib
import io
import subprocess
import tempfile
import unittest
import zipfile

from harness import ApiTestCase, Client, parse_raw_response, raw_exchange, skip_unless_database_available
from pngs import PNG_SIGNATURE, blue_stroke, chunk, png, red_ring

SETTINGS = "/api/v1/report-settings"
SEAL = SETTINGS + "/seal"
ISSUED = "/api/v1/reports/issued"


def pdf_image_sizes(body: bytes) -> list[tuple[int, int]]:
    """The images of a PDF as `pdfimages -list` lists them, their alpha masks left out."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(body)
        f.flush()
        out = subprocess.run(["pdfimages", "-list", f.name], capture_output=True, text=True, check=True).stdout
    sizes = []
    for line in out.splitlines()[2:]:
        cells = line.split()
        if len(cells) > 4 and cells[2] == "image":
            sizes.append((int(cells[3]), int(cells[4])))
    return sizes


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

    def test_issued_documents_carry_the_images_set_then_and_keep_them(self) -> None:
        admin, consolidator = self.session("admin"), self.session("consolidator")
        stroke, ring = blue_stroke(240, 90), red_ring(150)
        self.assertEqual(put_png(admin, self.signature_path, stroke).status, 200)
        self.assertEqual(put_png(admin, SEAL, ring).status, 200)

        # The draft carries none: it is not signed yet.
        draft = consolidator.get("/api/v1/reports/preview.pdf?period=2023-05")
        self.assertEqual(draft.status, 200, draft)
        self.assertEqual(pdf_image_sizes(draft.raw), [])
        draft_docx = consolidator.get("/api/v1/reports/preview.docx?period=2023-05")
        with zipfile.ZipFile(io.BytesIO(draft_docx.raw)) as z:
            self.assertEqual([n for n in z.namelist() if n.startswith("word/media/")], [])

        r = consolidator.post(ISSUED, {"period": "2023-05", "signer_person_id": self.director_person})
        self.assertEqual(r.status, 201, r)
        issued = r.json
        self.assertEqual(issued["signer"]["signature"]["sha256"], hashlib.sha256(stroke).hexdigest())
        pdf = consolidator.get(f"{ISSUED}/{issued['id']}/pdf")
        self.assertEqual(sorted(pdf_image_sizes(pdf.raw)), [(150, 150), (240, 90)])
        docx = consolidator.get(f"{ISSUED}/{issued['id']}/docx")
        with zipfile.ZipFile(io.BytesIO(docx.raw)) as z:
            self.assertEqual(z.read("word/media/signature.png"), stroke)
            self.assertEqual(z.read("word/media/seal.png"), ring)

        # New images, or none, change nothing issued.
        self.assertEqual(put_png(admin, self.signature_path, blue_stroke(300, 100)).status, 200)
        self.assertEqual(admin.request("DELETE", SEAL).status, 204)
        self.assertEqual(consolidator.get(f"{ISSUED}/{issued['id']}/pdf").raw, pdf.raw)
        self.assertEqual(consolidator.get(f"{ISSUED}/{issued['id']}/docx").raw, docx.raw)
        self.assertEqual(consolidator.get(f"{ISSUED}/{issued['id']}").json, issued)
        # The replacement carries the images set now.
        r = consolidator.post(ISSUED, {"period": "2023-05", "signer_person_id": self.director_person,
                                       "replaces_id": issued["id"]})
        self.assertEqual(r.status, 201, r)
        self.assertEqual(pdf_image_sizes(consolidator.get(f"{ISSUED}/{r.json['id']}/pdf").raw), [(300, 100)])

        # The register lists each with its signer and the signature it carries, as each says of itself.
        listed = {item["id"]: item for item in consolidator.get(ISSUED).json["items"]}
        for report_id in (issued["id"], r.json["id"]):
            whole = consolidator.get(f"{ISSUED}/{report_id}").json
            self.assertEqual(listed[report_id], {k: v for k, v in whole.items() if k not in ("report", "activity")})
        self.assertEqual((listed[issued["id"]]["signer"]["signature"]["sha256"],
                          listed[r.json["id"]]["signer"]["signature"]["width"]),
                         (hashlib.sha256(stroke).hexdigest(), 300))


if __name__ == "__main__":
    unittest.main()
