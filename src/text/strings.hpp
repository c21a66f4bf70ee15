// Small string helpers shared by the rules: what counts as blank, ASCII case folding, and keeping
// a message on one line.
#pragma once

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

}  // namespace asynclint::text
