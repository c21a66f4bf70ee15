#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace asynclint::utf8 {

// Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629: no
// overlongs, no surrogates, nothing above U+10FFFF), or nullopt when all of `text` is valid.
std::optional<std::size_t> firstInvalidByte(std::string_view text);

// Number of code points in `text`, assuming valid UTF-8 (continuation bytes are not counted).
std::size_t countCodePoints(std::string_view text);

// The byte offset `codePoints` code points after byte offset `from` (which starts one), assuming
// valid UTF-8; the end of `text` if it has fewer. The inverse of countCodePoints.
std::size_t skipCodePoints(std::string_view text, std::size_t from, std::size_t codePoints);

}  // namespace asynclint::utf8
