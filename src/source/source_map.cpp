#include "source/source_map.hpp"

#include "source/json_pointer.hpp"

namespace asynclint {
namespace {

bool isBlank(char c) {
  return c == ' ' || c == '\t';
}
bool isLineEnd(char c) {
  return c == '\n' || c == '\r';
}

std::size_t skipProperties(std::string_view text, std::size_t at) {
  while (at < text.size() && (text[at] == '&' || text[at] == '!')) {
    while (at < text.size() && !isBlank(text[at]) && !isLineEnd(text[at]))
      ++at;
    while (at < text.size() && isBlank(text[at]))
      ++at;
  }
  return at;
}

std::size_t quotedEnd(std::string_view text, std::size_t begin) {
  const char quote = text[begin];
  for (std::size_t i = begin + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return text.size();
}

std::size_t plainEnd(std::string_view text, std::size_t begin, bool inFlow) {
  std::size_t end = begin;
  for (std::size_t i = begin; i < text.size() && !isLineEnd(text[i]); ++i) {
    const char c = text[i];
    const bool nextEndsToken =
        i + 1 >= text.size() || isBlank(text[i + 1]) || isLineEnd(text[i + 1]) ||
        (inFlow && (text[i + 1] == ',' || text[i + 1] == ']' || text[i + 1] == '}'));
    if (c == ':' && nextEndsToken) break;
    if (c == '#' && i > begin && isBlank(text[i - 1])) break;
    if (inFlow && (c == ',' || c == ']' || c == '}' || c == '[' || c == '{')) break;
    if (!isBlank(c)) end = i + 1;
  }
  return end;
}

std::size_t lineEnd(std::string_view text, std::size_t begin) {
  std::size_t end = begin;
  for (std::size_t i = begin; i < text.size() && !isLineEnd(text[i]); ++i) {
    if (!isBlank(text[i])) end = i + 1;
  }
  return end;
}

Range rangeOf(std::string_view text, const LineIndex& lines, std::uint32_t offset, bool inFlow) {
  return offset == NodeSpans::none ? Range{} : tokenRange(text, lines, offset, inFlow);
}

}  // namespace

Range tokenRange(std::string_view text, const LineIndex& lines, std::uint32_t beginOffset,
                 bool inFlow) {
  const std::size_t begin = skipProperties(text, beginOffset);
  std::size_t end = begin;
  if (begin < text.size()) {
    const char first = text[begin];
    if (first == '"' || first == '\'') {
      end = quotedEnd(text, begin);
    } else if (first == '{' || first == '[' || first == '|' || first == '>' || first == '-') {
      end = lineEnd(text, begin);
    } else {
      end = plainEnd(text, begin, inFlow);
    }
  }
  if (end == begin && begin < text.size()) end = begin + 1;
  return {lines.position(text, begin), lines.position(text, end)};
}

const NodeSpans* SourceMap::find(const nlohmann::json* node) const {
  return spans_.find(node);
}

Located SourceMap::locate(const nlohmann::json& root, std::string_view pointerText,
                          std::string_view text, const LineIndex& lines) const {
  Located located;
  const auto tokens = pointer::split(pointerText);
  if (!tokens) {
    located.value = rangeOf(text, lines, root_.value, root_.inFlow);
    return located;
  }
  const nlohmann::json* node = &root;
  const NodeSpans* found = &root_;
  located.exact = true;
  for (const auto& token : *tokens) {
    const nlohmann::json* next = pointer::child(*node, token);
    const NodeSpans* spans = next != nullptr ? find(next) : nullptr;
    if (spans == nullptr) {
      located.exact = false;
      break;
    }
    node = next;
    found = spans;
    located.pointer = pointer::append(located.pointer, token);
  }
  // Ranges are read from the text only for the node that was reached.
  located.key = rangeOf(text, lines, found->key, found->inFlow);
  located.value = rangeOf(text, lines, found->value, found->inFlow);
  return located;
}

}  // namespace asynclint
