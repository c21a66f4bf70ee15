# Appends to the caller's _asm, _decls and _table what embeds the bytes of `file` under `symbol`,
# with a table row {"key", std::string_view over those bytes}; asynclint_embedded_data() then sets
# _data, the definitions the caller pastes into a generated .cpp (see EmbedSchemas.cmake and
# EmbedRuleDocs.cmake) before its table.
# Native builds use `.incbin`: the assembler reads the file, nothing is copied, the build is as
# fast as the file is large. WebAssembly's assembler has no `.incbin` (nor sections to push), so
# there the bytes become a string literal of \x escapes written at configure time (a changed file
# reconfigures), under the same symbol: one table, one header, either toolchain.
function(asynclint_embed_file symbol file key)
  if(EMSCRIPTEN)
    file(READ "${file}" _hex HEX)
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" _escaped "${_hex}")
    string(APPEND _decls "static constexpr char ${symbol}_begin[] = \"${_escaped}\";\n")
    string(APPEND _table "    {\"${key}\", std::string_view(${symbol}_begin, sizeof ${symbol}_begin - 1)},\n")
    set_property(DIRECTORY "${CMAKE_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
  else()
    string(APPEND _asm
      "    \".global ${symbol}_begin\\n\"\n    \"${symbol}_begin:\\n\"\n"
      "    \".incbin \\\"${file}\\\"\\n\"\n"
      "    \".global ${symbol}_end\\n\"\n    \"${symbol}_end:\\n\"\n")
    string(APPEND _decls "extern \"C\" const char ${symbol}_begin[];\nextern \"C\" const char ${symbol}_end[];\n")
    string(APPEND _table "    {\"${key}\", std::string_view(${symbol}_begin, static_cast<std::size_t>(${symbol}_end - ${symbol}_begin))},\n")
  endif()
  set(_asm "${_asm}" PARENT_SCOPE)
  set(_decls "${_decls}" PARENT_SCOPE)
  set(_table "${_table}" PARENT_SCOPE)
endfunction()

# Sets the caller's _data from its _asm and _decls, for the @_data@ of its generated .cpp; marks
# `source` (that .cpp) for the literals' length in WebAssembly builds.
function(asynclint_embedded_data source)
  if(EMSCRIPTEN)
    set(_data "${_decls}")
    # The literals are longer than the 65,536 characters C++ asks compilers to support; clang
    # takes them (-Wpedantic would only say so).
    set_source_files_properties("${source}" PROPERTIES COMPILE_OPTIONS -Wno-overlength-strings)
  else()
    set(_data "__asm__(\n    \".pushsection .rodata,\\\"a\\\",@progbits\\n\"\n${_asm}    \".byte 0\\n\"\n    \".popsection\\n\");\n\n${_decls}")
  endif()
  set(_data "${_data}" PARENT_SCOPE)
endfunction()
