#include "source/utf8.hpp"

namespace asynclint::utf8 {
namespace {

bool isContinuation(unsigned char byte) {
  return (byte & 0xC0U) == 0x80U;
}

// Length of the well-formed sequence that starts at `i`, or 0 when it is malformed.
std::size_t sequenceLength(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80U) return 1;
  std::size_t length = 0;
  unsigned char minSecond = 0x80U;
  unsigned char maxSecond = 0xBFU;
  if (lead >= 0xC2U && lead <= 0xDFU) {
    length = 2;
  } else if (lead >= 0xE0U && lead <= 0xEFU) {
    length = 3;
    if (lead == 0xE0U) minSecond = 0xA0U;  // overlong
    if (lead == 0xEDU) maxSecond = 0x9FU;  // UTF-16 surrogates
  } else if (lead >= 0xF0U && lead <= 0xF4U) {
    length = 4;
    if (lead == 0xF0U) minSecond = 0x90U;  // overlong
    if (lead == 0xF4U) maxSecond = 0x8FU;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  const auto second = static_cast<unsigned char>(text[i + 1]);
  if (second < minSecond || second > maxSecond) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (!isContinuation(static_cast<unsigned char>(text[i + k]))) return 0;
  }
  return length;
}

}  // namespace

std::optional<std::size_t> firstInvalidByte(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = sequenceLength(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

std::size_t countCodePoints(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if (!isContinuation(static_cast<unsigned char>(c))) ++count;
  }
  return count;
}

std::size_t skipCodePoints(std::string_view text, std::size_t from, std::size_t codePoints) {
  std::size_t at = from;
  for (; codePoints > 0 && at < text.size(); --codePoints) {
    ++at;
    while (at < text.size() && isContinuation(static_cast<unsigned char>(text[at])))
      ++at;
  }
  return at;
}

}  // namespace asynclint::utf8
