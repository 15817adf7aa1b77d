#!/usr/bin/env bash
# Installs every Debian package giaoban needs to build and benchmark; with --test, also what the
# tests need (Debian's Chromium for the browser tests).
# Idempotent: packages already present are left alone.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql-15 postgresql-client-15
  libicu-dev libsodium-dev libcli11-dev libspdlog-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libxlsxwriter-dev zlib1g-dev libzip-dev libexpat1-dev
  libcairo2-dev libpango1.0-dev fonts-liberation2
  curl wrk valgrind python3 procps
)
# The web interface is built with the machine's Node.js and npm (Node 20 or newer); Debian's own
# packages are the fallback on a machine without them.
command -v npm >/dev/null || packages+=(nodejs npm)
# The browser tests drive Debian's Chromium; nothing downloads a browser of its own. Printed pages
# and issued documents are read back with the tools their readers use: poppler for PDF, LibreOffice
# (without its desktop) for DOCX and XLSX. The spreadsheet readers are fuzzed with clang's libFuzzer.
if [[ ${1:-} == --test ]]; then
  packages+=(chromium chromium-driver poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui
    clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
