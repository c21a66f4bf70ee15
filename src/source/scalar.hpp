#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace asynclint {

enum class ScalarStyle { plain, quoted };

// Types a YAML scalar by the YAML 1.2 core schema: quoted scalars and `!!str` stay strings;
// plain null/~/empty, true/false, integers (also 0o and 0x) and floats (also .inf, .nan) become
// typed values. Integers beyond 64 bits become floats; anything else stays a string, so
// `1.0.0` is the string "1.0.0".
// Whether a plain scalar's text is the core schema's null: empty, ~, null, Null or NULL.
bool isCoreNull(std::string_view text);

nlohmann::json typeScalar(std::string_view tag, ScalarStyle style, const std::string& value);

}  // namespace asynclint
