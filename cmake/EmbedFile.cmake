# Appends to the caller's _asm, _decls and _table what embeds the bytes of `file` under `symbol`
# with `.incbin`, and a table row {"key", std::string_view over those bytes}; the caller pastes
# them into a generated .cpp (see EmbedSchemas.cmake and EmbedRuleDocs.cmake).
function(asynclint_embed_file symbol file key)
  string(APPEND _asm
    "    \".global ${symbol}_begin\\n\"\n    \"${symbol}_begin:\\n\"\n"
    "    \".incbin \\\"${file}\\\"\\n\"\n"
    "    \".global ${symbol}_end\\n\"\n    \"${symbol}_end:\\n\"\n")
  string(APPEND _decls "extern \"C\" const char ${symbol}_begin[];\nextern \"C\" const char ${symbol}_end[];\n")
  string(APPEND _table "    {\"${key}\", std::string_view(${symbol}_begin, static_cast<std::size_t>(${symbol}_end - ${symbol}_begin))},\n")
  set(_asm "${_asm}" PARENT_SCOPE)
  set(_decls "${_decls}" PARENT_SCOPE)
  set(_table "${_table}" PARENT_SCOPE)
endfunction()
