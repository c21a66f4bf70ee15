// Small string helpers shared by the rules: what counts as blank, ASCII case folding, keeping
// a message on one line, reading a number.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace asynclint::text {

// True when `text` holds nothing but spaces, tabs and line breaks (or nothing at all).
bool isBlank(std::string_view text);

// `text` with A-Z turned into a-z and every other byte kept: media types, host names and
// keywords compare without case, and non-ASCII text is left alone.
std::string asciiLowercase(std::string_view text);

// `text` with line breaks and tabs escaped (\n, \r, \t), so that a message quoting it stays on
// one line of output.
std::string oneLine(std::string_view text);

// The number that all of `text` spells, read as std::from_chars reads a double (an optional '-',
// no leading space or '+', no hexadecimal; inf and nan), or nullopt: not a number, text after it,
// or out of a double's range.
std::optional<double> wholeDouble(std::string_view text);

}  // namespace asynclint::text
