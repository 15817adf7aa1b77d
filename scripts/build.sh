#!/usr/bin/env bash
# Configures and builds giaoban in build/ (Release with debug info, ccache when present), then the
# web interface in web/dist.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${GIAOBAN_BUILD_DIR:-build}
jobs=${GIAOBAN_JOBS:-$(nproc)}
if [[ ! -f $build_dir/build.ninja ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build_dir" -j "$jobs"

# The web interface, served by `giaoban serve` from web/dist: dependencies again when the lock file
# changed, a build when any of its sources is newer than the last build.
if [[ -f web/package.json && ${GIAOBAN_SKIP_WEB:-0} != 1 ]]; then
  cd web
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
  if [[ ! -f dist/index.html ]] ||
    [[ -n $(find src public scripts index.html package-lock.json vite.config.ts tsconfig*.json \
      ../src/api/openapi -newer dist/index.html -print -quit 2>/dev/null) ]]; then
    npm run build
  fi
fi
