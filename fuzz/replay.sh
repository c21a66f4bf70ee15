#!/usr/bin/env bash
# Builds the fuzz preset (clang 14, libFuzzer, ASan + UBSan) and runs both harnesses once over
# every file of testdata/, without mutating: the harnesses keep building with clang, and every
# input kept as a regression replays through them. Part of scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)" --target fuzz_load fuzz_pipeline
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mapfile -t inputs < <(find testdata -type f ! -name '*.expected' -size -64k | sort)
for harness in load pipeline; do
  echo "== fuzz_${harness}: ${#inputs[@]} inputs from testdata/"
  if ! output=$("build/fuzz/fuzz/fuzz_${harness}" -timeout=60 -rss_limit_mb=4096 "${inputs[@]}" 2>&1); then
    echo "$output" | tail -n 60
    echo "fuzz_${harness} failed on a testdata input"
    exit 1
  fi
  echo "$(grep -c '^Executed' <<<"$output") inputs executed, no crash, leak or undefined behaviour"
done
