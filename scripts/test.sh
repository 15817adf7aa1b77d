#!/usr/bin/env bash
# Runs every test: unit tests, the storage and service contract suites on SQLite and on a throwaway
# PostgreSQL 15 cluster, and the API suite against the real binary on both databases.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --test
bash scripts/build.sh

pg_dir=$(mktemp -d /tmp/giaoban-pg.XXXXXX)
cleanup() { bash scripts/pg-test-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap cleanup EXIT
GIAOBAN_TEST_PG_URL=$(bash scripts/pg-test-cluster.sh start "$pg_dir")
export GIAOBAN_TEST_PG_URL
echo "test PostgreSQL: $GIAOBAN_TEST_PG_URL"

cd build
ctest --output-on-failure --timeout 1200 -j "${GIAOBAN_TEST_JOBS:-2}" "$@"
