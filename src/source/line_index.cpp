#include "source/line_index.hpp"

#include <algorithm>

#include "source/utf8.hpp"

namespace asynclint {

LineIndex::LineIndex(std::string_view text) {
  lineStarts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') lineStarts_.push_back(i + 1);
  }
}

Position LineIndex::position(std::string_view text, std::size_t offset) const {
  offset = std::min(offset, text.size());
  const auto next = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  const auto lineNumber = static_cast<std::size_t>(next - lineStarts_.begin());
  const std::size_t lineStart = lineStarts_[lineNumber - 1];
  const std::size_t column = utf8::countCodePoints(text.substr(lineStart, offset - lineStart));
  return {static_cast<std::uint32_t>(lineNumber), static_cast<std::uint32_t>(column + 1)};
}

std::string_view LineIndex::lineText(std::string_view text, std::uint32_t line) const {
  if (line == 0 || line > lineStarts_.size()) return {};
  const std::size_t start = lineStarts_[line - 1];
  std::size_t end = line < lineStarts_.size() ? lineStarts_[line] - 1 : text.size();
  if (end > start && text[end - 1] == '\r') --end;
  return text.substr(start, end - start);
}

}  // namespace asynclint
