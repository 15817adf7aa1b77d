#!/usr/bin/env bash
# Browser benchmark of the web interface on the 100,000-task database that bench/http_bench.sh
# loads: cold first load of the dashboard, JavaScript and CSS transferred for it, and the time from
# a task-list filter change to the new rows on screen. Debian's Chromium, driven by playwright-core;
# the script serves a copy of the database with the built web/dist (see web/e2e/bench.mjs).
#
#   bench/web_bench.sh [DB-file]     (default: bench/out/bench.db)
set -euo pipefail
cd "$(dirname "$0")/.."

db=$(realpath "${1:-bench/out/bench.db}")
export GIAOBAN_BIN=${GIAOBAN_BIN:-$PWD/build/src/giaoban}
cd web
BENCH_DB=$db BENCH_USER=${BENCH_USER:-bench.leader} BENCH_PASSWORD=${BENCH_PASSWORD:-bench-password-1} \
  node e2e/bench.mjs
