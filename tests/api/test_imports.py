"""/sources/{id}/imports and /imports/{id}: a work program uploaded as a spreadsheet, previewed row by
row with its problems, corrected by the user and confirmed into tasks in one go; files that cannot be
read refused with their reason."""
from __future__ import annotations

import io
import os
import subprocess
import tempfile
import unittest
import zipfile

from harness import ApiTestCase, Client, parse_raw_response, raw_exchange, skip_unless_database_available

PROGRAM = (
    "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp;Thời gian hoàn thành;Sản phẩm;Ghi chú\n"
    "I;LĨNH VỰC KẾT CẤU HẠ TẦNG;;;;;\n"
    "1;Sửa chữa cầu Trà Khúc;Phòng QLKCHT;P. KHTC, VP;Quý IV/2026;Báo cáo;Vốn sự nghiệp\n"
    "2;Kiểm tra tải trọng xe;Phòng Pháp chế;;Tháng 12/2026;;\n"
    "II;LĨNH VỰC VẬN TẢI;;;;;\n"
    "1;Rà soát tuyến vận tải khách;QLVT;;Thường xuyên;Báo cáo;\n"
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(client: Client, source_id: int, body: bytes, file_name: str = "chuong-trinh.csv",
           content_type: str = "text/csv", query: str = ""):
    return client.request("POST", f"/api/v1/sources/{source_id}/imports?file_name={file_name}{query}",
                          raw=body, headers={"Content-Type": content_type})


def as_xlsx(csv_text: str) -> bytes:
    """The CSV file converted to a workbook by LibreOffice, as a user saving it from Calc would."""
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "program.csv")
        with open(src, "w", encoding="utf-8") as f:
            f.write(csv_text)
        # Semicolons, UTF-8 (76), first line read as text like the others.
        subprocess.run(["soffice", f"-env:UserInstallation=file://{d}/profile", "--headless",
                        "--infilter=CSV:59,34,76,1", "--convert-to", "xlsx", "--outdir", d, src],
                       check=True, capture_output=True, timeout=300)
        with open(os.path.join(d, "program.xlsx"), "rb") as f:
            return f.read()


def workbook(sheet_data: str, sheet_xml: str | None = None, extra_parts: dict[str, bytes] | None = None) -> bytes:
    """A workbook of one sheet written by hand: its rows as `sheet_data` (inline strings and numbers)."""
    main = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": "<Types/>",
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       f'<Relationship Id="r1" Type="{main}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                           f'xmlns:r="{main}"><sheets><sheet name="CT" sheetId="1" r:id="r1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                      f'<Relationship Id="r1" Type="{main}/worksheet" Target="worksheets/sheet1.xml"/>'
                                      '</Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml if sheet_xml is not None else
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + sheet_data + "</sheetData></worksheet>",
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
        for name, data in (extra_parts or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


@skip_unless_database_available
class ImportsTest(ApiTestCase):
    def setUp(self) -> None:
        self.planner = self.session("consolidator")
        self.source = self.create_source(self.planner, kind="key_program",
                                         title="Chương trình công tác trọng tâm năm 2026")

    def tasks_of(self, source_id: int) -> list[dict]:
        r = self.planner.get(f"/api/v1/tasks?source={source_id}&page_size=100&sort=title")
        self.assertEqual(r.status, 200, r)
        return r.json["items"]

    def test_a_program_is_previewed_corrected_and_confirmed_in_one_go(self) -> None:
        r = upload(self.planner, self.source, PROGRAM.encode())
        self.assertEqual(r.status, 201, r)
        preview = r.json
        self.assertEqual(r.headers["etag"], f'"{preview["import"]["version"]}"')
        self.assertEqual(preview["import"]["status"], "draft")
        self.assertEqual(preview["counts"], {"rows": 5, "tasks": 3, "headings": 2, "existing": 0, "with_errors": 1,
                                             "with_warnings": 0})
        rows = preview["rows"]["items"]
        self.assertEqual([row["row"] for row in rows], [2, 3, 4, 5, 6])
        bridge = rows[1]
        self.assertEqual(bridge["lead"]["organization"]["id"], self.agency.infra)
        self.assertEqual([u["organization"]["id"] for u in bridge["cooperating"]],
                         [self.agency.planning, self.agency.office])
        self.assertEqual((bridge["deadline"], bridge["deadline_label"]), ("2026-12-31", "Quý IV/2026"))
        self.assertEqual(bridge["headings"], ["I LĨNH VỰC KẾT CẤU HẠ TẦNG"])
        self.assertEqual(rows[2]["errors"], [{"field": "lead", "code": "unknown_unit"}])
        self.assertEqual(preview["unmatched_units"][0]["written"], "Phòng Pháp chế")
        self.assertEqual(self.tasks_of(self.source), [], "a preview writes nothing")

        import_id = preview["import"]["id"]
        r = self.planner.request("POST", f"/api/v1/imports/{import_id}/confirm",
                                 headers={"If-Match": f'"{preview["import"]["version"]}"'})
        self.assertError(r, 422, "import_has_errors")
        self.assertEqual(r.json["detail"], "1")
        self.assertEqual(self.tasks_of(self.source), [])

        fix = {"unit_fixes": [{"written": "Phòng Pháp chế", "organization_id": self.agency.transport}]}
        r = self.planner.patch(f"/api/v1/imports/{import_id}", fix, version=preview["import"]["version"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["counts"]["with_errors"], 0)
        self.assertEqual(r.json["choices"]["unit_fixes"][0]["organization"]["id"], self.agency.transport)
        r = self.planner.patch(f"/api/v1/imports/{import_id}", fix, version=preview["import"]["version"])
        self.assertError(r, 412, "precondition_failed")

        r = self.planner.get(f"/api/v1/imports/{import_id}?page=2&page_size=2")
        self.assertEqual(r.status, 200, r)
        self.assertEqual([row["row"] for row in r.json["rows"]["items"]], [4, 5])
        version = r.json["import"]["version"]

        r = self.planner.request("POST", f"/api/v1/imports/{import_id}/confirm",
                                 headers={"If-Match": f'"{version}"'})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["import"]["status"], "confirmed")
        self.assertEqual(len(r.json["task_ids"]), 3)
        tasks = {t["title"]: t for t in self.tasks_of(self.source)}
        self.assertEqual(sorted(tasks), ["Kiểm tra tải trọng xe", "Rà soát tuyến vận tải khách",
                                         "Sửa chữa cầu Trà Khúc"])
        self.assertEqual(tasks["Kiểm tra tải trọng xe"]["lead_org"]["id"], self.agency.transport)
        self.assertEqual(tasks["Rà soát tuyến vận tải khách"]["deadline"], None)
        self.assertEqual(tasks["Rà soát tuyến vận tải khách"]["deadline_label"], "Thường xuyên")

        r = self.planner.get(f"/api/v1/sources/{self.source}/imports")
        self.assertEqual([i["status"] for i in r.json["items"]], ["confirmed"])
        r = self.planner.get(f"/api/v1/imports/{import_id}/file")
        self.assertEqual((r.status, r.raw), (200, PROGRAM.encode()))
        self.assertIn("chuong-trinh.csv", r.headers["content-disposition"])

        # The same file again is seen for what it is and cannot be written twice.
        r = upload(self.planner, self.source, PROGRAM.encode(), "lan-hai.csv")
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["duplicate_of"], import_id)
        self.assertIn("already_imported", r.json["problems"])
        again = r.json["import"]
        r = self.planner.request("POST", f"/api/v1/imports/{again['id']}/confirm",
                                 headers={"If-Match": f'"{again["version"]}"'})
        self.assertError(r, 409, "already_imported")
        r = self.planner.request("DELETE", f"/api/v1/imports/{again['id']}",
                                 headers={"If-Match": f'"{again["version"]}"'})
        self.assertEqual(r.status, 204, r)
        self.assertEqual(len(self.tasks_of(self.source)), 3)

    def test_a_workbook_saved_by_libreoffice_imports_like_its_csv(self) -> None:
        program = PROGRAM.replace("Phòng Pháp chế", "Phòng Quản lý vận tải")
        r = upload(self.planner, self.source, as_xlsx(program), "chuong-trinh.xlsx", XLSX)
        self.assertEqual(r.status, 201, r)
        preview = r.json
        self.assertEqual(preview["import"]["file_kind"], "xlsx")
        self.assertEqual(len(preview["sheets"]), 1)
        self.assertEqual(preview["counts"]["tasks"], 3)
        self.assertEqual(preview["counts"]["with_errors"], 0, preview["rows"]["items"])
        r = self.planner.request("POST", f"/api/v1/imports/{preview['import']['id']}/confirm",
                                 headers={"If-Match": f'"{preview["import"]["version"]}"'})
        self.assertEqual(r.status, 200, r)
        deadlines = sorted((t["title"], t["deadline"]) for t in self.tasks_of(self.source))
        self.assertEqual(deadlines, [("Kiểm tra tải trọng xe", "2026-12-31"),
                                     ("Rà soát tuyến vận tải khách", None),
                                     ("Sửa chữa cầu Trà Khúc", "2026-12-31")])

    def test_the_program_written_back_imports_to_the_same_tasks(self) -> None:
        program = PROGRAM.replace("Phòng Pháp chế", "Phòng Quản lý vận tải")
        r = upload(self.planner, self.source, program.encode())
        self.assertEqual(r.status, 201, r)
        r = self.planner.request("POST", f"/api/v1/imports/{r.json['import']['id']}/confirm",
                                 headers={"If-Match": f'"{r.json["import"]["version"]}"'})
        self.assertEqual(r.status, 200, r)
        r = self.planner.get(f"/api/v1/sources/{self.source}/program.xlsx")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["content-type"], XLSX)
        self.assertEqual(r.raw[:4], b"PK\x03\x04")
        written_back = r.raw
        # Into its own source again, the program gives nothing new: every row is one of its tasks.
        r = upload(self.planner, self.source, written_back, "chuong-trinh-sua.xlsx", XLSX)
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["problems"], ["already_imported"])
        self.assertEqual((r.json["counts"]["tasks"], r.json["counts"]["existing"]), (0, 3))
        self.assertError(self.planner.request("POST", f"/api/v1/imports/{r.json['import']['id']}/confirm",
                                              headers={"If-Match": f'"{r.json["import"]["version"]}"'}),
                         409, "already_imported")
        copy = self.create_source(self.planner, kind="key_program", title="Bản sao chương trình")
        r = upload(self.planner, copy, written_back, "ban-sao.xlsx", XLSX)
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["counts"], {"rows": 5, "tasks": 3, "headings": 2, "existing": 0,
                                            "with_errors": 0, "with_warnings": 0})
        r = self.planner.request("POST", f"/api/v1/imports/{r.json['import']['id']}/confirm",
                                 headers={"If-Match": f'"{r.json["import"]["version"]}"'})
        self.assertEqual(r.status, 200, r)

        def facts(source_id: int) -> list[tuple]:
            return [(t["title"], t["lead_org"]["name"], t["deadline"], t["deadline_label"], t["is_key"])
                    for t in self.tasks_of(source_id)]
        self.assertEqual(facts(copy), facts(self.source))
        self.assertError(self.session("infra_head").get(f"/api/v1/sources/{self.source}/program.xlsx"),
                         404, "not_found")

    def test_files_that_cannot_be_read_are_refused_with_their_reason(self) -> None:
        r = upload(self.planner, self.source, b"PK\x03\x04 broken", "hong.xlsx", XLSX)
        self.assertError(r, 422, "file_broken_zip")
        r = upload(self.planner, self.source, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "cu.xls",
                   "application/vnd.ms-excel")
        self.assertError(r, 422, "file_legacy_xls")
        r = upload(self.planner, self.source, "STT;Nội dung\n1;Việc\n".encode("utf-16"), "utf16.csv")
        self.assertError(r, 422, "file_not_utf8")
        self.assertEqual(r.json["detail"], "UTF-16")
        r = upload(self.planner, self.source, b"", "rong.csv")
        self.assertError(r, 422, "file_empty")
        r = upload(self.planner, self.source, b"\x89PNG\r\n\x1a\n" + bytes(64), "anh.png", "application/octet-stream")
        self.assertError(r, 422, "file_not_spreadsheet")
        r = upload(self.planner, self.source, PROGRAM.encode(), "x.csv", "application/json")
        self.assertError(r, 415, "unsupported_media_type")
        r = self.planner.request("POST", f"/api/v1/sources/{self.source}/imports", raw=PROGRAM.encode(),
                                 headers={"Content-Type": "text/csv"})
        self.assertError(r, 422, "validation_failed", "file_name", "required")
        # A file over 20 MiB is refused by its header, before its body is read.
        head = (f"POST /api/v1/sources/{self.source}/imports?file_name=lon.csv HTTP/1.1\r\n"
                f"Host: 127.0.0.1\r\nCookie: {self.planner.cookie}\r\nX-CSRF-Token: {self.planner.csrf}\r\n"
                f"Content-Type: text/csv\r\nContent-Length: {20 * 1024 * 1024 + 2}\r\n\r\n").encode()
        answer = parse_raw_response(raw_exchange(self.server.port, head))
        self.assertIsNotNone(answer)
        self.assertError(answer, 413, "body_too_large")
        r = upload(self.planner, self.source, PROGRAM.encode(), "x.csv", query="&sheet=1")
        self.assertError(r, 422, "file_no_such_sheet")
        r = self.planner.get(f"/api/v1/sources/{self.source}/imports")
        self.assertEqual(r.json["items"], [], "nothing unreadable is kept")

    def test_hostile_and_damaged_workbooks_and_wrong_types_write_nothing(self) -> None:
        # A sheet of 40 MB of spaces packs into a few kilobytes: refused as it unpacks.
        bomb = workbook("", sheet_xml="<worksheet>" + " " * (40 << 20) + "</worksheet>")
        self.assertLess(len(bomb), 200_000)
        r = upload(self.planner, self.source, bomb, "bom.xlsx", XLSX)
        self.assertError(r, 422, "file_zip_bomb")
        self.assertIn("sheet1.xml", r.json["detail"])
        r = upload(self.planner, self.source, workbook("<row r=\"1\"><c r=\"A1\">"), "hong.xlsx", XLSX)
        self.assertError(r, 422, "file_broken_xml")
        many = "STT;Nội dung nhiệm vụ;Đơn vị chủ trì\n" + "1;Việc;VP\n" * 100_000
        r = upload(self.planner, self.source, many.encode(), "dai.csv")
        self.assertError(r, 422, "file_too_many_rows")
        self.assertIn("100001", r.json["detail"])

        # A deadline that is a bare number, not a date: the row says so and nothing is written.
        header = (text_cell("A1", "STT") + text_cell("B1", "Nội dung nhiệm vụ") + text_cell("C1", "Đơn vị chủ trì")
                  + text_cell("D1", "Thời gian hoàn thành"))
        row = '<c r="A2"><v>1</v></c>' + text_cell("B2", "Việc có hạn là số") + text_cell("C2", "VP") + '<c r="D2"><v>45000</v></c>'
        r = upload(self.planner, self.source, workbook(f'<row r="1">{header}</row><row r="2">{row}</row>'),
                   "kieu.xlsx", XLSX)
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["rows"]["items"][0]["errors"], [{"field": "deadline", "code": "not_a_date"}])
        r = self.planner.request("POST", f"/api/v1/imports/{r.json['import']['id']}/confirm",
                                 headers={"If-Match": f'"{r.json["import"]["version"]}"'})
        self.assertError(r, 422, "import_has_errors")
        self.assertEqual(self.tasks_of(self.source), [])

    def test_english_messages_and_who_may_import(self) -> None:
        r = self.planner.request("POST", f"/api/v1/sources/{self.source}/imports?file_name=a.xlsx",
                                 raw=b"PK\x03\x04 broken",
                                 headers={"Content-Type": XLSX, "Accept-Language": "en"})
        self.assertError(r, 422, "file_broken_zip", lang="en")
        head = self.session("infra_head")
        self.assertError(upload(head, self.source, PROGRAM.encode()), 403, "forbidden")
        r = upload(self.session("director"), self.source, PROGRAM.encode())
        self.assertEqual(r.status, 201, r)
        import_id = r.json["import"]["id"]
        self.assertError(head.get(f"/api/v1/imports/{import_id}"), 404, "not_found")
        anonymous = Client(self.server)
        self.assertError(anonymous.get(f"/api/v1/imports/{import_id}"), 401)


if __name__ == "__main__":
    unittest.main()
