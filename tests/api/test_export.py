"""GET /tasks/export.xlsx: the filtered list as a workbook a civil servant can open in Excel."""
from __future__ import annotations

import io
import re
import unittest
import xml.etree.ElementTree as ET
import zipfile

from harness import ApiTestCase, Client, skip_unless_database_available

NS = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sheet_rows(body: bytes) -> list[list[str]]:
    """Cell texts of the first sheet, row by row (numbers as written)."""
    with zipfile.ZipFile(io.BytesIO(body)) as z:
        root = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in root.iter(f"{{{NS['s']}}}row"):
        cells = []
        for c in row.findall("s:c", NS):
            text = "".join(t.text or "" for t in c.iter(f"{{{NS['s']}}}t"))
            value = c.find("s:v", NS)
            cells.append(text if text else (value.text if value is not None else ""))
        rows.append(cells)
    return rows


@skip_unless_database_available
class ExportTest(ApiTestCase):
    def setUp(self) -> None:
        self.director = self.session("director")
        if not hasattr(self.__class__, "source"):
            s = self.create_source(self.director, title="Kế hoạch xuất Excel", doc_number="12/KH-SGTVT")
            self.__class__.source = s
            self.create_task(self.director, s, self.agency.infra, title="Sửa cầu Trà Khúc",
                             assigned_on="2024-01-10", deadline="2024-03-31")
            self.create_task(self.director, s, self.agency.transport, title="Đường tỉnh 623",
                             assigned_on="2024-02-01", deadline=None, deadline_label="")
            self.create_task(self.director, s, self.agency.infra, title="Việc mật xuất",
                             assigned_on="2024-02-02", restricted=True)

    def export(self, client: Client, query: str, **kw):
        return client.get(f"/api/v1/tasks/export.xlsx?source={self.source}&{query}", **kw)

    def test_rows_match_the_list_in_its_order(self) -> None:
        r = self.export(self.director, "sort=title&as_of=2024-06-30")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["content-type"], XLSX)
        self.assertRegex(r.headers["content-disposition"], r'attachment; filename="nhiem-vu-2024-06-30\.xlsx"')
        rows = sheet_rows(r.raw)
        self.assertEqual(rows[0][0], "DANH SÁCH NHIỆM VỤ")
        self.assertIn("30/06/2024", rows[1][0])
        self.assertIn("3 nhiệm vụ", rows[2][0])
        header = rows[3]
        self.assertEqual(header[:2], ["STT", "Tên nhiệm vụ"])
        self.assertIn("Tình trạng", header)
        listed = self.director.get(f"/api/v1/tasks?source={self.source}&sort=title&as_of=2024-06-30").json
        data = rows[4:]
        self.assertEqual([row[1] for row in data], [t["title"] for t in listed["items"]])
        self.assertEqual([row[0] for row in data], ["1", "2", "3"])
        by_title = {row[1]: row for row in data}
        status = header.index("Tình trạng")
        self.assertEqual(by_title["Sửa cầu Trà Khúc"][status], "Quá hạn")
        self.assertEqual(by_title["Đường tỉnh 623"][header.index("Hạn xử lý")], "Thường xuyên")
        self.assertEqual(by_title["Sửa cầu Trà Khúc"][header.index("Văn bản nguồn")], "12/KH-SGTVT")
        # Dates are Excel serial numbers (10/01/2024 is day 45301), shown dd/mm/yyyy by the style.
        self.assertEqual(by_title["Sửa cầu Trà Khúc"][header.index("Ngày giao")], "45301")

    def test_filter_language_and_access(self) -> None:
        r = self.export(self.director, "status=overdue&as_of=2024-06-30&lang=en")
        self.assertEqual(r.status, 200, r)
        rows = sheet_rows(r.raw)
        self.assertEqual(rows[0][0], "TASK LIST")
        self.assertEqual([row[1] for row in rows[4:]], ["Sửa cầu Trà Khúc"])
        self.assertEqual(rows[4][rows[3].index("Status")], "Overdue")
        english = sheet_rows(self.export(self.director, "", headers={"Accept-Language": "en"}).raw)
        self.assertEqual(english[0][0], "TASK LIST")
        # Someone who may not read the restricted task does not get it in the file either.
        outsider = sheet_rows(self.export(self.session("transport_head"), "").raw)
        self.assertNotIn("Việc mật xuất", [row[1] for row in outsider[4:] if len(row) > 1])
        self.assertIn("2 nhiệm vụ", outsider[2][0])

    def test_bad_requests(self) -> None:
        self.assertError(self.export(self.director, "lang=fr"), 422, "validation_failed", "lang", "invalid")
        self.assertError(self.export(self.director, "colour=red"), 422, "validation_failed")
        self.assertError(self.export(Client(self.server), ""), 401, "unauthenticated")


if __name__ == "__main__":
    unittest.main()
