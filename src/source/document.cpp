#include "source/document.hpp"

namespace asynclint {

Range Document::rangeOf(std::string_view pointer, Anchor anchor) const {
  const Located located = locate(pointer);
  const bool wantsKey = anchor == Anchor::key || !located.exact;
  return wantsKey && located.key.known() ? located.key : located.value;
}

void Document::place(Diagnostic& diagnostic) const {
  if (!diagnostic.range.known()) diagnostic.range = rangeOf(diagnostic.pointer, diagnostic.anchor);
  for (auto& related : diagnostic.related) {
    if (!related.range.known() && related.file == diagnostic.file)
      related.range = rangeOf(related.pointer, Anchor::key);
  }
}

bool isAsyncApiDocument(const Document& document) {
  return document.root.is_object() && document.root.contains("asyncapi");
}

namespace {

// After `asyncapi` (its closing quote, if any, passed): blanks, then a colon.
bool colonFollows(std::string_view text, std::size_t at, char quote) {
  if (quote != '\0') {
    if (at >= text.size() || text[at] != quote) return false;
    ++at;
  }
  while (at < text.size() &&
         (text[at] == ' ' || text[at] == '\t' || text[at] == '\r' || text[at] == '\n'))
    ++at;
  return at < text.size() && text[at] == ':';
}

}  // namespace

bool mayBeAsyncApiText(std::string_view text) {
  constexpr std::string_view key = "asyncapi";
  for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
    const char before = at == 0 ? '\n' : text[at - 1];
    const std::size_t after = at + key.size();
    if (before == '"' && colonFollows(text, after, '"')) return true;  // JSON, at any depth
    const bool quoted = before == '\'' || before == '"';
    const std::size_t lineStart = quoted ? at - 1 : at;
    const bool atLineStart = lineStart == 0 || text[lineStart - 1] == '\n';
    if (atLineStart && colonFollows(text, after, quoted ? before : '\0')) return true;
  }
  return false;
}

}  // namespace asynclint
