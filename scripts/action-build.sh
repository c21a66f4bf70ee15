#!/usr/bin/env bash
# The build step of the GitHub Action (action.yml): installs the build dependencies and builds
# asynclint with the release preset, unless the build folder (restored from the cache) already
# holds a binary. Prints the binary's path to $GITHUB_OUTPUT as `binary`.
# ASYNCLINT_BUILD_DIR overrides the build folder (the tests point it at an existing build).
# With --source-hash, prints instead `hash`, a digest of the sources that the build cache is
# keyed on (actions/cache's hashFiles() cannot read the action's folder, outside the workspace).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = --source-hash ]; then
  hash=$(find CMakeLists.txt CMakePresets.json cmake src rules schemas/package-lock.json -type f -print0 |
    sort -z | xargs -0 sha256sum | sha256sum | cut -c1-32)
  echo "hash=$hash" >>"${GITHUB_OUTPUT:-/dev/stdout}"
  exit 0
fi

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
