#include "text/string_formats.hpp"

#include <cctype>

namespace asynclint::text {
namespace {

bool isAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isHexDigit(char c) {
  return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool isIn(char c, std::string_view set) {
  return set.find(c) != std::string_view::npos;
}

bool isUriCharacter(char c) {
  return isAsciiAlpha(c) || isAsciiDigit(c) || isIn(c, "-._~!$&'()*+,;=:@/?#[]");
}

bool isSchemeCharacter(char c) {
  return isAsciiAlpha(c) || isAsciiDigit(c) || isIn(c, "+-.");
}

bool isAtomCharacter(char c) {
  return isAsciiAlpha(c) || isAsciiDigit(c) || isIn(c, "!#$%&'*+/=?^_`{|}~-");
}

bool isLabel(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
    return false;
  for (const char c : label) {
    if (!isAsciiAlpha(c) && !isAsciiDigit(c) && c != '-') return false;
  }
  return true;
}

}  // namespace

bool isUri(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || !isAsciiAlpha(text[0])) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    if (!isSchemeCharacter(text[i])) return false;
  }
  for (std::size_t i = colon + 1; i < text.size(); ++i) {
    if (text[i] == '%') {
      if (i + 2 >= text.size() || !isHexDigit(text[i + 1]) || !isHexDigit(text[i + 2]))
        return false;
      i += 2;
    } else if (!isUriCharacter(text[i])) {
      return false;
    }
  }
  return true;
}

bool isEmail(std::string_view text) {
  const auto at = text.rfind('@');
  if (at == std::string_view::npos) return false;
  const std::string_view local = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  if (local.empty() || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos)
    return false;
  for (const char c : local) {
    if (c != '.' && !isAtomCharacter(c)) return false;
  }
  std::size_t labels = 0;
  for (std::size_t start = 0;;) {
    const auto dot = domain.find('.', start);
    if (!isLabel(domain.substr(start, dot - start))) return false;
    ++labels;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels >= 2;
}

}  // namespace asynclint::text
