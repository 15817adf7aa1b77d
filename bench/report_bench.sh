#!/usr/bin/env bash
# The reports' read path on the benchmark data: the consolidated report as it stands for the last
# full month, a quarter and the year, each built from scratch (`--response-cache-mb 0`), one request
# at a time (curl, median of 20, against GET /health the same way), as the leader of the agency; with
# each, the server's CPU time per request.
#
#   bench/report_bench.sh [DB-URL-or-file]     (default: a fresh SQLite file under bench/out)
#
# Loads BENCH_TASKS (default 100,000) demo tasks in BENCH_ORGS (50) units when the database is empty,
# as bench/computed_bench.sh does, so the two may share a database. Only one benchmark should run on
# a machine at a time: wrap it in `flock /tmp/giaoban-bench.lock`. Everything stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${GIAOBAN_BIN:-build/src/giaoban}
out=${BENCH_OUT:-bench/out/reports}
mkdir -p "$out"
db=${1:-$out/bench.db}
tasks=${BENCH_TASKS:-100000}
orgs=${BENCH_ORGS:-50}
port=${BENCH_PORT:-18934}
base="http://127.0.0.1:$port"

users=$("$bin" --db "$db" user list 2>/dev/null || true)
if ! grep -q bench.leader <<<"$users"; then
  if ! grep -q . <<<"$users"; then
    echo "loading $tasks tasks in $orgs organisations into $db ..."
    "$bin" --db "$db" demo --tasks "$tasks" --organizations "$orgs" 2>&1 | tee "$out/load.txt"
  fi
  agency=$(grep -o 'agency [0-9]*' "$out/load.txt" | awk '{print $2}')
  echo "bench-password-1" | "$bin" --db "$db" user add --username bench.leader --role leader \
    --org "$agency" --name "Lãnh đạo Đo Tải" --position "Giám đốc" --password-stdin >/dev/null
fi

server=
trap 'kill $server 2>/dev/null || true' EXIT
"$bin" --db "$db" serve --listen "127.0.0.1:$port" --workers 4 --response-cache-mb 0 \
  2>"$out/server.log" &
server=$!
for _ in $(seq 100); do curl -sf "$base/api/v1/health" >/dev/null && break; sleep 0.05; done
for _ in $(seq 600); do grep -q "status snapshot" "$out/server.log" && break; sleep 0.1; done

jar=$out/cookies.txt
curl -sf -c "$jar" -H 'Content-Type: application/json' \
  -d '{"username": "bench.leader", "password": "bench-password-1"}' "$base/api/v1/auth/login" \
  >/dev/null
session=$(awk '$6 == "gb_session" {print $7}' "$jar")

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
# path: the median wall time of 20 sequential requests and the server's CPU time per request (user
# and system, from /proc, which a busy machine disturbs far less), in ms; fails on an answer that
# is not 200.
alone() {
  local before after wall
  before=$(cpu_ticks)
  wall=$(for _ in $(seq 20); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: gb_session=$session" "$base$1"
  done | awk '$1 != 200 {bad = 1} {print $2} END {exit bad}' | sort -n |
    awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]*1000}')
  after=$(cpu_ticks)
  echo "$wall (cpu $(( (after - before) * 1000 / $(getconf CLK_TCK) / 20 )))"
}
month=$(date -u -d "$(date -u +%Y-%m-15) -1 month" +%Y-%m)
quarter="$(date -u +%Y)-Q$(( ($(date -u +%-m) - 1) / 3 + 1 ))"
year=$(date -u +%Y)
curl -sf -H "Cookie: gb_session=$session" "$base/api/v1/reports/preview?period=$month" |
  python3 -c '
import json, sys
raw = sys.stdin.buffer.read()
r = json.loads(raw)
t = r["totals"]
print("%s: %d tasks in scope, due %s, %d overdue listed, %d units, %d KB" % (
    r["period"], t["cumulative"]["total"], t["due_completed_ratio"], len(r["overdue"]),
    len(r["by_unit"]), len(raw) // 1024))
' | tee "$out/shape.txt"
echo "health $(alone /api/v1/health) ms; preview (median of 20): month $month" \
  "$(alone "/api/v1/reports/preview?period=$month") ms, quarter $quarter" \
  "$(alone "/api/v1/reports/preview?period=$quarter") ms, year $year" \
  "$(alone "/api/v1/reports/preview?period=$year") ms" | tee "$out/preview.txt"
