#!/usr/bin/env bash
# Builds the fuzz preset (clang 14, libFuzzer, ASan + UBSan) and runs both harnesses once over
# every file of testdata/, without mutating: the harnesses keep building with clang, and every
# input kept as a regression replays through them. Part of scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=fuzz/common.sh
source fuzz/common.sh
build_harnesses load pipeline
mapfile -t inputs < <(testdata_inputs)
for harness in load pipeline; do
  echo "== fuzz_${harness}: ${#inputs[@]} inputs from testdata/"
  if ! output=$("build/fuzz/fuzz/fuzz_${harness}" -timeout=60 -rss_limit_mb=4096 "${inputs[@]}" 2>&1); then
    echo "$output" | tail -n 60
    echo "fuzz_${harness} failed on a testdata input"
    exit 1
  fi
  echo "$(grep -c '^Executed' <<<"$output") inputs executed, no crash, leak or undefined behaviour"
done
