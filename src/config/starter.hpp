#pragma once

#include <string_view>

namespace asynclint::config {

// The commented .asynclint.yaml that `asynclint init` writes.
std::string_view starterConfig();

}  // namespace asynclint::config
