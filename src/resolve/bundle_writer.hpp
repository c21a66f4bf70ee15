// Writes a bundled document as YAML or JSON, its keys in the order the entry file has them.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "source/document.hpp"

namespace asynclint::resolve {

// `tree` with each mapping's keys in the order they are written in `entry` at the same place;
// keys that `entry` does not have there (parts copied from other files) follow, sorted.
nlohmann::ordered_json inWrittenOrder(const nlohmann::json& tree, const Document& entry);

// Block-style YAML that loads back to the same tree: strings that would read as another type
// (`true`, `1.0`, `null`, ...) are quoted.
std::string toYaml(const nlohmann::ordered_json& tree);

}  // namespace asynclint::resolve
