#!/usr/bin/env bash
# An issued report's documents as the server hands them out: stored bytes, so a download should cost
# little more than the trivial endpoint. Issues last month's consolidated report (timed, once) on the
# benchmark data, then runs wrk against GET /api/v1/health and against the issued PDF, Word file and
# workbook, one after the other on the same server (2 threads, 64 connections, BENCH_DURATION each),
# and prints each download's requests per second as a ratio of the trivial endpoint's.
#
#   bench/issued_bench.sh [DB-URL-or-file]     (default: the SQLite file of bench/report_bench.sh)
#
# Loads BENCH_TASKS (default 100,000) demo tasks in BENCH_ORGS (50) units when the database is empty.
# Only one benchmark should run on a machine at a time: wrap it in `flock /tmp/giaoban-bench.lock`.
# Everything stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${GIAOBAN_BIN:-build/src/giaoban}
out=${BENCH_OUT:-bench/out/issued}
mkdir -p "$out"
db=${1:-bench/out/reports/bench.db}
mkdir -p "$(dirname "$db")"
tasks=${BENCH_TASKS:-100000}
orgs=${BENCH_ORGS:-50}
port=${BENCH_PORT:-18935}
duration=${BENCH_DURATION:-10s}
base="http://127.0.0.1:$port"

# The load's summary names the agency; it is kept beside the database (bench/report_bench.sh keeps
# it there too, so the two share a database).
load="$(dirname "$db")/load.txt"
users=$("$bin" --db "$db" user list 2>/dev/null || true)
if ! grep -q . <<<"$users"; then
  echo "loading $tasks tasks in $orgs organisations into $db ..."
  "$bin" --db "$db" demo --tasks "$tasks" --organizations "$orgs" 2>&1 | tee "$load"
fi
agency=$(grep -o 'agency [0-9]*' "$load" | awk '{print $2}')
for account in bench.leader:leader bench.admin:admin; do
  name=${account%%:*}
  if ! grep -q "$name" <<<"$users"; then
    echo "bench-password-1" | "$bin" --db "$db" user add --username "$name" --role "${account##*:}" \
      --org "$agency" --name "Tài khoản đo tải" --position "Chuyên viên" --password-stdin >/dev/null
  fi
done
leader=$("$bin" --db "$db" token create bench.leader --name issued-bench | cut -f2)
admin=$("$bin" --db "$db" token create bench.admin --name issued-bench | cut -f2)

server=
trap 'kill $server 2>/dev/null || true' EXIT
"$bin" --db "$db" serve --listen "127.0.0.1:$port" --workers 4 2>"$out/server.log" &
server=$!
for _ in $(seq 100); do curl -sf "$base/api/v1/health" >/dev/null && break; sleep 0.05; done
for _ in $(seq 600); do grep -q "status snapshot" "$out/server.log" && break; sleep 0.1; done

# The leader signs: the settings name them, then last month's report is issued.
python3 - "$base" "$leader" "$admin" <<'PY' | tee "$out/issue.txt"
import datetime, json, sys, time, urllib.request
base, leader, admin = sys.argv[1:]
def call(token, method, path, body=None, headers=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json",
                                          **(headers or {})})
    with urllib.request.urlopen(req) as r:
        return json.load(r), dict(r.headers)
me, _ = call(leader, "GET", "/api/v1/me")
settings, headers = call(admin, "GET", "/api/v1/report-settings")
body = {k: settings[k] for k in ("period_convention", "due_working_days", "consolidating_org_id", "agency_code",
                                 "place_name", "parent_line", "agency_line", "recipients", "document_types")}
body["signers"] = [{"person_id": me["person_id"], "authority": "", "title": "GIÁM ĐỐC"}]
call(admin, "PUT", "/api/v1/report-settings", body, {"If-Match": headers["ETag"]})
today = datetime.date.today()
last = (today.replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
issued, _ = call(leader, "GET", "/api/v1/reports/issued")
mine = [i for i in issued["items"] if i["period"] == last and not i["replaced_by"]]
t0 = time.monotonic()
report, _ = call(leader, "POST", "/api/v1/reports/issued",
                 {"period": last, "signer_person_id": me["person_id"],
                  "replaces_id": mine[0]["id"] if mine else None})
print(f"issued {report['number_text']} for {last} in {(time.monotonic() - t0) * 1000:.0f} ms "
      f"({report['report']['totals']['cumulative']['total']} tasks, {len(report['report']['overdue'])} overdue listed)")
print(f"ID={report['id']}")
PY
id=$(awk -F= '/^ID=/ {print $2}' "$out/issue.txt")

run() {
  local name=$1 path=$2
  echo "== $name ($path)"
  curl -s -o "$out/$name.bin" -w "%{size_download} bytes\n" -H "Authorization: Bearer $leader" "$base$path"
  wrk -t2 -c64 -d"$duration" --timeout 10s --latency -H "Authorization: Bearer $leader" "$base$path" |
    tee "$out/wrk-$name.txt"
  sleep "${BENCH_SETTLE:-3}"
}
run trivial /api/v1/health
run pdf "/api/v1/reports/issued/$id/pdf"
run docx "/api/v1/reports/issued/$id/docx"
run xlsx "/api/v1/reports/issued/$id/xlsx"

rps() { awk '/Requests\/sec/ {print $2}' "$out/wrk-$1.txt"; }
python3 - "$(rps trivial)" "$(rps pdf)" "$(rps docx)" "$(rps xlsx)" <<'PY'
import sys
trivial, pdf, docx, xlsx = map(float, sys.argv[1:])
print(f"requests/s: trivial {trivial:.0f}, pdf {pdf:.0f}, docx {docx:.0f}, xlsx {xlsx:.0f}")
print(f"ratio to trivial: pdf {pdf / trivial:.2f}, docx {docx / trivial:.2f}, xlsx {xlsx / trivial:.2f}")
PY
