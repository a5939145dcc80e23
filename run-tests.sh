#!/usr/bin/env bash
# Installs what is missing, builds Warmpath and runs the whole test suite through ctest:
#   1. Release build, every test (core, CLI, GUI offscreen, install and .deb packaging);
#   2. the core alone with -DWARMPATH_BUILD_UI=OFF, proving it needs no Qt;
#   3. AddressSanitizer + UndefinedBehaviorSanitizer build, every test;
#   4. the libFuzzer targets (clang), each fuzzed for 30 s from its seeds (docs/reliability.md).
# Exits non-zero on the first failure. .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")"
source resources/setup/common.sh

warmpath_install_dependencies

export QT_QPA_PLATFORM=offscreen
export CTEST_OUTPUT_ON_FAILURE=1
jobs=$(nproc 2>/dev/null || echo 2)

warmpath_build release -DWARMPATH_TEST_PACKAGING=ON
warmpath_log "testing (release)"
ctest --preset release -j "$jobs"

warmpath_build core-only
warmpath_log "testing (core-only, no Qt)"
ctest --preset core-only -j "$jobs"

warmpath_build asan
warmpath_log "testing (asan)"
ctest --preset asan -j "$jobs"

if command -v clang++ >/dev/null 2>&1; then
  warmpath_build fuzz
  warmpath_log "fuzzing (30 s per target)"
  ctest --preset fuzz -j "$jobs"
else
  warmpath_log "clang++ not found: fuzz smoke runs skipped"
fi

warmpath_log "all tests passed"
