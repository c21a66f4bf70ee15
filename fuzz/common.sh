# shellcheck shell=bash
# Shared by fuzz/run.sh and fuzz/replay.sh (sourced from the project root).

# Builds the given harnesses (load, pipeline) with the fuzz preset.
build_harnesses() {
  cmake --preset fuzz >/dev/null
  local targets=() harness
  for harness in "$@"; do targets+=("fuzz_${harness}"); done
  cmake --build --preset fuzz -j "$(nproc)" --target "${targets[@]}"
}

# The files of testdata/ that seed and replay the harnesses: every input, no golden output.
testdata_inputs() {
  find testdata -type f ! -name '*.expected' -size -64k | sort
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
