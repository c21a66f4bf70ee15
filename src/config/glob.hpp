// Glob patterns for `overrides.files` and `ignore`, matched against a whole relative path with
// '/' separators: `*` and `?` stay within one path segment, `**` as a whole segment spans any
// number of segments (zero included), `[abc]`, `[a-z]` and `[!abc]` match one character.
#pragma once

#include <string_view>

namespace asynclint::config {

bool globMatch(std::string_view pattern, std::string_view path);

}  // namespace asynclint::config
