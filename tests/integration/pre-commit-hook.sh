#!/usr/bin/env bash
# Runs the hook of .pre-commit-hooks.yaml for real with `pre-commit try-repo`: a bad document
# fails it, a good one passes, and YAML and JSON files that are not AsyncAPI documents are passed
# over, whatever their names.
# Usage: pre-commit-hook.sh SOURCE_DIR ASYNCLINT_BINARY. Needs git and pre-commit; no network.
set -euo pipefail
source_dir=$1
binary=$2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" HOME="$work/home"
mkdir -p "$HOME"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
# The hook uses the asynclint on PATH, as it does for users.
PATH="$(dirname "$binary"):$PATH"
export PATH

# try-repo needs the hook at a commit: the working tree's hook file, committed into a new repository.
hooks="$work/hooks"
git init -q "$hooks"
cp "$source_dir/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -qm "hook under test"

project="$work/project"
git init -q "$project"
mkdir -p "$project/contracts" "$project/.github/workflows" "$project/deploy"
# An AsyncAPI document under a name no pattern would guess, a GitHub workflow named asyncapi.yml,
# and unrelated YAML and JSON: only the first is an AsyncAPI document.
cp "$source_dir/testdata/valid/order-producer.yaml" "$project/contracts/orders.yaml"
cp "$source_dir/testdata/inputs/.github/workflows/asyncapi.yml" "$project/.github/workflows/"
cp "$source_dir/testdata/inputs/specs/docker-compose.yml" "$project/deploy/"
printf '{"name": "scratch", "version": "1.0.0"}\n' >"$project/package.json"
printf 'just text\n' >"$project/README.txt"
git -C "$project" add .
cd "$project"

fail() { echo "FAIL: $*" >&2; echo "$output" >&2; exit 1; }
# Runs the hook on every file of the scratch repository; --verbose shows asynclint's output,
# whose last line counts the documents it checked.
try_hook() {
  status=0
  output=$(pre-commit try-repo --verbose "$hooks" asynclint --all-files 2>&1) || status=$?
}

try_hook
[ "$status" -eq 0 ] || fail "the hook fails on a good document (exit $status)"
echo "$output" | grep -q '^asynclint.*Passed' || fail "the hook did not pass"
echo "$output" | grep -qx '0 errors, 0 warnings in 1 file' ||
  fail "asynclint did not check exactly one file (the AsyncAPI document)"

cp "$source_dir/testdata/invalid/info-unknown-property.yaml" "$project/contracts/orders.yaml"
git add contracts/orders.yaml
try_hook
[ "$status" -ne 0 ] || fail "the bad document passes the hook"
echo "$output" | grep -q '^asynclint.*Failed' || fail "the hook did not report a failure"
echo "$output" | grep -qF "contracts/orders.yaml:4:3: error: unknown property 'versio' in info" ||
  fail "the hook output lacks asynclint's finding"
echo "$output" | grep -qx '2 errors, 0 warnings in 1 file' ||
  fail "asynclint did not check exactly one file (the AsyncAPI document)"
echo "pre-commit hook: checks the AsyncAPI document only (not the workflow, compose or package" \
  "files), passes when it is good, fails when it is bad"
