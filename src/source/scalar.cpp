#include "source/scalar.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>

namespace asynclint {
namespace {

bool isOneOf(std::string_view value, std::initializer_list<std::string_view> options) {
  for (auto option : options) {
    if (value == option) return true;
  }
  return false;
}

bool allDigits(std::string_view text, int base) {
  if (text.empty()) return false;
  for (char c : text) {
    const bool digit = base == 16  ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                       : base == 8 ? (c >= '0' && c <= '7')
                                   : (c >= '0' && c <= '9');
    if (!digit) return false;
  }
  return true;
}

std::optional<nlohmann::json> parseInteger(std::string_view text) {
  int base = 10;
  bool negative = false;
  std::string_view digits = text;
  if (text.starts_with("0o")) {
    base = 8;
    digits.remove_prefix(2);
  } else if (text.starts_with("0x")) {
    base = 16;
    digits.remove_prefix(2);
  } else {
    if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) {
      negative = digits.front() == '-';
      digits.remove_prefix(1);
    }
  }
  if (!allDigits(digits, base)) return std::nullopt;
  std::uint64_t magnitude = 0;
  const auto [end, error] =
      std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
  if (error == std::errc::result_out_of_range) {
    // Too large for 64 bits: keep the value, losing precision, as JSON parsers do.
    return nlohmann::json(std::strtod(std::string(text).c_str(), nullptr));
  }
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  if (!negative) {
    if (magnitude <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return nlohmann::json(static_cast<std::int64_t>(magnitude));
    }
    return nlohmann::json(magnitude);
  }
  constexpr auto minMagnitude =
      static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1;
  if (magnitude == minMagnitude) return nlohmann::json(std::numeric_limits<std::int64_t>::min());
  if (magnitude > minMagnitude) return nlohmann::json(-static_cast<double>(magnitude));
  return nlohmann::json(-static_cast<std::int64_t>(magnitude));
}

std::size_t digitsFrom(std::string_view text, std::size_t at) {
  while (at < text.size() && text[at] >= '0' && text[at] <= '9')
    ++at;
  return at;
}

// YAML 1.2's core schema float, [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?, read by hand.
bool isCoreFloat(std::string_view text) {
  std::size_t at = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
  const std::size_t integerEnd = digitsFrom(text, at);
  if (integerEnd == at) {  // no integer part: a fraction with digits is required
    if (at >= text.size() || text[at] != '.') return false;
    const std::size_t fractionEnd = digitsFrom(text, at + 1);
    if (fractionEnd == at + 1) return false;
    at = fractionEnd;
  } else {
    at = integerEnd;
    if (at < text.size() && text[at] == '.') at = digitsFrom(text, at + 1);
  }
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    ++at;
    if (at < text.size() && (text[at] == '-' || text[at] == '+')) ++at;
    const std::size_t exponentEnd = digitsFrom(text, at);
    if (exponentEnd == at) return false;
    at = exponentEnd;
  }
  return at == text.size();
}

std::optional<nlohmann::json> parseFloat(std::string_view text) {
  std::string_view body = text;
  const bool negative = !body.empty() && body.front() == '-';
  if (!body.empty() && (body.front() == '-' || body.front() == '+')) body.remove_prefix(1);
  if (isOneOf(body, {".inf", ".Inf", ".INF"})) {
    const double infinity = std::numeric_limits<double>::infinity();
    return nlohmann::json(negative ? -infinity : infinity);
  }
  if (isOneOf(text, {".nan", ".NaN", ".NAN"})) {
    return nlohmann::json(std::numeric_limits<double>::quiet_NaN());
  }
  if (text.size() > 400 || !isCoreFloat(text)) return std::nullopt;
  return nlohmann::json(std::strtod(std::string(text).c_str(), nullptr));
}

nlohmann::json resolvePlain(const std::string& value) {
  if (isCoreNull(value)) return nullptr;
  if (isOneOf(value, {"true", "True", "TRUE"})) return true;
  if (isOneOf(value, {"false", "False", "FALSE"})) return false;
  const char first = value.front();
  if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
    if (auto integer = parseInteger(value)) return *integer;
    if (auto number = parseFloat(value)) return *number;
  }
  return value;
}

}  // namespace

bool isCoreNull(std::string_view text) {
  return isOneOf(text, {"", "~", "null", "Null", "NULL"});
}

nlohmann::json typeScalar(std::string_view tag, ScalarStyle style, const std::string& value) {
  constexpr std::string_view core = "tag:yaml.org,2002:";
  if (tag.starts_with(core)) {
    const std::string_view type = tag.substr(core.size());
    if (type == "str") return value;
    const nlohmann::json resolved = resolvePlain(value);
    const bool matches = (type == "int" && resolved.is_number_integer()) ||
                         (type == "float" && resolved.is_number()) ||
                         (type == "bool" && resolved.is_boolean()) ||
                         (type == "null" && resolved.is_null());
    return matches ? resolved : nlohmann::json(value);
  }
  if (style == ScalarStyle::quoted) return value;
  return resolvePlain(value);
}

}  // namespace asynclint
