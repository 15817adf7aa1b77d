#!/usr/bin/env bash
# The computed path: every request with the response cache off (`--response-cache-mb 0`), as after
# any write in the installation. One server, one run, each request type against GET /health measured
# in the same run (before and after the others), wrk with 2 threads and 32 connections:
#   - GET /tasks/{id}, a random task of the agency with every request;
#   - the agency's open tasks by deadline, 50 with the total;
#   - one unit's tasks of one assignee, newest first, 50 with the total;
#   - creating a task, reporting progress, completing a task (each completion a task of its own);
# then each read alone (curl, median of 20), the statistics for a year, and the server's peak RSS.
#
#   bench/computed_bench.sh [DB-URL-or-file]     (default: a fresh SQLite file under bench/out)
#
# Loads BENCH_TASKS (default 100,000) demo tasks in BENCH_ORGS (50) units when the database is empty;
# with BENCH_AGENCIES (default 1) agencies under one province sharing them, and BENCH_YEARS (1) of
# history. With several agencies, the requests are those of the first agency's director, and the
# statistics and open tasks are also read alone as the province's leader sees them.
# Only one load test should run on a machine at a time: wrap it in `flock /tmp/giaoban-bench.lock`.
# Everything stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${GIAOBAN_BIN:-build/src/giaoban}
out=${BENCH_OUT:-bench/out/computed-path}
mkdir -p "$out"
db=${1:-$out/bench.db}
tasks=${BENCH_TASKS:-100000}
orgs=${BENCH_ORGS:-50}
agencies=${BENCH_AGENCIES:-1}
years=${BENCH_YEARS:-1}
port=${BENCH_PORT:-18933}
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-32}
# Each completion needs an open task of its own: a run that runs out shows non-2xx answers. The
# completions run for a shorter time so that a fresh 100,000-task database (about 26,000 open
# tasks) has enough.
completions=${BENCH_COMPLETIONS:-15000}
complete_duration=${BENCH_COMPLETE_DURATION:-5s}
export BENCH_THREADS=2
export BENCH_LUA=$PWD/bench/lua
base="http://127.0.0.1:$port"

users=$("$bin" --db "$db" user list 2>/dev/null || true)
if ! grep -q bench.leader <<<"$users"; then
  if ! grep -q . <<<"$users"; then
    echo "loading $tasks tasks in $orgs organisations into $db ..."
    /usr/bin/time -f "load: %e s, peak RSS %M KB" "$bin" --db "$db" demo --tasks "$tasks" \
      --organizations "$orgs" --agencies "$agencies" --years "$years" 2>&1 | tee "$out/load.txt"
  fi
  agency=$(grep -o 'agency [0-9]*' "$out/load.txt" | awk '{print $2}')
  echo "bench-password-1" | "$bin" --db "$db" user add --username bench.leader --role leader \
    --org "$agency" --name "Lãnh đạo Đo Tải" --position "Giám đốc" --password-stdin >/dev/null
  province=$(grep -o 'province [0-9]*' "$out/load.txt" | awk '{print $2}' || true)
  if [[ -n $province ]]; then
    echo "bench-password-1" | "$bin" --db "$db" user add --username bench.province --role leader \
      --org "$province" --name "Lãnh đạo Tỉnh Đo Tải" --position "Phó Chủ tịch" \
      --password-stdin >/dev/null
  fi
fi

server=
trap 'kill $server 2>/dev/null || true' EXIT
"$bin" --db "$db" serve --listen "127.0.0.1:$port" --workers 4 --response-cache-mb 0 \
  2>"$out/server.log" &
server=$!
for _ in $(seq 100); do curl -sf "$base/api/v1/health" >/dev/null && break; sleep 0.05; done
# Steady state, not the background refresh of the status snapshot after a start.
for _ in $(seq 600); do grep -q "status snapshot" "$out/server.log" && break; sleep 0.1; done

jar=$out/cookies.txt
BENCH_CSRF=$(curl -sf -c "$jar" -H 'Content-Type: application/json' \
  -d '{"username": "bench.leader", "password": "bench-password-1"}' "$base/api/v1/auth/login" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
BENCH_SESSION=$(awk '$6 == "gb_session" {print $7}' "$jar")
export BENCH_CSRF BENCH_SESSION
province_session=
if curl -sf -c "$out/province-cookies.txt" -H 'Content-Type: application/json' \
  -d '{"username": "bench.province", "password": "bench-password-1"}' \
  "$base/api/v1/auth/login" >/dev/null; then
  province_session=$(awk '$6 == "gb_session" {print $7}' "$out/province-cookies.txt")
fi

# What the runs need, read before any of them: task ids spread over the whole agency, a unit with
# one of its assignees, open tasks for the progress reports and for the completions.
python3 - "$base" "$out" "$completions" <<'PY'
import json, os, random, sys, urllib.request
base, out, completions = sys.argv[1], sys.argv[2], int(sys.argv[3])
headers = {"Cookie": "gb_session=" + os.environ["BENCH_SESSION"]}
def get(path):
    return json.load(urllib.request.urlopen(urllib.request.Request(base + path, headers=headers)))
def ids(query, count, pages=None):
    first = get(f"/api/v1/tasks?{query}&page_size=200")
    found, last = [t["id"] for t in first["items"]], max(1, (first["total"] + 199) // 200)
    numbers = sorted(random.sample(range(2, last + 1), min(pages, last - 1))) if pages else range(2, last + 1)
    for page in numbers:
        if len(found) >= count:
            break
        found += [t["id"] for t in get(f"/api/v1/tasks?{query}&page_size=200&page={page}")["items"]]
    return found[:count]
random.seed(9)
with open(f"{out}/read-ids.txt", "w") as f:
    f.write("\n".join(map(str, ids("sort=id", 4000, pages=20))) + "\n")
open_ids = ids("status=in_progress,overdue&sort=id", 1000 + completions)
with open(f"{out}/progress-ids.txt", "w") as f:
    f.write("\n".join(map(str, open_ids[:1000])) + "\n")
with open(f"{out}/complete-ids.txt", "w") as f:
    f.write("\n".join(map(str, open_ids[1000:])) + "\n")
task = get(f"/api/v1/tasks/{open_ids[0]}")
person = (task.get("assignees") or [{}])[0].get("id")
with open(f"{out}/env.sh", "w") as f:
    f.write(f"lead_org={task['lead_org']['id']}\nassignee={person}\nsource={task['source']['id']}\n")
PY
# shellcheck disable=SC1091
source "$out/env.sh"
export BENCH_SOURCE=$source BENCH_LEAD_ORG=$lead_org
BENCH_DEADLINE=$(date -u -d "+90 days" +%Y-%m-%d)
export BENCH_DEADLINE
if (($(wc -l <"$out/complete-ids.txt") < completions)); then
  echo "fewer than $completions open tasks to complete: lower BENCH_COMPLETIONS" >&2
  exit 1
fi

open_list="/api/v1/tasks?status=in_progress,overdue&sort=deadline&page_size=50"
unit_list="/api/v1/tasks?lead_org=$lead_org&assignee=$assignee&sort=-id&page_size=50"

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '/ 99%/ {print $2}' "$1"; }
failed() { awk -F': ' '/non-2xx or socket errors/ {print $2}' "$1"; }
settle() { sleep "${BENCH_SETTLE:-2}"; }
measure() {  # name, lua script, extra environment for it
  local name=$1 script=$2
  shift 2
  echo "== $name"
  env "$@" wrk -t"$BENCH_THREADS" -c"$connections" -d"${run_duration:-$duration}" --timeout 10s \
    --latency \
    -s "bench/lua/$script" "$base" | tee "$out/wrk-$name.txt"
  settle
}

measure health-1 get.lua BENCH_PATH=/api/v1/health
measure task get_task.lua BENCH_IDS="$out/read-ids.txt"
measure open-by-deadline get.lua BENCH_PATH="$open_list"
measure unit-assignee get.lua BENCH_PATH="$unit_list"
measure create post_create.lua
measure progress post_progress.lua BENCH_IDS="$out/progress-ids.txt"
run_duration=$complete_duration measure complete post_complete.lua BENCH_IDS="$out/complete-ids.txt"
measure health-2 get.lua BENCH_PATH=/api/v1/health

alone() {  # path [session]: median of 20 sequential requests, in ms
  for _ in $(seq 20); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: gb_session=${2:-$BENCH_SESSION}" "$base$1"
  done | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]*1000}'
}
task_id=$(head -1 "$out/read-ids.txt")
year=$(date -u +%Y)
{
  echo "alone (median of 20): task $(alone "/api/v1/tasks/$task_id") ms," \
    "open by deadline $(alone "$open_list") ms, unit+assignee $(alone "$unit_list") ms," \
    "stats of the year $(alone "/api/v1/stats?period=$year") ms"
  if [[ -n $province_session ]]; then
    echo "alone, as the province's leader: stats of the year" \
      "$(alone "/api/v1/stats?period=$year" "$province_session") ms, open by deadline" \
      "$(alone "$open_list" "$province_session") ms"
  fi
  grep -E 'VmHWM' "/proc/$server/status"
} | tee "$out/alone.txt"

echo "######## summary ($(date -u +%Y-%m-%dT%H:%MZ), $db, $connections connections, $duration)"
health=$(python3 -c "print(($(rps "$out/wrk-health-1.txt") + $(rps "$out/wrk-health-2.txt")) / 2)")
printf '%-17s %10s %8s %10s %8s\n' request req/s ratio p99 non-2xx
printf '%-17s %10.0f %8s %10s %8s\n' "health (mean)" "$health" 1 "$(p99 "$out/wrk-health-1.txt")" \
  "$(($(failed "$out/wrk-health-1.txt") + $(failed "$out/wrk-health-2.txt")))"
invalid=0
for name in task open-by-deadline unit-assignee create progress complete; do
  r=$(rps "$out/wrk-$name.txt")
  bad=$(failed "$out/wrk-$name.txt")
  printf '%-17s %10s %8s %10s %8s\n' "$name" "$r" "$(python3 -c "print(f'{$r / $health:.3f}')")" \
    "$(p99 "$out/wrk-$name.txt")" "$bad"
  ((bad == 0)) || invalid=1
done
# A run that got errors (completions that ran out of open tasks, a server that refused) measured
# something else than its name says: its figures must not be recorded.
if ((invalid)); then
  echo "some requests were not answered with 2xx: these figures are not valid" >&2
  exit 1
fi
