#!/usr/bin/env bash
# Builds the fuzz preset and runs one libFuzzer harness for a while.
# Usage: fuzz/run.sh load|pipeline SECONDS [extra libFuzzer flags...]
# The corpus grows in build/fuzz/corpus/HARNESS (outside git), seeded from testdata/; crashes,
# hangs and leaks are written to build/fuzz/findings/HARNESS/. Keep each one that found a bug in
# testdata/invalid/ with its golden output (the golden suite replays it).
set -euo pipefail
cd "$(dirname "$0")/.."
harness=${1:?usage: fuzz/run.sh load|pipeline SECONDS}
seconds=${2:?usage: fuzz/run.sh load|pipeline SECONDS}
shift 2

# shellcheck source=fuzz/common.sh
source fuzz/common.sh
build_harnesses "$harness" >/dev/null

corpus=build/fuzz/corpus/${harness}
findings=build/fuzz/findings/${harness}
mkdir -p "$corpus" "$findings"
if [ -z "$(ls -A "$corpus")" ]; then
  testdata_inputs | while read -r seed; do
    cp "$seed" "$corpus/${seed//\//_}"
  done
fi

exec nice -n 19 "build/fuzz/fuzz/fuzz_${harness}" "$corpus" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
  -artifact_prefix="$findings/" -print_final_stats=1 "$@"
