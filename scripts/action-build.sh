#!/usr/bin/env bash
# The build step of the GitHub Action (action.yml): installs the build dependencies and builds
# asynclint with the release preset, unless the build folder (restored from the cache) already
# holds a binary. Prints the binary's path to $GITHUB_OUTPUT as `binary`.
# ASYNCLINT_BUILD_DIR overrides the build folder (the tests point it at an existing build).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${ASYNCLINT_BUILD_DIR:-build/release}
binary="$build_dir/asynclint"
if [ -x "$binary" ]; then
  echo "asynclint: using the cached build in $build_dir"
else
  ./scripts/setup.sh
  cmake --preset release >/dev/null
  cmake --build --preset release -j "$(nproc)" --target asynclint
fi
"$binary" --version | head -n 1
echo "binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")" >>"${GITHUB_OUTPUT:-/dev/null}"
