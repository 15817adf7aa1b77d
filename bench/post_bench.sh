#!/usr/bin/env bash
# Write benchmarks over HTTP, on SQLite or PostgreSQL: creating a task, reporting progress and
# completing a task, each with wrk (2 threads, 16 connections, 10 s) and a Lua script that logs in
# once (session cookie and CSRF token) and sends a different body with every request; each
# completion completes a task of its own. Every benchmark runs on the binary to compare with
# (GIAOBAN_BEFORE_BIN) and on this one (GIAOBAN_BIN, default build/src/giaoban), twice each in the
# order before, after, after, before on the same database, so that their ratio holds even on a
# machine busy with other work.
#
#   GIAOBAN_BEFORE_BIN=/tmp/giaoban-before bench/post_bench.sh [DB-URL-or-file]
#
# BENCH_ACTIONS picks some of "create progress complete"; BENCH_COMPLETIONS (default 3,500) is the
# number of open tasks set aside for each completion run: a demo of 60,000 tasks has about 15,700,
# enough for 1,000 progress targets and four runs of 3,500.
#
# Loads BENCH_TASKS (default 60,000) demo tasks when the database is empty. Only one load test should
# run on a machine at a time: wrap it in `flock /tmp/giaoban-bench.lock`. Stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

after_bin=${GIAOBAN_BIN:-build/src/giaoban}
before_bin=${GIAOBAN_BEFORE_BIN:?set GIAOBAN_BEFORE_BIN to the binary to compare with}
out=${BENCH_OUT:-bench/out/post}
mkdir -p "$out"
db=${1:-$out/post.db}
tasks=${BENCH_TASKS:-60000}
orgs=${BENCH_ORGS:-50}
port=${BENCH_PORT:-18932}
duration=${BENCH_DURATION:-10s}
export BENCH_THREADS=2
connections=${BENCH_CONNECTIONS:-16}
base="http://127.0.0.1:$port"
export BENCH_LUA=$PWD/bench/lua

users=$("$after_bin" --db "$db" user list 2>/dev/null || true)
if ! grep -q bench.writer <<<"$users"; then
  if ! grep -q . <<<"$users"; then
    echo "loading $tasks tasks in $orgs organisations into $db ..."
    "$after_bin" --db "$db" demo --tasks "$tasks" --organizations "$orgs" | tee "$out/load.txt"
  fi
  agency=$(grep -o 'agency [0-9]*' "$out/load.txt" | awk '{print $2}')
  echo "bench-password-1" | "$after_bin" --db "$db" user add --username bench.writer --role leader \
    --org "$agency" --name "Lãnh đạo Đo Tải" --position "Giám đốc" --password-stdin >/dev/null
fi

server=
trap 'kill $server 2>/dev/null || true' EXIT

start_server() {  # binary, log file
  "$1" --db "$db" serve --listen "127.0.0.1:$port" --workers 4 2>"$2" &
  server=$!
  for _ in $(seq 100); do curl -sf "$base/api/v1/health" >/dev/null && break; sleep 0.05; done
  # Steady state, not the background refresh of the status snapshot after a start.
  for _ in $(seq 600); do grep -q "status snapshot" "$2" && break; sleep 0.1; done
}

stop_server() {
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=
}

login() {  # sets BENCH_SESSION and BENCH_CSRF
  local jar=$out/cookies.txt
  BENCH_CSRF=$(curl -sf -c "$jar" -H 'Content-Type: application/json' \
    -d '{"username": "bench.writer", "password": "bench-password-1"}' "$base/api/v1/auth/login" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
  BENCH_SESSION=$(awk '$6 == "gb_session" {print $7}' "$jar")
  export BENCH_CSRF BENCH_SESSION
}

# The ids of open tasks, `count` of them from `skip` on, in id order.
open_tasks() {  # skip count
  python3 - "$base" "$1" "$2" <<'PY'
import json, os, sys, urllib.request
base, skip, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ids, page = [], 1 + skip // 200
headers = {"Cookie": "gb_session=" + os.environ["BENCH_SESSION"]}
while len(ids) < count:
    url = f"{base}/api/v1/tasks?status=in_progress,overdue&sort=id&page_size=200&page={page}"
    items = json.load(urllib.request.urlopen(urllib.request.Request(url, headers=headers)))["items"]
    if not items:
        break
    ids += [t["id"] for t in items]
    page += 1
print("\n".join(str(i) for i in ids[skip % 200:][:count]))
PY
}

# Ids are taken from the open tasks before any run: the progress reports go to the first 1,000,
# each binary completes tasks of its own further on.
start_server "$after_bin" "$out/setup.log"
login
export BENCH_SOURCE BENCH_LEAD_ORG BENCH_DEADLINE
BENCH_SOURCE=$(curl -sf -H "Cookie: gb_session=$BENCH_SESSION" "$base/api/v1/sources" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
BENCH_LEAD_ORG=$(curl -sf -H "Cookie: gb_session=$BENCH_SESSION" "$base/api/v1/organizations" |
  python3 -c 'import json,sys; print([o["id"] for o in json.load(sys.stdin)["items"] if o["kind"]=="division"][0])')
BENCH_DEADLINE=$(date -u -d "+90 days" +%Y-%m-%d)
# Each completion run needs a task per request: a run that runs out shows non-2xx answers.
completions=${BENCH_COMPLETIONS:-3500}
read -ra actions <<<"${BENCH_ACTIONS:-create progress complete}"
rounds=(before-1 after-1 after-2 before-2)
open_tasks 0 1000 >"$out/progress-ids.txt"
skip=1000
for round in "${rounds[@]}"; do
  open_tasks "$skip" "$completions" >"$out/complete-$round-ids.txt"
  skip=$((skip + completions))
done
stop_server
wc -l "$out"/*-ids.txt
for round in "${rounds[@]}"; do
  if (($(wc -l <"$out/complete-$round-ids.txt") < completions)); then
    echo "not enough open tasks for $completions completions per run: lower BENCH_COMPLETIONS" >&2
    exit 1
  fi
done

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '/ 99%/ {print $2}' "$1"; }

run() {  # action, round (before-1, after-1, ...), binary
  local action=$1 which=$2 bin=$3
  local result=$out/wrk-$action-$which.txt
  echo "######## $action, $which ($bin)"
  start_server "$bin" "$out/server-$action-$which.log"
  login
  case $action in
    progress) export BENCH_IDS=$out/progress-ids.txt ;;
    complete) export BENCH_IDS=$out/complete-$which-ids.txt ;;
  esac
  wrk -t"$BENCH_THREADS" -c"$connections" -d"$duration" --timeout 10s --latency \
    -s "bench/lua/post_$action.lua" "$base" | tee "$result"
  stop_server
  sleep "${BENCH_SETTLE:-2}"
}

for action in "${actions[@]}"; do
  for round in "${rounds[@]}"; do
    if [[ $round == before-* ]]; then run "$action" "$round" "$before_bin"; else run "$action" "$round" "$after_bin"; fi
  done
done

echo "######## summary ($(date -u +%Y-%m-%dT%H:%MZ), $db): requests per second, p99"
printf '%-9s %9s %9s %9s %9s %7s %10s %10s\n' action before-1 after-1 after-2 before-2 ratio \
  before_p99 after_p99
for action in "${actions[@]}"; do
  f() { echo "$out/wrk-$action-$1.txt"; }
  b1=$(rps "$(f before-1)") a1=$(rps "$(f after-1)") a2=$(rps "$(f after-2)") b2=$(rps "$(f before-2)")
  printf '%-9s %9s %9s %9s %9s %7s %10s %10s\n' "$action" "$b1" "$a1" "$a2" "$b2" \
    "$(python3 -c "print(f'{($a1 + $a2) / ($b1 + $b2):.2f}')")" "$(p99 "$(f before-1)")" \
    "$(p99 "$(f after-1)")"
done
