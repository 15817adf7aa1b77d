#!/usr/bin/env bash
# Configures and builds giaoban in build/ (Release with debug info, ccache when present).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${GIAOBAN_BUILD_DIR:-build}
jobs=${GIAOBAN_JOBS:-$(nproc)}
if [[ ! -f $build_dir/build.ninja ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build_dir" -j "$jobs"
