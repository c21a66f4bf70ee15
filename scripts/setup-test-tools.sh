#!/usr/bin/env bash
# Installs the external validators that the test suite runs against asynclint's output: xmllint
# (JUnit and Checkstyle XML), pre-commit (the hook), Graphviz's dot (the event-flow graph), clang 14
# with libFuzzer (the fuzz harnesses replay testdata/),
# Microsoft's SARIF multitool, action-validator (action.yml) and the official @asyncapi/parser
# (the parity suite), Stoplight's spectral-cli (the spectral suite compares custom rulesets),
# debootstrap (a clean Debian root to install the packages into) and curl
# (the action's download step), shellcheck (every shell script), and ccache, which keeps the test builds' objects between runs.
# Idempotent: a second run only checks.
# Debian packages go through apt-get (root or sudo); npm packages into .deps/npm-tools.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(libxml2-utils pre-commit git graphviz clang-14 libclang-rt-14-dev ccache debootstrap
  curl shellcheck)
command -v npm >/dev/null 2>&1 || apt_packages+=(nodejs npm)

# shellcheck source=lib/apt.sh
source scripts/lib/apt.sh
ensure_apt_packages setup-test-tools "${apt_packages[@]}"

# npm packages: the exact versions of tests/tools/package-lock.json (with integrity hashes), installed
# with `npm ci` into .deps/npm-tools; again only when the lock changed since the last install.
tools=.deps/npm-tools
if ! cmp -s tests/tools/package-lock.json "$tools/package-lock.json" \
  || [ ! -d "$tools/node_modules" ]; then
  echo "setup-test-tools: installing the npm test tools of tests/tools/package-lock.json into $tools"
  mkdir -p "$tools"
  cp tests/tools/package.json tests/tools/package-lock.json "$tools/"
  (cd "$tools" && npm ci --no-audit --no-fund --silent >/dev/null)
fi
# npm here skips install scripts, which would mark the multitool's .NET binary executable.
find "$tools/node_modules/@microsoft" -maxdepth 3 -type f -name 'Sarif.Multitool' -exec chmod +x {} + 2>/dev/null || true
echo "setup-test-tools: xmllint, pre-commit, dot, clang-14 with libFuzzer, sarif-multitool, action-validator, @asyncapi/parser and spectral-cli ready"
