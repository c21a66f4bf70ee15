#!/usr/bin/env bash
# Builds the WebAssembly module (the `wasm` preset) and packs the npm package `asynclint` into
# dist/asynclint-X.Y.Z.tgz (X.Y.Z: the version of project() in CMakeLists.txt), from npm/ plus the
# built asynclint.js and asynclint.wasm, the license and the third-party notices.
# `npm install ./dist/asynclint-X.Y.Z.tgz` then `npx asynclint validate spec.yaml` needs nothing else.
# --no-setup: skip scripts/setup-wasm.sh (already run).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${1:-}" = --no-setup ] || ./scripts/setup-wasm.sh
# shellcheck source=scripts/lib/wasm-env.sh
source scripts/lib/wasm-env.sh
# shellcheck source=scripts/lib/ccache.sh
source scripts/lib/ccache.sh
cmake --preset wasm "${launcher[@]}" >/dev/null
cmake --build --preset wasm -j "${ASYNCLINT_WASM_JOBS:-$(nproc)}"

version=$(sed -n 's/^project(asynclint VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
stage=build/wasm/npm-package
rm -rf "$stage"
mkdir -p "$stage/wasm" "$stage/lib" dist
cp -r npm/bin npm/README.md npm/package.json "$stage/"
cp npm/lib/index.js npm/lib/index.mjs npm/lib/index.d.ts npm/lib/run.js "$stage/lib/"
cp LICENSE build/wasm/THIRD-PARTY-NOTICES "$stage/"
cp build/wasm/asynclint.js build/wasm/asynclint.wasm "$stage/wasm/"
# The package's version is the project's.
node -e '
  const fs = require("fs"), file = process.argv[1], pkg = JSON.parse(fs.readFileSync(file, "utf8"));
  pkg.version = process.argv[2];
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");' "$stage/package.json" "$version"
rm -f "dist/asynclint-$version.tgz"
(cd "$stage" && npm pack --silent --pack-destination "$OLDPWD/dist" >/dev/null)
echo "package-npm: dist/asynclint-$version.tgz ($(du -k "dist/asynclint-$version.tgz" | cut -f1) KiB)"
