#pragma once

#include <string_view>

namespace asynclint::config {

// The text of schemas/asynclint-config.schema.json, embedded at build time.
std::string_view configSchemaText();

}  // namespace asynclint::config
