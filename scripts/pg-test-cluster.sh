#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests.
#
#   scripts/pg-test-cluster.sh start DIR   prints postgresql://USER@127.0.0.1:PORT/giaoban_test
#   scripts/pg-test-cluster.sh stop DIR
#
# The cluster listens on 127.0.0.1 only, trusts every local connection and runs without fsync:
# fast, and fit for nothing but tests. Its data, socket and log all live in DIR. Starting a cluster
# that is already running prints its URL again. Run as root, the server runs as the `postgres`
# system user, since PostgreSQL refuses to run as root.
set -euo pipefail

readonly PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
readonly DB_NAME=giaoban_test
readonly START_TIMEOUT=30
export PGCONNECT_TIMEOUT=10

die() {
  echo "pg-test-cluster: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}

(($# == 2)) || usage
command=$1
dir=$2

if [[ $(id -u) -eq 0 ]]; then
  run_user=postgres
  id -u "$run_user" >/dev/null 2>&1 || die "no '$run_user' user to run the server as"
  as_owner() { runuser -u "$run_user" -- "$@"; }
else
  run_user=$(id -un)
  as_owner() { "$@"; }
fi

[[ -x $PG_BIN/pg_ctl ]] || die "PostgreSQL binaries not found in $PG_BIN"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Prints the port of a cluster that is up in $data, or fails.
running_port() {
  as_owner "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1 || return 1
  # Line 4 of postmaster.pid is the port.
  sed -n 4p "$data/postmaster.pid"
}

start() {
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  data=$dir/data
  if [[ $run_user != "$(id -un)" ]]; then
    chown "$run_user:" "$dir"
    as_owner test -w "$dir" || die "$run_user cannot write to $dir (check the parent directories)"
  fi

  local port
  if port=$(running_port); then
    echo "postgresql://$run_user@127.0.0.1:$port/$DB_NAME"
    return
  fi

  if [[ ! -f $data/PG_VERSION ]]; then
    local locale=C
    # Not grep -q: exiting early would fail `locale` with SIGPIPE under pipefail.
    if locale -a 2>/dev/null | grep -ix 'c\.utf-\?8' >/dev/null; then locale=C.UTF-8; fi
    as_owner "$PG_BIN/initdb" -D "$data" -U "$run_user" -A trust -E UTF8 --locale="$locale" \
      --no-sync >"$dir/initdb.log" 2>&1 || die "initdb failed, see $dir/initdb.log"
  fi

  # Another process may take the port between choosing and binding it: try a few.
  local started=
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t "$START_TIMEOUT" \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' \
          -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null 2>&1; then
      started=1
      break
    fi
  done
  [[ -n $started ]] || die "the server did not start, see $dir/postgres.log"

  timeout "$START_TIMEOUT" bash -c \
    "until '$PG_BIN/pg_isready' -q -h 127.0.0.1 -p $port -U '$run_user' -d postgres; do sleep 0.1; done" ||
    die "the server is not accepting connections, see $dir/postgres.log"

  local exists
  exists=$(as_owner "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U "$run_user" -d postgres -XAtq \
    -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")
  if [[ $exists != 1 ]]; then
    as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U "$run_user" "$DB_NAME" >&2
  fi
  echo "postgresql://$run_user@127.0.0.1:$port/$DB_NAME"
}

stop() {
  [[ -d $dir ]] || die "no such directory: $dir"
  dir=$(cd "$dir" && pwd)
  data=$dir/data
  [[ -f $data/PG_VERSION ]] || die "no cluster in $dir"
  if running_port >/dev/null; then
    as_owner "$PG_BIN/pg_ctl" -D "$data" -m immediate -w -t "$START_TIMEOUT" stop >/dev/null
  fi
}

case $command in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
