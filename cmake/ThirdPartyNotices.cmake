# THIRD-PARTY-NOTICES: the copyright and license texts of what the asynclint binary carries inside
# it (libraries linked or included, the embedded official schemas), as their licenses ask.
# Sets ASYNCLINT_THIRD_PARTY_NOTICES to the file written into the build folder.
set(_notices "asynclint includes the following third-party software and data.\n")
set(_sources
  "yaml-cpp|/usr/share/doc/libyaml-cpp-dev/copyright"
  "fmt|/usr/share/doc/libfmt-dev/copyright"
  "JSON for Modern C++ (nlohmann_json)|/usr/share/doc/nlohmann-json3-dev/copyright"
  "CLI11|/usr/share/doc/libcli11-dev/copyright"
  "valijson|${CMAKE_SOURCE_DIR}/.deps/valijson/copyright"
  "PCRE2|/usr/share/doc/libpcre2-dev/copyright"
  "AsyncAPI specification JSON Schemas (@asyncapi/specs)|${CMAKE_SOURCE_DIR}/schemas/node_modules/@asyncapi/specs/LICENSE")
if(NOT EMSCRIPTEN)  # the WebAssembly build parses YAML with yaml-cpp alone
  list(INSERT _sources 1 "libyaml|/usr/share/doc/libyaml-dev/copyright")
endif()
if(ASYNCLINT_JEMALLOC)  # the allocator of the native, unsanitized builds (CMakeLists.txt)
  list(APPEND _sources "jemalloc|/usr/share/doc/libjemalloc-dev/copyright")
endif()
foreach(_source IN LISTS _sources)
  string(REPLACE "|" ";" _source "${_source}")
  list(GET _source 0 _name)
  list(GET _source 1 _file)
  if(NOT EXISTS "${_file}")
    message(FATAL_ERROR "The license text of ${_name} is missing: ${_file} (run scripts/setup.sh)")
  endif()
  file(READ "${_file}" _text)
  string(APPEND _notices "\n==== ${_name}\n\n${_text}")
endforeach()
set(ASYNCLINT_THIRD_PARTY_NOTICES "${CMAKE_BINARY_DIR}/THIRD-PARTY-NOTICES")
file(WRITE "${ASYNCLINT_THIRD_PARTY_NOTICES}" "${_notices}")
