#include "report/xml.hpp"

#include "source/utf8.hpp"

namespace asynclint::report {

std::string xmlEscaped(std::string_view text) {
  constexpr std::string_view replacement = "\xEF\xBF\xBD";
  std::string escaped;
  escaped.reserve(text.size());
  while (!text.empty()) {
    const auto invalid = utf8::firstInvalidByte(text);
    const std::string_view valid = text.substr(0, invalid.value_or(text.size()));
    for (const char character : valid) {
      switch (character) {
        case '&':
          escaped += "&amp;";
          break;
        case '<':
          escaped += "&lt;";
          break;
        case '>':
          escaped += "&gt;";
          break;
        case '"':
          escaped += "&quot;";
          break;
        case '\'':
          escaped += "&apos;";
          break;
        case '\n':
          escaped += "&#10;";
          break;
        case '\r':
          escaped += "&#13;";
          break;
        case '\t':
          escaped += "&#9;";
          break;
        default:
          if (static_cast<unsigned char>(character) < 0x20 || character == '\x7F') {
            escaped += replacement;
          } else {
            escaped += character;
          }
      }
    }
    if (!invalid) break;
    escaped += replacement;
    text.remove_prefix(*invalid + 1);
  }
  return escaped;
}

}  // namespace asynclint::report
