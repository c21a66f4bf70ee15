#!/usr/bin/env bash
# Installs the external validators that the test suite runs against asynclint's output: xmllint
# (JUnit and Checkstyle XML), pre-commit (the hook), Graphviz's dot (the event-flow graph), clang 14
# with libFuzzer (the fuzz harnesses replay testdata/),
# Microsoft's SARIF multitool and action-validator (action.yml), and ccache, which keeps the
# test builds' objects between runs. Idempotent: a second run only
# checks.
# Debian packages go through apt-get (root or sudo); npm packages into .deps/npm-tools.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(libxml2-utils pre-commit git graphviz clang-14 libclang-rt-14-dev ccache)
command -v npm >/dev/null 2>&1 || apt_packages+=(nodejs npm)

# shellcheck source=lib/apt.sh
source scripts/lib/apt.sh
ensure_apt_packages setup-test-tools "${apt_packages[@]}"

tools=.deps/npm-tools
npm_packages=(@microsoft/sarif-multitool @action-validator/cli)
npm_missing=()
for package in "${npm_packages[@]}"; do
  [ -f "$tools/node_modules/$package/package.json" ] || npm_missing+=("$package")
done
if [ "${#npm_missing[@]}" -gt 0 ]; then
  echo "setup-test-tools: installing ${npm_missing[*]} into $tools"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent "${npm_missing[@]}" >/dev/null
fi
# npm here skips install scripts, which would mark the multitool's .NET binary executable.
find "$tools/node_modules/@microsoft" -maxdepth 3 -type f -name 'Sarif.Multitool' -exec chmod +x {} + 2>/dev/null || true
echo "setup-test-tools: xmllint, pre-commit, dot, clang-14 with libFuzzer, sarif-multitool and action-validator ready"
