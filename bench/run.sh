#!/usr/bin/env bash
# Builds a release binary and prints asynclint's figures beside the targets of issue 7.
# Usage: bench/run.sh [--quick]   (--quick: 3 runs instead of 5, no 10,000-channel document)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release -j2 >/dev/null
exec python3 bench/bench.py "$@"
