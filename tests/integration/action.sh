#!/usr/bin/env bash
# Runs the shell steps of the GitHub Action (action.yml) locally against testdata, the way the
# runner would: the build step (on an existing build, as when the cache is restored) and the run
# step, then checks the annotations, the SARIF file, the job summary and the outputs.
# Usage: action.sh SOURCE_DIR ASYNCLINT_BINARY
set -euo pipefail
source_dir=$1
binary=$2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$source_dir"

# The step commands come from action.yml itself, so that the test follows the action.
grep -qF 'run: '"'"'"$GITHUB_ACTION_PATH/scripts/action-build.sh" --source-hash'"'" action.yml || fail "action.yml does not hash the sources"
grep -qF 'run: '"'"'"$GITHUB_ACTION_PATH/scripts/action-build.sh"'"'" action.yml || fail "action.yml does not run action-build.sh"
grep -qF 'run: '"'"'"$GITHUB_ACTION_PATH/scripts/action-run.sh"'"'" action.yml || fail "action.yml does not run action-run.sh"
export GITHUB_ACTION_PATH=$source_dir

export GITHUB_OUTPUT="$work/hash-output"
"$GITHUB_ACTION_PATH/scripts/action-build.sh" --source-hash
grep -qE '^hash=[0-9a-f]{32}$' "$GITHUB_OUTPUT" || fail "no source hash: $(cat "$GITHUB_OUTPUT")"

export GITHUB_OUTPUT="$work/build-output"
ASYNCLINT_BUILD_DIR="$(dirname "$binary")" "$GITHUB_ACTION_PATH/scripts/action-build.sh" >"$work/build-log"
grep -qx "binary=$binary" "$GITHUB_OUTPUT" || fail "the build step does not name the binary: $(cat "$GITHUB_OUTPUT")"

export GITHUB_OUTPUT="$work/run-output" GITHUB_STEP_SUMMARY="$work/summary.md"
: >"$GITHUB_STEP_SUMMARY"
status=0
ASYNCLINT=$binary INPUT_PATHS="testdata/invalid/info-unknown-property.yaml
  testdata/valid/order-*.yaml" INPUT_FAIL_SEVERITY=error INPUT_SARIF_FILE="$work/reports/asynclint.sarif" \
  "$GITHUB_ACTION_PATH/scripts/action-run.sh" >"$work/log" || status=$?
[ "$status" -eq 0 ] || fail "the run step itself failed (exit $status)"

grep -qxF "::error file=testdata/invalid/info-unknown-property.yaml,line=4,col=3,endLine=4,endColumn=9,title=schema::unknown property 'versio' in info (did you mean 'version'?)" "$work/log" ||
  fail "no annotation for the unknown property: $(cat "$work/log")"
for expected in errors=2 warnings=0 infos=0 hints=0 exit-code=1 "sarif-file=$work/reports/asynclint.sarif"; do
  grep -qxF "$expected" "$GITHUB_OUTPUT" || fail "outputs lack $expected: $(cat "$GITHUB_OUTPUT")"
done
[ "$(grep -c '"ruleId": "schema"' "$work/reports/asynclint.sarif")" -eq 2 ] || fail "the SARIF file lacks the 2 results"
grep -qF '### asynclint: 2 errors, 0 warnings in' "$GITHUB_STEP_SUMMARY" || fail "no job summary"

# A clean run, on a folder: exit code 0 and zero counts.
: >"$GITHUB_OUTPUT"
ASYNCLINT=$binary INPUT_PATHS="testdata/inputs/specs/orders" INPUT_SARIF_FILE="" \
  "$GITHUB_ACTION_PATH/scripts/action-run.sh" >"$work/log"
grep -qx "exit-code=0" "$GITHUB_OUTPUT" && grep -qx "errors=0" "$GITHUB_OUTPUT" || fail "clean run: $(cat "$GITHUB_OUTPUT")"
echo "action: build and run steps give annotations, SARIF, summary and counts"
