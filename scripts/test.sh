#!/usr/bin/env bash
# Builds asynclint and runs every test twice: in the optimized CI build (warnings are errors)
# and under AddressSanitizer + UndefinedBehaviorSanitizer, with the external validators installed;
# then the fuzz harnesses (clang) replay every file of testdata/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# The consumers' own validators judge the reports; in this full run a missing one is a failure.
./scripts/setup-test-tools.sh
export ASYNCLINT_REQUIRE_TEST_TOOLS=1
jobs=$(nproc)
# ccache keeps compiled objects between runs on one machine (CI runs in a fresh clone each time,
# so paths are taken relative to the clone, and the folder name does not enter the hash).
launcher=()
if command -v ccache >/dev/null 2>&1; then
  export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
for preset in ci asan; do
  echo "== $preset build"
  cmake --preset "$preset" "${launcher[@]}" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs"
done
echo "== fuzz harnesses over testdata/"
./fuzz/replay.sh
