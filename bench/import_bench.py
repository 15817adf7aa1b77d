#!/usr/bin/env python3
"""Importing work programs over HTTP: a program of N rows (CSV, and XLSX with shared strings and date
cells as Excel writes them) uploaded and previewed, then confirmed into tasks, against a fresh SQLite
file or a PostgreSQL URL; and what a 100,000-row file does to the server's resident memory (the
peak of VmRSS, read every few milliseconds over the upload and its preview, after a small import
has warmed it;
99,999 rows under the header: the sheet holds 100,000, the most a file may).

    python3 bench/import_bench.py [--rows 10000] [--db URL-or-file] [--repeat 3]

Wall times are the median of --repeat runs, each on bytes of its own (a file is imported once).
Only one benchmark should run on a machine at a time: wrap it in `flock /tmp/giaoban-bench.lock`.
Everything stays on 127.0.0.1."""
from __future__ import annotations

import argparse
import http.client
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("GIAOBAN_BIN", os.path.join(ROOT, "build/src/giaoban"))
OUT = os.path.join(ROOT, "bench/out/imports")
PASSWORD = "bench-password-1"
UNITS = [("KHTC", "Phòng Kế hoạch - Tài chính"), ("QLKCHT", "Phòng Quản lý kết cấu hạ tầng giao thông"),
         ("QLVT", "Phòng Quản lý vận tải, phương tiện và người lái"), ("VP", "Văn phòng Sở"),
         ("TTR", "Thanh tra Sở"), ("PC", "Phòng Pháp chế - An toàn giao thông")]
DEADLINES = ["Quý I/2027", "Quý II/2027", "Tháng 9/2027", "6 tháng cuối năm 2027", "Thường xuyên", "Năm 2027"]


def program_rows(rows: int, salt: str) -> list[list[str]]:
    out = [["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
            "Sản phẩm", "Ghi chú"]]
    group = 0
    for i in range(rows):
        if i % 50 == 0:
            group += 1
            out.append([f"G{group}", f"LĨNH VỰC CÔNG TÁC SỐ {group} {salt}", "", "", "", "", ""])
            continue
        lead = UNITS[i % len(UNITS)]
        partner = UNITS[(i + 1) % len(UNITS)]
        out.append([str(i % 50), f"Triển khai nhiệm vụ số {i} ({salt}) về bảo trì, sửa chữa công trình giao thông năm 2027",
                    lead[0] if i % 3 == 0 else lead[1], partner[1] if i % 2 else "",
                    DEADLINES[i % len(DEADLINES)], "Báo cáo" if i % 4 == 0 else "Tờ trình", ""])
    return out


def as_csv(rows: list[list[str]]) -> bytes:
    def quoted(cell: str) -> str:
        return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ';"\n') else cell
    return "\n".join(";".join(quoted(c) for c in row) for row in rows).encode() + b"\n"


def as_xlsx(rows: list[list[str]]) -> bytes:
    """A workbook as Excel writes one: shared strings, a date format, deadlines of days as serials."""
    strings: dict[str, int] = {}
    def s(text: str) -> int:
        return strings.setdefault(text, len(strings))
    def col(c: int) -> str:
        return chr(ord("A") + c)
    sheet = io.StringIO()
    sheet.write('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                'spreadsheetml/2006/main"><sheetData>')
    for r, row in enumerate(rows, start=1):
        sheet.write(f'<row r="{r}">')
        for c, text in enumerate(row):
            if not text:
                continue
            if c == 4 and r > 1 and r % 7 == 0:
                sheet.write(f'<c r="{col(c)}{r}" s="1"><v>{46400 + r % 300}</v></c>')  # a day of 2027
            else:
                sheet.write(f'<c r="{col(c)}{r}" t="s"><v>{s(text)}</v></c>')
        sheet.write("</row>")
    sheet.write("</sheetData></worksheet>")
    from xml.sax.saxutils import escape
    sst = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           + "".join(f"<si><t>{escape(t)}</t></si>" for t in strings) + "</sst>")
    main = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships"><Relationship Id="rId1" Type="{main}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
                   f'spreadsheetml/2006/main" xmlns:r="{main}"><sheets><sheet name="Chương trình" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                   f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{main}/worksheet" Target="worksheets/sheet1.xml"/>'
                   f'<Relationship Id="rId2" Type="{main}/sharedStrings" Target="sharedStrings.xml"/>'
                   f'<Relationship Id="rId3" Type="{main}/styles" Target="styles.xml"/></Relationships>')
        z.writestr("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/'
                   'spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
        z.writestr("xl/worksheets/sheet1.xml", sheet.getvalue())
        z.writestr("xl/sharedStrings.xml", sst)
    return buf.getvalue()


class Server:
    def __init__(self, db: str, port: int) -> None:
        self.port = port
        self.log = open(os.path.join(OUT, "server.log"), "w")
        self.proc = subprocess.Popen([BIN, "--db", db, "serve", "--listen", f"127.0.0.1:{port}", "--workers", "2"],
                                     stdout=self.log, stderr=self.log)
        for _ in range(200):
            try:
                self.call("GET", "/api/v1/health")
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the server did not start")

    def call(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        data = r.read()
        conn.close()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, data

    def memory(self, field: str) -> int:
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
        raise RuntimeError(field)

    def cpu_seconds(self) -> float:
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10000)
    ap.add_argument("--large", type=int, default=99999)
    ap.add_argument("--db", default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--port", type=int, default=18951)
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    db = args.db or os.path.join(OUT, "imports.db")
    if not args.db and os.path.exists(db):
        os.remove(db)
    def cli(*a: str, stdin: str | None = None) -> str:
        return subprocess.run([BIN, "--db", db, *a], input=stdin, capture_output=True, text=True, check=True).stdout.strip()
    cli("migrate")
    suffix = str(int(time.time()))
    province = cli("org", "add", "--kind", "committee", "--code", "UB" + suffix, "--name", "UBND tỉnh")
    agency = cli("org", "add", "--kind", "department", "--code", "S" + suffix, "--name", "Sở Giao thông vận tải",
                 "--parent", province)
    for code, name in UNITS:
        cli("org", "add", "--kind", "division", "--code", code, "--name", name, "--parent", agency)
    user = "bench.khtc" + suffix
    cli("user", "add", "--username", user, "--role", "consolidator", "--org", agency, "--name", "Trần Thị Hoa",
        "--position", "Chuyên viên", "--password-stdin", stdin=PASSWORD + "\n")
    server = Server(db, args.port)
    try:
        status, headers, body = server.call("POST", "/api/v1/auth/login",
                                            json.dumps({"username": user, "password": PASSWORD}).encode(),
                                            {"Content-Type": "application/json"})
        assert status == 200, body
        cookie = headers["set-cookie"].split(";")[0]
        auth = {"Cookie": cookie, "X-CSRF-Token": json.loads(body)["csrf_token"]}
        def new_source() -> int:
            status, _, body = server.call("POST", "/api/v1/sources", json.dumps(
                {"kind": "key_program", "title": "Chương trình công tác năm 2027"}).encode(),
                {**auth, "Content-Type": "application/json"})
            assert status == 201, body
            return json.loads(body)["id"]

        # Each program goes to a source of its own, as an agency's programs do: an import reads the
        # tasks its source has already.
        source = new_source()

        def upload(data: bytes, kind: str) -> tuple[float, dict]:
            ctype = "text/csv" if kind == "csv" else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            start = time.perf_counter()
            status, _, body = server.call("POST", f"/api/v1/sources/{source}/imports?file_name=p.{kind}", data,
                                          {**auth, "Content-Type": ctype})
            took = time.perf_counter() - start
            assert status == 201, body[:300]
            return took, json.loads(body)

        # Warm up the server on a small file, then measure its memory before the large one.
        upload(as_csv(program_rows(200, "warm")), "csv")
        # The server's resident memory read every few milliseconds while it takes the large file:
        # its peak over the request, against what it held before.
        rss_before = server.memory("VmRSS")
        large = as_xlsx(program_rows(args.large, "large"))
        peak = [rss_before]
        done = threading.Event()
        def watch() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], server.memory("VmRSS"))
                time.sleep(0.002)
        watcher = threading.Thread(target=watch)
        watcher.start()
        took, preview = upload(large, "xlsx")
        done.set()
        watcher.join()
        print(f"{args.large:,} rows XLSX ({len(large) / 1024 / 1024:.1f} MiB, {preview['counts']['tasks']:,} tasks): "
              f"upload and preview {took:.2f} s; RSS before {rss_before / 2**20:.0f} MiB, peak during "
              f"{peak[0] / 2**20:.0f} MiB: {(peak[0] - rss_before) / 2**20:.0f} MiB more")
        results, firsts = {}, {}
        for kind in ("csv", "xlsx"):
            previews, reads, confirms, confirm_cpu = [], [], [], []
            for run in range(args.repeat):
                rows = program_rows(args.rows, f"{kind}{run}")
                data = as_csv(rows) if kind == "csv" else as_xlsx(rows)
                source = new_source()
                took, preview = upload(data, kind)
                assert preview["counts"]["with_errors"] == 0, preview["rows"]["items"][:3]
                previews.append(took)
                start = time.perf_counter()
                status, _, body = server.call("GET", f"/api/v1/imports/{preview['import']['id']}?page=2", None, auth)
                reads.append(time.perf_counter() - start)
                assert status == 200
                start, cpu = time.perf_counter(), server.cpu_seconds()
                status, _, body = server.call("POST", f"/api/v1/imports/{preview['import']['id']}/confirm", None,
                                              {**auth, "If-Match": f'"{preview["import"]["version"]}"'})
                confirms.append(time.perf_counter() - start)
                confirm_cpu.append(server.cpu_seconds() - cpu)
                assert status == 200, body[:300]
                tasks = len(json.loads(body)["task_ids"])
            firsts[kind] = confirms[0]
            results[kind] = (len(data), tasks, statistics.median(previews), statistics.median(reads),
                             statistics.median(confirms), statistics.median(confirm_cpu))
        for kind, (size, tasks, preview, read, confirm, cpu) in results.items():
            print(f"{args.rows:,} rows {kind.upper()} ({size / 1024:.0f} KiB, {tasks:,} tasks): upload and preview "
                  f"{preview * 1000:.0f} ms, preview again {read * 1000:.0f} ms, confirm {confirm * 1000:.0f} ms "
                  f"(server CPU {cpu * 1000:.0f} ms; first confirm of the run {firsts[kind] * 1000:.0f} ms)")

    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
