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
// A value as written in a list of allowed values: strings without quotes, others as JSON.
std::string literal(const nlohmann::json& value);

}  // namespace asynclint::schema
