// Finds the comments of YAML text without a YAML parser (yaml-cpp's event API drops them):
// a '#' at the start of a line or after a space, outside quoted and block scalars.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace asynclint::suppression {

struct Comment {
  std::size_t offset = 0;  // of the '#'
  std::string_view text;   // after the '#', to the end of the line
};

std::vector<Comment> yamlComments(std::string_view text);

}  // namespace asynclint::suppression
