#!/usr/bin/env bash
# Builds asynclint and runs every test twice: in the optimized CI build (warnings are errors)
# and under AddressSanitizer + UndefinedBehaviorSanitizer, with the external validators installed;
# then the npm package (the WebAssembly build) gives the native binary's answers; the fuzz harnesses
# (clang) replay every file of testdata/; last, it builds the release packages, installs them
# into a clean Debian 12 root, and runs the GitHub Action's install step against them.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# The consumers' own validators judge the reports; in this full run a missing one is a failure.
./scripts/setup-test-tools.sh
export ASYNCLINT_REQUIRE_TEST_TOOLS=1
jobs=$(nproc)
echo "== shellcheck"
mapfile -t shell_scripts < <(git ls-files '*.sh' .ci/run 2>/dev/null || find . -name '*.sh' -not -path './.deps/*' -not -path './build/*')
shellcheck -x -S warning "${shell_scripts[@]}"
# shellcheck source=scripts/lib/ccache.sh
source scripts/lib/ccache.sh
for preset in ci asan; do
  echo "== $preset build"
  cmake --preset "$preset" "${launcher[@]}" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs"
done
echo "== npm package (WebAssembly): build, install, same answers as the native binary"
# Warm (yaml-cpp and PCRE2 cached by setup-wasm.sh, objects by ccache): link, pack and compare only.
./scripts/package-npm.sh
npm_version=$(sed -n 's/^project(asynclint VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
python3 tests/wasm/compare.py build/ci/asynclint "dist/asynclint-$npm_version.tgz" .
echo "== fuzz harnesses over testdata/"
./fuzz/replay.sh
echo "== release packages: build, install into a clean Debian 12 root, the action's install step"
./scripts/package.sh --no-setup
# The packaged binary (-O3, static runtime) must give every golden output the test build gives.
ASYNCLINT_TEST_BINARY=$PWD/build/release/asynclint build/ci/tests/asynclint_tests \
  --test-suite=golden,cli,multifile,hostile,system,diff
tests/install/packages.sh dist
tests/install/action.sh dist
