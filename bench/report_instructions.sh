#!/usr/bin/env bash
# Instructions the server executes per consolidated report preview, counted by callgrind: unlike
# time, the count does not move with what else the machine is doing, so two builds compare on a
# busy two-core machine. The server runs under valgrind with counting off; after one warm-up
# request, counting is switched on for N previews of PERIOD (response cache off).
#
#   bench/report_instructions.sh DB PERIOD [N]     e.g. a copy of bench/out/reports/bench.db 2026-10
#
# DB must hold the benchmark data and its bench.leader (bench/report_bench.sh loads both). Only
# one benchmark should run on a machine at a time: wrap it in `flock /tmp/giaoban-bench.lock`.
# Everything stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${GIAOBAN_BIN:-build/src/giaoban}
db=$1
period=$2
n=${3:-3}
port=${BENCH_PORT:-18936}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
server=
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/callgrind.%p" \
  "$bin" --db "$db" serve --listen "127.0.0.1:$port" --workers 1 --response-cache-mb 0 \
  2>"$work/server.log" &
server=$!
for _ in $(seq 600); do curl -sf "$base/api/v1/health" >/dev/null && break; sleep 0.2; done
curl -sf -c "$work/jar" -H 'Content-Type: application/json' \
  -d '{"username": "bench.leader", "password": "bench-password-1"}' "$base/api/v1/auth/login" \
  >/dev/null
preview() { curl -sf -b "$work/jar" -o /dev/null "$base/api/v1/reports/preview?period=$period"; }

preview
callgrind_control --instr=on "$server" >/dev/null 2>&1
for _ in $(seq "$n"); do preview; done
callgrind_control --dump "$server" >/dev/null 2>&1
total=$(for f in "$work"/callgrind.*; do
  callgrind_annotate "$f" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}'
done | sort -n | tail -1)
echo "$bin $period: $((total / n / 1000000)) M instructions per preview"
