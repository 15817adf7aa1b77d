#!/usr/bin/env bash
# Builds the spreadsheet readers' fuzz target with clang in build-fuzz/ and runs it over the
# corpus in tests/fuzz/corpus, then on inputs it makes itself, for a bounded time (seconds, default
# 60). New inputs are kept in a scratch directory, not in the committed corpus. Any crash, leak or
# sanitizer report fails the run and leaves the input that caused it in build-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=${1:-60}
build_dir=${GIAOBAN_FUZZ_BUILD_DIR:-build-fuzz}
if [[ ! -f $build_dir/build.ninja ]]; then
  CXX=clang++ cmake -S tests/fuzz -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build_dir" -j "${GIAOBAN_JOBS:-$(nproc)}"

scratch=$(mktemp -d /tmp/giaoban-fuzz.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
cd "$build_dir"
./sheets_fuzz -max_total_time="$seconds" -rss_limit_mb=1024 -timeout=60 -print_final_stats=1 \
  "$scratch" "$root/tests/fuzz/corpus"
