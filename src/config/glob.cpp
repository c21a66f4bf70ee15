#include "config/glob.hpp"

#include <optional>

namespace asynclint::config {
namespace {

struct ClassMatch {
  bool matched = false;
  std::size_t length = 0;  // of the bracket expression in the pattern, brackets included
};

// The bracket expression at the start of `pattern` against `c`; nullopt when it is not closed
// (then '[' is an ordinary character).
std::optional<ClassMatch> matchClass(std::string_view pattern, char c) {
  std::size_t i = 1;
  const bool negated = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negated) ++i;
  bool matched = false;
  const std::size_t first = i;
  for (; i < pattern.size() && (pattern[i] != ']' || i == first); ++i) {
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      matched = matched || (pattern[i] <= c && c <= pattern[i + 2]);
      i += 2;
    } else {
      matched = matched || pattern[i] == c;
    }
  }
  if (i >= pattern.size()) return std::nullopt;
  return ClassMatch{matched != negated && c != '/', i + 1};
}

bool startsWholeSegment(std::string_view pattern, std::size_t at) {
  return at == 0 || pattern[at - 1] == '/';
}

bool match(std::string_view pattern, std::string_view path, std::size_t p) {
  if (p == pattern.size()) return path.empty();
  if (pattern.substr(p, 2) == "**" && startsWholeSegment(pattern, p)) {
    if (p + 2 == pattern.size()) return true;
    if (pattern[p + 2] == '/') {
      for (std::size_t i = 0; i <= path.size(); ++i) {
        if ((i == 0 || path[i - 1] == '/') && match(pattern, path.substr(i), p + 3)) return true;
      }
      return false;
    }
  }
  const char token = pattern[p];
  if (token == '*') {
    std::size_t next = p;
    while (next < pattern.size() && pattern[next] == '*')
      ++next;
    for (std::size_t i = 0; i <= path.size(); ++i) {
      if (match(pattern, path.substr(i), next)) return true;
      if (i < path.size() && path[i] == '/') return false;
    }
    return false;
  }
  if (path.empty()) return false;
  if (token == '?') return path[0] != '/' && match(pattern, path.substr(1), p + 1);
  if (token == '[') {
    if (const auto bracket = matchClass(pattern.substr(p), path[0]))
      return bracket->matched && match(pattern, path.substr(1), p + bracket->length);
  }
  return token == path[0] && match(pattern, path.substr(1), p + 1);
}

}  // namespace

bool globMatch(std::string_view pattern, std::string_view path) {
  return match(pattern, path, 0);
}

}  // namespace asynclint::config
