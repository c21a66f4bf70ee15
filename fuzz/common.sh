# shellcheck shell=bash
# Shared by fuzz/run.sh and fuzz/replay.sh (sourced from the project root).

# Builds the given harnesses (load, pipeline) with the fuzz preset.
# Through ccache when it is installed, as scripts/test.sh does.
build_harnesses() {
  local launcher=()
  if command -v ccache >/dev/null 2>&1; then
    export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  cmake --preset fuzz "${launcher[@]}" >/dev/null
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
