#!/usr/bin/env bash
# Single-request latency of task lists, computed (response cache off): each URL requested 25 times
# in a row with curl, the median printed. Uses the database bench/http_bench.sh loads.
#
#   bench/list_latency.sh [DB-URL-or-file]     (default: bench/out/bench.db)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${GIAOBAN_BIN:-build/src/giaoban}
db=${1:-bench/out/bench.db}
port=${BENCH_PORT:-18934}
runs=${BENCH_RUNS:-25}

"$bin" --db "$db" serve --listen "127.0.0.1:$port" --response-cache-mb 0 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.05; done
token=$("$bin" --db "$db" token create bench.leader --name latency | cut -f2)
auth="Authorization: Bearer $token"
lead_org=$(curl -sf -H "$auth" "http://127.0.0.1:$port/api/v1/organizations" |
  python3 -c 'import json,sys; print([o["id"] for o in json.load(sys.stdin)["items"] if o["kind"]=="division"][7])')

for path in \
  "tasks?lead_org=$lead_org&status=in_progress,overdue,completed_late&sort=deadline&page_size=50" \
  "tasks?q=duong&page_size=50" \
  "tasks?q=ke%20hoach&sort=-assigned_on&page_size=50" \
  "tasks?q=kiem%20tra&status=overdue,in_progress&page_size=50" \
  "tasks?status=overdue&page_size=50" \
  "tasks?page_size=50"; do
  for _ in $(seq "$runs"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "$auth" "http://127.0.0.1:$port/api/v1/$path"
  done | sort -n | awk -v p="$path" '{a[NR]=$1} END {printf "%7.1f ms  %s\n", a[int((NR+1)/2)]*1000, p}'
done
