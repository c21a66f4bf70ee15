# The WebAssembly build (the `wasm` preset, for the npm package; docs in npm/README.md): the
# libraries come from scripts/setup-wasm.sh's sysroot instead of find_package, which emscripten's
# toolchain confines to its own sysroot. yaml-cpp and PCRE2 are Debian's sources compiled to
# WebAssembly; nlohmann_json, fmt (header-only) and CLI11 are the system's headers.
set(ASYNCLINT_WASM_SYSROOT "$ENV{ASYNCLINT_WASM_SYSROOT}" CACHE PATH
    "Where scripts/setup-wasm.sh installed the libraries built for WebAssembly")
if(NOT ASYNCLINT_WASM_SYSROOT)
  set(ASYNCLINT_WASM_SYSROOT "$ENV{HOME}/.cache/asynclint-wasm/sysroot" CACHE PATH "" FORCE)
endif()
foreach(_library yaml-cpp pcre2-8)
  if(NOT EXISTS "${ASYNCLINT_WASM_SYSROOT}/lib/lib${_library}.a")
    message(FATAL_ERROR "${ASYNCLINT_WASM_SYSROOT}/lib/lib${_library}.a is missing: run scripts/setup-wasm.sh")
  endif()
endforeach()

add_library(yaml-cpp STATIC IMPORTED)
set_target_properties(yaml-cpp PROPERTIES IMPORTED_LOCATION "${ASYNCLINT_WASM_SYSROOT}/lib/libyaml-cpp.a")
target_include_directories(yaml-cpp SYSTEM INTERFACE "${ASYNCLINT_WASM_SYSROOT}/include")
add_library(PkgConfig::PCRE2 STATIC IMPORTED)
set_target_properties(PkgConfig::PCRE2 PROPERTIES IMPORTED_LOCATION "${ASYNCLINT_WASM_SYSROOT}/lib/libpcre2-8.a")
target_include_directories(PkgConfig::PCRE2 SYSTEM INTERFACE "${ASYNCLINT_WASM_SYSROOT}/include")
target_compile_definitions(PkgConfig::PCRE2 INTERFACE PCRE2_STATIC)
foreach(_target nlohmann_json::nlohmann_json fmt::fmt CLI11::CLI11)
  add_library(${_target} INTERFACE IMPORTED)
  target_include_directories(${_target} SYSTEM INTERFACE "${ASYNCLINT_WASM_SYSROOT}/include")
endforeach()
target_compile_definitions(fmt::fmt INTERFACE FMT_HEADER_ONLY=1)

# C++ exceptions as WebAssembly exceptions (JavaScript-emulated ones are a third slower), no
# threads (--jobs is accepted and ignored), no libcurl (--allow-remote says it is not available).
add_compile_options(-fwasm-exceptions)
add_compile_definitions(ASYNCLINT_SINGLE_THREADED=1 ASYNCLINT_NO_REMOTE=1)

# asynclint.js + asynclint.wasm for Node (the npm package's launcher loads asynclint.js). The real
# file system (NODERAWFS), memory that grows, a 16 MiB stack for deep documents, the exit code of
# main. npm/lib/pre.js reads the .wasm with fs: the generated loader would `fetch` a file path,
# which fails on Node 18+, and SINGLE_FILE (base64 inside the .js) costs start-up time.
function(asynclint_wasm_executable target)
  set(_pre_js "${CMAKE_SOURCE_DIR}/npm/lib/pre.js")
  target_link_options(${target} PRIVATE -fwasm-exceptions -O3 -sNODERAWFS=1 -sENVIRONMENT=node
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=67108864 -sTOTAL_STACK=16777216 -sEXIT_RUNTIME=1
    "SHELL:--pre-js ${_pre_js}")
  set_target_properties(${target} PROPERTIES SUFFIX ".js" LINK_DEPENDS "${_pre_js}")
endfunction()
