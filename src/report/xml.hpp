// Escaping for the XML formats (junit, checkstyle).
#pragma once

#include <string>
#include <string_view>

namespace asynclint::report {

// Text fit for XML 1.0 content and double-quoted attributes: markup characters become entities,
// CR and LF character references (attribute values would otherwise fold them into spaces), and
// characters XML 1.0 forbids (other control characters, invalid UTF-8) U+FFFD.
std::string xmlEscaped(std::string_view text);

constexpr std::string_view xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

}  // namespace asynclint::report
