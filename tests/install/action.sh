#!/usr/bin/env bash
# Runs the GitHub Action's install and run steps (scripts/action-install.sh, action-run.sh) end to
# end against a local folder of release files made by scripts/package.sh, laid out as a release
# server would (<url>/v<version>/...) and reached through file:// (the action's download-url
# input): the install resolves the action's own version, downloads and checks the tarball, the
# run step validates documents and writes SARIF, a second install uses the cache, and a tampered
# tarball or a missing version fails with a clear message and exit 2.
# Usage: tests/install/action.sh [DIST_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
dist=$(cd "${1:-dist}" && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v curl >/dev/null 2>&1 || fail "curl is missing; scripts/setup-test-tools.sh installs it"

version=$(sed -n 's/^project(asynclint VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/releases/v$version"
cp "$dist"/*.tar.gz "$dist"/*.deb "$dist/SHA256SUMS" "$work/releases/v$version/"
export RUNNER_OS=Linux RUNNER_ARCH=X64 RUNNER_TOOL_CACHE=$work/tool-cache ACTION_REF=main INPUT_VERSION=
[ "$(uname -m)" = x86_64 ] || RUNNER_ARCH=ARM64
export INPUT_DOWNLOAD_URL=file://$work/releases

# The step commands come from action.yml itself, so that the test follows the action.
grep -qF 'run: '"'"'"$GITHUB_ACTION_PATH/scripts/action-install.sh" --resolve'"'" action.yml || fail "action.yml does not resolve the version"
grep -qF 'run: '"'"'"$GITHUB_ACTION_PATH/scripts/action-install.sh"'"'" action.yml || fail "action.yml does not run action-install.sh"

export GITHUB_OUTPUT=$work/resolve-output
scripts/action-install.sh --resolve
grep -qx "version=$version" "$GITHUB_OUTPUT" || fail "not the action's own version: $(cat "$GITHUB_OUTPUT")"
grep -qx "key=asynclint-$version-linux-$(uname -m)" "$GITHUB_OUTPUT" || fail "cache key: $(cat "$GITHUB_OUTPUT")"

export GITHUB_OUTPUT=$work/install-output
scripts/action-install.sh >"$work/log" 2>&1 || fail "install failed: $(cat "$work/log")"
grep -qF "installed asynclint-$version-linux-$(uname -m) from file://" "$work/log" || fail "no download: $(cat "$work/log")"
binary=$(sed -n 's/^binary=//p' "$GITHUB_OUTPUT")
[ "$binary" = "$RUNNER_TOOL_CACHE/asynclint/$version/$(uname -m)/asynclint-$version-linux-$(uname -m)/bin/asynclint" ] ||
  fail "binary output: $(cat "$GITHUB_OUTPUT")"

export GITHUB_OUTPUT=$work/run-output
status=0
ASYNCLINT=$binary INPUT_PATHS="testdata/invalid/info-unknown-property.yaml testdata/valid/order-producer.yaml" \
  INPUT_FORMAT="github text=$work/reports/asynclint.txt" INPUT_SARIF_FILE="$work/reports/asynclint.sarif" scripts/action-run.sh >"$work/log" || status=$?
[ "$status" -eq 0 ] || fail "the run step itself failed (exit $status)"
grep -qxF "::error file=testdata/invalid/info-unknown-property.yaml,line=4,col=3,endLine=4,endColumn=9,title=schema::unknown property 'versio' in info (did you mean 'version'?)" "$work/log" ||
  fail "no annotation: $(cat "$work/log")"
grep -qxF "testdata/invalid/info-unknown-property.yaml:4:3: error: unknown property 'versio' in info (did you mean 'version'?) [schema]" "$work/reports/asynclint.txt" ||
  fail "no text report: $(cat "$work/reports/asynclint.txt")"
grep -qx "exit-code=1" "$GITHUB_OUTPUT" || fail "outputs: $(cat "$GITHUB_OUTPUT")"
[ "$(grep -c '"ruleId": "schema"' "$work/reports/asynclint.sarif")" -eq 2 ] || fail "the SARIF file lacks the 2 results"

# A second install finds the binary the cache restored.
export GITHUB_OUTPUT=$work/install-again
scripts/action-install.sh >"$work/log" 2>&1 || fail "second install failed: $(cat "$work/log")"
grep -qF "using the cached" "$work/log" || fail "the cached binary was not used: $(cat "$work/log")"

# A tampered tarball: exit 2 and a message that says so, and nothing installed.
cp -r "$work/releases" "$work/tampered"
printf 'x' >>"$work/tampered/v$version/asynclint-$version-linux-$(uname -m).tar.gz"
status=0
RUNNER_TOOL_CACHE=$work/fresh INPUT_DOWNLOAD_URL=file://$work/tampered scripts/action-install.sh >"$work/log" 2>&1 || status=$?
[ "$status" -eq 2 ] || fail "a tampered tarball gave exit $status"
grep -qF "does not match its checksum" "$work/log" || fail "no checksum message: $(cat "$work/log")"
[ ! -e "$work/fresh/asynclint" ] || fail "a tampered tarball was unpacked"

# A version that was never released: exit 2 and the URL it tried.
status=0
RUNNER_TOOL_CACHE=$work/fresh INPUT_VERSION=v9.9.9 scripts/action-install.sh >"$work/log" 2>&1 || status=$?
[ "$status" -eq 2 ] && grep -qF "could not download file://$work/releases/v9.9.9/" "$work/log" ||
  fail "a missing release gave exit $status: $(cat "$work/log")"
echo "action: installs the release tarball of its version, checks it, caches it, runs it; refuses a tampered one"
