// Shared wording of schema findings, so that every message names things the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace asynclint::schema {

// "'action'", "item 2 of 'tags'", "the document".
std::string nodeName(const nlohmann::json& root, const std::string& pointer);
// "'publish'", "3 (integer)", "an object".
std::string describeFound(const nlohmann::json& value);
// "integer", "string", ... as JSON Schema names types.
std::string typeOf(const nlohmann::json& value);
// "a string, an integer or null".
std::string typeList(const std::vector<std::string>& typeNames);
// A value as written in a list of allowed values: strings in single quotes, others as JSON
// ("'created'", "3", "null").
std::string literal(const nlohmann::json& value);
// What a value must be, given the allowed values as literal() writes them (at least one):
// "'created'", "one of 'created', 'cancelled' or null"; past ten values, the rest are counted:
// "one of 'a', 'b', ..., 'j' or 5 others".
std::string allowedValues(const std::vector<std::string>& values);

}  // namespace asynclint::schema
