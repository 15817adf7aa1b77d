#!/usr/bin/env python3
"""Counts the SQL statements each single-task action runs inside its transaction, over HTTP on
SQLite, for any giaoban binary (GIAOBAN_BIN): the server logs every statement when
GIAOBAN_SLOW_SQL_MS=0, and those between a request's BEGIN and its COMMIT are the action's.

    GIAOBAN_BIN=/tmp/giaoban-before python3 bench/write_statements.py

The task acted on has cooperating units, assignees, a subtask, progress reports with
attachments, an extension and an explanation by the time each action runs, as in
src/service/tasks/write_path_test.cc."""
import base64
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "api"))
os.environ["GIAOBAN_SLOW_SQL_MS"] = "0"
os.environ["GIAOBAN_TEST_DB"] = "sqlite"

from harness import Agency, Client, Database, Server  # noqa: E402


def statements_in_transaction(lines):
    """The statements between the last BEGIN and COMMIT in `lines`, those two left out."""
    inside, count = False, 0
    for line in lines:
        sql = line.split("): ", 1)[-1].strip()
        if sql.startswith("BEGIN"):
            inside, count = True, 0
        elif sql in ("COMMIT", "ROLLBACK"):
            inside = False
        elif inside:
            count += 1
    return count


def main():
    db = Database()
    agency = Agency(db)
    server = Server(db)
    try:
        def client(role):
            c = Client(server)
            assert c.login(agency.usernames[role]).status == 200
            return c

        director, head = client("director"), client("infra_head")
        specialist = client("infra_specialist")
        source = director.post("/api/v1/sources", {"kind": "key_program", "title": "Chương trình",
                                                    "doc_number": "12/QĐ"}).json["id"]
        task = {"source_id": source, "title": "Nâng cấp quốc lộ 24B", "lead_org_id": agency.infra,
                "cooperator_ids": [agency.transport, agency.planning],
                "assignee_ids": [specialist_person(director, agency)],
                "deadline": time.strftime("%Y-%m-%d", time.gmtime(time.time() + 30 * 86400))}
        counts = {}

        def measure(name, do):
            time.sleep(0.3)  # the server's earlier log lines drained
            start = len(server.log)
            r = do()
            assert r.status in (200, 201), (name, r.status, r.body[:300])
            time.sleep(0.3)
            counts[name] = statements_in_transaction(
                [line for line in server.log[start:] if "slow sql" in line])
            return r.json

        created = measure("create", lambda: director.post("/api/v1/tasks", task))
        tid = created["id"]
        director.post("/api/v1/tasks", dict(task, title="Giải phóng mặt bằng", parent_id=tid))
        measure("edit", lambda: director.patch(f"/api/v1/tasks/{tid}", {"title": "Nâng cấp QL24B"},
                                                version=created["version"]))
        files = [{"file_name": n, "content_type": "text/plain",
                  "content_base64": base64.b64encode(t.encode()).decode()}
                 for n, t in (("bien-ban.txt", "Biên bản"), ("ghi-chu.txt", "Ghi chú"))]
        measure("progress (2 attachments)", lambda: specialist.post(
            f"/api/v1/tasks/{tid}/updates", {"body": "Đã khảo sát", "percent": 40, "attachments": files}))
        measure("progress", lambda: specialist.post(f"/api/v1/tasks/{tid}/updates",
                                                    {"body": "Tiếp tục", "percent": 50}))
        ext = measure("request extension", lambda: head.post(
            f"/api/v1/tasks/{tid}/extensions",
            {"requested_deadline": time.strftime("%Y-%m-%d", time.gmtime(time.time() + 60 * 86400)),
             "reason": "Chờ vốn"}))
        ext_id = ext["extensions"][-1]["id"]
        measure("decide extension", lambda: director.post(
            f"/api/v1/tasks/{tid}/extensions/{ext_id}/decision", {"decision": "approved"}))
        asked = measure("request explanation", lambda: director.post(
            f"/api/v1/tasks/{tid}/explanations", {"question": "Vì sao chậm?"}))
        xid = asked["explanations"][-1]["id"]
        measure("answer explanation", lambda: head.post(
            f"/api/v1/tasks/{tid}/explanations/{xid}/answer", {"answer": "Do thời tiết"}))
        measure("complete", lambda: director.post(f"/api/v1/tasks/{tid}/complete", {}))
        other = director.post("/api/v1/tasks", task).json["id"]
        measure("cancel", lambda: director.post(f"/api/v1/tasks/{other}/cancel",
                                                {"kind": "withdrawn", "reason": "Không còn phù hợp"}))
        for name, n in counts.items():
            print(f"{name:28} {n:3}")
    finally:
        server.stop()
        db.drop()


def specialist_person(director, agency):
    """The person id of the infrastructure specialist, from the people list."""
    people = director.get(f"/api/v1/people?organization_id={agency.infra}").json["items"]
    return next(p["id"] for p in people if p["full_name"] == "Võ Thị Lan")


if __name__ == "__main__":
    main()
