# shellcheck shell=bash
# Sourced by scripts/setup-wasm.sh, scripts/package-npm.sh and tests/wasm/compare.sh: where the
# WebAssembly build keeps what it builds once (outside git, reused between runs), and what
# Debian's emscripten needs to run.
export ASYNCLINT_WASM_CACHE="${ASYNCLINT_WASM_CACHE:-$HOME/.cache/asynclint-wasm}"
# yaml-cpp and PCRE2 compiled to WebAssembly, and the header-only libraries, installed here.
export ASYNCLINT_WASM_SYSROOT="$ASYNCLINT_WASM_CACHE/sysroot"
# Debian's emscripten runs its JavaScript tools with Node, which must find Debian's acorn.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
# Debian ships emscripten's system libraries prebuilt (libc, libc++ with and without WebAssembly
# exceptions) in its frozen cache /usr/share/emscripten/cache: nothing to build, so EM_CACHE is
# left there rather than moved into ASYNCLINT_WASM_CACHE (which would rebuild them all, minutes).
