#include "suppression/comments.hpp"

#include <optional>

namespace asynclint::suppression {
namespace {

enum class Quote { none, single, double_ };

bool isSpace(char c) {
  return c == ' ' || c == '\t';
}

// A quote opens a scalar only where a token starts: not in `it's` or `say "hi"`.
bool opensQuote(std::string_view line, std::size_t at) {
  std::size_t before = at;
  while (before > 0 && isSpace(line[before - 1]))
    --before;
  if (before == 0) return true;
  const char previous = line[before - 1];
  const bool afterSpace = before < at;
  return previous == '[' || previous == '{' || previous == ',' ||
         (afterSpace && (previous == ':' || previous == '-' || previous == '?'));
}

// The column that lines of a block scalar started on this line must be indented beyond, when
// `code` (the line without its comment) ends with a block indicator such as `|`, `>-` or `|2`.
std::optional<std::size_t> blockScalarParent(std::string_view code) {
  std::size_t end = code.size();
  while (end > 0 && isSpace(code[end - 1]))
    --end;
  std::size_t indicator = end;
  while (indicator > 0 && (code[indicator - 1] == '-' || code[indicator - 1] == '+' ||
                           (code[indicator - 1] >= '0' && code[indicator - 1] <= '9')))
    --indicator;
  if (indicator == 0 || (code[indicator - 1] != '|' && code[indicator - 1] != '>'))
    return std::nullopt;
  --indicator;
  if (indicator > 0 && !isSpace(code[indicator - 1])) return std::nullopt;
  // The node holding the scalar starts after any "- " of sequence items on this line.
  std::size_t start = 0;
  while (start < code.size() && isSpace(code[start]))
    ++start;
  std::size_t lastDash = start;
  while (start + 1 < code.size() && code[start] == '-' && isSpace(code[start + 1])) {
    lastDash = start;
    start += 2;
    while (start < code.size() && isSpace(code[start]))
      ++start;
  }
  return start == indicator ? lastDash : start;
}

std::size_t indentation(std::string_view line) {
  std::size_t indent = 0;
  while (indent < line.size() && line[indent] == ' ')
    ++indent;
  return indent;
}

}  // namespace

std::vector<Comment> yamlComments(std::string_view text) {
  std::vector<Comment> comments;
  Quote quote = Quote::none;
  // The column a block scalar's lines are indented beyond, while inside one (an optional here
  // trips g++ 12's -Wmaybe-uninitialized at -O2).
  constexpr std::size_t noBlock = std::string_view::npos;
  std::size_t blockParent = noBlock;
  std::size_t lineStart = 0;
  while (lineStart < text.size()) {
    std::size_t lineEnd = text.find('\n', lineStart);
    if (lineEnd == std::string_view::npos) lineEnd = text.size();
    std::string_view line = text.substr(lineStart, lineEnd - lineStart);
    if (line.ends_with('\r')) line.remove_suffix(1);
    const bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
    if (blockParent != noBlock && (blank || indentation(line) > blockParent)) {
      lineStart = lineEnd + 1;
      continue;
    }
    blockParent = noBlock;
    std::size_t codeEnd = line.size();
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quote == Quote::double_) {
        if (c == '\\')
          ++i;
        else if (c == '"')
          quote = Quote::none;
      } else if (quote == Quote::single) {
        if (c == '\'' && i + 1 < line.size() && line[i + 1] == '\'')
          ++i;
        else if (c == '\'')
          quote = Quote::none;
      } else if (c == '#' && (i == 0 || isSpace(line[i - 1]))) {
        comments.push_back({lineStart + i, line.substr(i + 1)});
        codeEnd = i;
        break;
      } else if ((c == '"' || c == '\'') && opensQuote(line, i)) {
        quote = c == '"' ? Quote::double_ : Quote::single;
      }
    }
    if (quote == Quote::none)
      blockParent = blockScalarParent(line.substr(0, codeEnd)).value_or(noBlock);
    lineStart = lineEnd + 1;
  }
  return comments;
}

}  // namespace asynclint::suppression
