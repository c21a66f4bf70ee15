#include "text/strings.hpp"

#include <cerrno>
#include <charconv>
#include <cstdlib>

namespace asynclint::text {

bool isBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string asciiLowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

std::string oneLine(std::string_view text) {
  std::string shown;
  for (const char c : text) {
    switch (c) {
      case '\n':
        shown += "\\n";
        break;
      case '\r':
        shown += "\\r";
        break;
      case '\t':
        shown += "\\t";
        break;
      default:
        shown += c;
    }
  }
  return shown;
}

std::optional<double> wholeDouble(std::string_view text) {
#if defined(__cpp_lib_to_chars)
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
#else
  // libc++ before 17 (emscripten 3.1.6, the WebAssembly build) has no from_chars for double:
  // strtod, held to from_chars' grammar (strtod also takes leading space, '+' and hexadecimal).
  const std::string_view digits = text.substr(text.starts_with('-') ? 1 : 0);
  if (digits.empty() || digits.front() == '+' || digits.front() == '-' ||
      isBlank(digits.substr(0, 1)) || digits.starts_with("0x") || digits.starts_with("0X")) {
    return std::nullopt;
  }
  const std::string copy(text);  // strtod needs the terminating NUL
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(copy.c_str(), &end);
  if (errno == ERANGE || end != copy.c_str() + copy.size()) return std::nullopt;
  return value;
#endif
}

}  // namespace asynclint::text
