#!/usr/bin/env bash
# A long fuzzing run of one target (docs/reliability.md): tests/fuzz/run-long.sh NAME [SECONDS]
# from the project root, after `cmake --preset fuzz && cmake --build --preset fuzz`. Nice'd (the
# machine is shared); the corpus grows in build/fuzz/long/NAME (kept between runs), crashes land in
# build/fuzz/long/NAME-artifacts/, and the log with libFuzzer's final stats in build/fuzz/long/NAME.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
name=$1
seconds=${2:-600}
build=build/fuzz/tests/fuzz
long=build/fuzz/long
mkdir -p "$long/$name" "$long/$name-artifacts"
# The same dictionary as the ctest smoke run of this target, if it has one.
dict=()
option=$(grep "add_test(\[=\[fuzz.$name\]=\]" "$build/CTestTestfile.cmake" | grep -o -- '-dict=[^"]*' || true)
[ -n "$option" ] && dict=("$option")
nice -n 10 "$build/fuzz_$name" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$long/$name-artifacts/" "${dict[@]}" "$long/$name" "$build/seeds/$name" 2>&1 |
  grep -v -E '^#[0-9]+\s+(NEW|REDUCE|pulse)' >"$long/$name.log"
tail -n 12 "$long/$name.log"
