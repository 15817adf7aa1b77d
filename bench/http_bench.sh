#!/usr/bin/env bash
# HTTP benchmark of the issue's speed targets, on SQLite or PostgreSQL:
#   - a filtered, sorted page of 50 tasks (with its total) against a trivial endpoint, both with wrk
#     (2 threads, 64 connections, 10 s) in the same run, with latency percentiles;
#   - statistics over all tasks for a year;
#   - server peak RSS during the run;
#   - time from start to the first served request.
#
#   bench/http_bench.sh [DB-URL-or-file]     (default: a fresh SQLite file under bench/out)
# Loads 100,000 tasks in 50 organisations when the database is empty. Everything stays on 127.0.0.1.
# Writes (creating a task, reporting progress, completing) are measured by bench/post_bench.sh,
# against the binary they are compared with.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${GIAOBAN_BIN:-build/src/giaoban}
out=bench/out
mkdir -p "$out"
db=${1:-$out/bench.db}
tasks=${BENCH_TASKS:-100000}
orgs=${BENCH_ORGS:-50}
port=${BENCH_PORT:-18931}
duration=${BENCH_DURATION:-10s}

# Read the whole list first: grep -q stopping early would fail the pipeline under pipefail.
users=$("$bin" --db "$db" user list 2>/dev/null || true)
if ! grep -q bench.leader <<<"$users"; then
  echo "loading $tasks tasks in $orgs organisations into $db ..."
  /usr/bin/time -f "load: %e s, peak RSS %M KB" "$bin" --db "$db" demo --tasks "$tasks" --organizations "$orgs" | tee "$out/load.txt"
  agency=$(grep -o 'agency [0-9]*' "$out/load.txt" | awk '{print $2}')
  echo "bench-password-1" | "$bin" --db "$db" user add --username bench.leader --role leader \
    --org "$agency" --name "Lãnh đạo Đo Tải" --position "Giám đốc" --password-stdin >/dev/null
fi
token=$("$bin" --db "$db" token create bench.leader --name bench | cut -f2)

# Start to first served request, measured from outside the process.
start_ms=$(python3 - "$bin" "$db" "$port" <<'PY'
import socket, subprocess, sys, time
bin, db, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
t0 = time.monotonic()
p = subprocess.Popen([bin, "--db", db, "serve", "--listen", f"127.0.0.1:{port}"],
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
while True:
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=1)
        s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        if s.recv(64).startswith(b"HTTP/1.1 200"):
            break
    except OSError:
        time.sleep(0.001)
    if time.monotonic() - t0 > 10:
        break
print(f"{(time.monotonic() - t0) * 1000:.1f}")
p.terminate(); p.wait()
PY
)
echo "start to first served request: ${start_ms} ms"

# One server per phase: with the response cache (repeated views of unchanged data, the common case)
# and without it (every request computed: a filter change, or data that changed since).
phase() {
  local name=$1
  shift
  local dir=$out/$name
  mkdir -p "$dir"
  echo "######## $name"
  "$bin" --db "$db" serve --listen "127.0.0.1:$port" --workers 4 "$@" 2>"$dir/server.log" &
  server=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.05; done
  # The server brings the status snapshot up to date in the background after start (after a bulk
  # load, every task): measure steady state, not that one-off.
  for _ in $(seq 600); do grep -q "status snapshot" "$dir/server.log" && break; sleep 0.1; done
  grep "status snapshot" "$dir/server.log" || true

  local auth="Authorization: Bearer $token"
  local lead_org today year from list_path search_path
  lead_org=$(curl -sf -H "$auth" "http://127.0.0.1:$port/api/v1/organizations" |
    python3 -c 'import json,sys; print([o["id"] for o in json.load(sys.stdin)["items"] if o["kind"]=="division"][7])')
  today=$(date -u +%Y-%m-%d)
  list_path="/api/v1/tasks?lead_org=$lead_org&status=in_progress,overdue,completed_late&sort=deadline&page_size=50"
  search_path="/api/v1/tasks?q=ke%20hoach&sort=-assigned_on&page_size=50"

  echo "== trivial endpoint (GET /api/v1/health)"
  wrk -t2 -c64 -d"$duration" --timeout 10s --latency -H "$auth" "http://127.0.0.1:$port/api/v1/health" | tee "$dir/wrk-trivial.txt"
  settle
  echo "== filtered page of 50 ($list_path)"
  wrk -t2 -c64 -d"$duration" --timeout 10s --latency -H "$auth" "http://127.0.0.1:$port$list_path" | tee "$dir/wrk-list.txt"
  settle
  echo "== text search page of 50 ($search_path)"
  wrk -t2 -c64 -d"$duration" --timeout 10s --latency -H "$auth" "http://127.0.0.1:$port$search_path" | tee "$dir/wrk-search.txt"
  settle

  echo "== statistics over all tasks, as of today, for the last 12 months (20 requests)"
  from=$(date -u -d "$today -1 year" +%Y-%m-%d)
  for _ in $(seq 20); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "$auth" \
      "http://127.0.0.1:$port/api/v1/stats?assigned_from=$from&assigned_to=$today"
  done | sort -n | awk '{a[NR]=$1} END {printf "stats: min %.1f ms, median %.1f ms, max %.1f ms\n", a[1]*1000, a[int((NR+1)/2)]*1000, a[NR]*1000}' | tee "$dir/stats.txt"
  curl -s -H "$auth" "http://127.0.0.1:$port/api/v1/stats?assigned_from=$from&assigned_to=$today" |
    python3 -c 'import json,sys; s=json.load(sys.stdin); print("stats total", s["total"], "overdue", s["overdue"])'

  echo "== server memory"
  grep -E 'VmHWM|VmRSS' "/proc/$server/status" | tee "$dir/rss.txt"
  kill "$server"
  wait "$server" 2>/dev/null || true

  python3 - "$(rps "$dir/wrk-trivial.txt")" "$(rps "$dir/wrk-list.txt")" "$(rps "$dir/wrk-search.txt")" <<'PY'
import sys
trivial, listing, search = map(float, sys.argv[1:])
print(f"list/trivial ratio: {listing / trivial:.2f}   search/trivial ratio: {search / trivial:.2f}")
PY
  echo "p99: trivial $(p99 "$dir/wrk-trivial.txt"), list $(p99 "$dir/wrk-list.txt"), search $(p99 "$dir/wrk-search.txt")"
}

# Lets requests still queued from a previous phase (wrk's timeouts) drain before the next one.
settle() { sleep "${BENCH_SETTLE:-3}"; }
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '/ 99%/ {print $2}' "$1"; }
trap 'kill $server 2>/dev/null || true' EXIT
server=
phase cached
phase computed --response-cache-mb 0
