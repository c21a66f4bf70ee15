// Writes a bundled document as YAML or JSON.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace asynclint::resolve {

// Block-style YAML that loads back to the same tree: strings that would read as another type
// (`true`, `1.0`, `null`, ...) are quoted. Keys come out sorted, as the loader keeps them.
std::string toYaml(const nlohmann::json& tree);

}  // namespace asynclint::resolve
