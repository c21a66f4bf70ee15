#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"

namespace asynclint {

// Turns byte offsets into 1-based lines and code-point columns. Lines end at LF; a CR before it
// belongs to the line end, so CRLF files count like LF files.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  // `text` is the text the index was built from (the index keeps no reference to it, so that
  // the owner of both may move).
  Position position(std::string_view text, std::size_t offset) const;
  // The text of 1-based `line` without its line end; empty past the last line.
  std::string_view lineText(std::string_view text, std::uint32_t line) const;
  std::size_t lineCount() const { return lineStarts_.size(); }

 private:
  std::vector<std::size_t> lineStarts_;
};

}  // namespace asynclint
