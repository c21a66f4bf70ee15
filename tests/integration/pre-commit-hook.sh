#!/usr/bin/env bash
# Runs the hook of .pre-commit-hooks.yaml for real with `pre-commit try-repo`: a bad document
# fails it, a good one passes, and a file that its `files` pattern does not match is not checked.
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
mkdir -p "$project/services"
cp "$source_dir/testdata/valid/order-producer.yaml" "$project/asyncapi.yaml"
cp "$source_dir/testdata/invalid/info-unknown-property.yaml" "$project/services/orders.asyncapi.yml"
cp "$source_dir/testdata/invalid/info-unknown-property.yaml" "$project/notes.yaml"
git -C "$project" add .
cd "$project"

fail() { echo "FAIL: $*" >&2; echo "$output" >&2; exit 1; }

status=0
output=$(pre-commit try-repo "$hooks" asynclint --files asyncapi.yaml 2>&1) || status=$?
[ "$status" -eq 0 ] || fail "the good document fails the hook (exit $status)"
echo "$output" | grep -q '^asynclint.*Passed' || fail "the hook did not pass on the good document"

status=0
output=$(pre-commit try-repo "$hooks" asynclint --files asyncapi.yaml services/orders.asyncapi.yml 2>&1) || status=$?
[ "$status" -ne 0 ] || fail "the bad document passes the hook"
echo "$output" | grep -q '^asynclint.*Failed' || fail "the hook did not report a failure"
echo "$output" | grep -qF "services/orders.asyncapi.yml:4:3: error: unknown property 'versio' in info" ||
  fail "the hook output lacks asynclint's finding"

status=0
output=$(pre-commit try-repo "$hooks" asynclint --files notes.yaml 2>&1) || status=$?
[ "$status" -eq 0 ] || fail "a file outside the files pattern was checked"
echo "$output" | grep -q '^asynclint.*(no files to check)Skipped' || fail "notes.yaml was not skipped"
echo "pre-commit hook: passes on the good document, fails on the bad one, skips other files"
