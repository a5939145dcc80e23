#!/bin/sh
# check-format.sh SOURCE_DIR: every C++ file of ours is formatted as .clang-format says.
# Exit 77 (skipped) where clang-format is not installed.
set -eu
cd "$1"
command -v clang-format >/dev/null 2>&1 || { echo "clang-format not installed: skipped"; exit 77; }
files=$(find core ui app tests -name '*.cpp' -o -name '*.h' | grep -v '^tests/data/' | sort)
# shellcheck disable=SC2086
clang-format --dry-run --Werror $files
echo "ok: $(echo "$files" | wc -l) files formatted"
