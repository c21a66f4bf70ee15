#include "report/style.hpp"

#include <fmt/format.h>

namespace asynclint::report {

std::string_view severityStyle(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "\033[1;31m";
    case Severity::warning:
      return "\033[1;33m";
    case Severity::info:
      return "\033[1;36m";
    case Severity::hint:
      return "\033[1;34m";
  }
  return "";
}

std::string Painter::operator()(std::string_view style, std::string_view text) const {
  if (!color_) return std::string(text);
  return fmt::format("{}{}\033[0m", style, text);
}

std::string indentedLines(std::string_view text, std::string_view indent) {
  std::string indented;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (text[i] == '\r' || text[i] == '\n') {
      indented += '\n';
      indented += indent;
    } else {
      indented += text[i];
    }
  }
  return indented;
}

std::string placeText(const std::string& file, const Range& range) {
  if (!range.known()) return file;
  return fmt::format("{}:{}:{}", file, range.start.line, range.start.column);
}

}  // namespace asynclint::report
