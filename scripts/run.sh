#!/usr/bin/env bash
# Installs what is missing, builds, loads the demo agency on the first run and serves giaoban on
# http://127.0.0.1:8080 (override with GIAOBAN_LISTEN=ADDRESS:PORT, GIAOBAN_DB=file-or-URL).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -gt 0 ]]; then
  cat <<'USAGE'
Usage: scripts/run.sh
  Installs what is missing, builds, loads the demo agency on the first run and serves giaoban.
  Environment:
    GIAOBAN_LISTEN  address and port to serve on (default 127.0.0.1:8080)
    GIAOBAN_DB      SQLite file or postgresql:// URL (default data/giaoban.db)
USAGE
  [[ $1 == -h || $1 == --help ]] && exit 0
  exit 2
fi

bash scripts/setup.sh
bash scripts/build.sh

db=${GIAOBAN_DB:-data/giaoban.db}
listen=${GIAOBAN_LISTEN:-127.0.0.1:8080}
if [[ $db != postgres* && ! -f $db ]]; then
  ./build/src/giaoban --db "$db" demo
fi
exec ./build/src/giaoban --db "$db" serve --listen "$listen"
