// HTML in a description that runs as code, or embeds a page, once Markdown is rendered.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/context.hpp"
#include "source/json_pointer.hpp"
#include "text/strings.hpp"

namespace asynclint::engine {
namespace {

bool isAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Blanks out code spans (`...`, ``...``, and ``` fences, which close on the same run of
// backticks): Markdown shows their content as text. Linear: each run of backticks is paired
// with the next run of the same length, found through a table built backwards.
void blankCodeSpans(std::string& text) {
  struct Run {
    std::size_t begin;
    std::size_t length;
  };
  std::vector<Run> runs;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '`') {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < text.size() && text[i] == '`') {
      ++i;
    }
    runs.push_back({begin, i - begin});
  }
  std::vector<std::size_t> closing(runs.size(), runs.size());
  std::unordered_map<std::size_t, std::size_t> nextOfLength;
  for (std::size_t i = runs.size(); i-- > 0;) {
    if (const auto next = nextOfLength.find(runs[i].length); next != nextOfLength.end()) {
      closing[i] = next->second;
    }
    nextOfLength[runs[i].length] = i;
  }
  for (std::size_t i = 0; i < runs.size();) {
    if (closing[i] == runs.size()) {
      ++i;
      continue;
    }
    const Run& close = runs[closing[i]];
    std::fill(text.begin() + static_cast<std::ptrdiff_t>(runs[i].begin),
              text.begin() + static_cast<std::ptrdiff_t>(close.begin + close.length), ' ');
    i = closing[i] + 1;
  }
}

struct Hit {
  std::size_t at;
  std::string what;
};

// The first `<name` that opens an element of that name (not `<scripts`).
std::size_t findElement(const std::string& lower, std::string_view name) {
  for (std::size_t at = lower.find(name); at != std::string::npos; at = lower.find(name, at + 1)) {
    const std::size_t after = at + name.size();
    if (after == lower.size() || !(isAsciiLetter(lower[after]) || lower[after] == '-' ||
                                   (lower[after] >= '0' && lower[after] <= '9'))) {
      return at;
    }
  }
  return std::string::npos;
}

// `javascript:` where a link target starts: [text](javascript:...), <javascript:...>,
// href="javascript:..." or a link reference definition [label]: javascript:...; mere mentions of
// the word are left alone.
std::size_t findJavascriptLink(const std::string& lower) {
  constexpr std::string_view scheme = "javascript:";
  for (std::size_t at = lower.find(scheme); at != std::string::npos;
       at = lower.find(scheme, at + 1)) {
    std::size_t before = at;
    while (before > 0 &&
           (isSpace(lower[before - 1]) || lower[before - 1] == '"' || lower[before - 1] == '\'')) {
      --before;
    }
    if (before == 0) continue;
    const char previous = lower[before - 1];
    if (previous == '(' || previous == '=' || previous == '<') return at;
    if (previous == ':' && before >= 2 && lower[before - 2] == ']') return at;
  }
  return std::string::npos;
}

// An `on...=` attribute inside an HTML tag, e.g. <img src=x onerror=alert(1)>. A tag ends at
// `>` or at the next `<`, so each character is looked at once.
std::optional<Hit> findEventHandler(const std::string& lower, const std::string& original) {
  std::size_t open = lower.find('<');
  while (open != std::string::npos) {
    std::size_t end = open + 1;
    if (end < lower.size() && isAsciiLetter(lower[end])) {
      for (; end < lower.size() && lower[end] != '>' && lower[end] != '<'; ++end) {
        const char previous = lower[end - 1];
        const bool startsAttribute =
            isSpace(previous) || previous == '/' || previous == '"' || previous == '\'';
        if (!startsAttribute || lower.compare(end, 2, "on") != 0) continue;
        std::size_t name = end + 2;
        while (name < lower.size() && isAsciiLetter(lower[name])) {
          ++name;
        }
        if (name == end + 2) continue;
        std::size_t equals = name;
        while (equals < lower.size() && isSpace(lower[equals])) {
          ++equals;
        }
        if (equals < lower.size() && lower[equals] == '=') {
          return Hit{end, fmt::format("an event handler attribute '{}='",
                                      original.substr(end, name - end))};
        }
      }
    }
    open = lower.find('<', end);
  }
  return std::nullopt;
}

// What in `text` would run or embed content once rendered, in order of appearance.
std::vector<std::string> unsafeParts(const std::string& text) {
  std::string lower = text::asciiLowercase(text);
  blankCodeSpans(lower);
  std::vector<Hit> hits;
  const auto add = [&hits](std::size_t at, const char* what) {
    if (at != std::string::npos) hits.push_back({at, what});
  };
  add(findElement(lower, "<script"), "a <script> element");
  add(findJavascriptLink(lower), "a javascript: link");
  add(findElement(lower, "<iframe"), "an <iframe>");
  add(lower.find("data:text/html"), "a data:text/html URL");
  if (auto handler = findEventHandler(lower, text)) hits.push_back(std::move(*handler));
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.at < b.at; });
  std::vector<std::string> parts;
  for (auto& hit : hits) {
    parts.push_back(std::move(hit.what));
  }
  return parts;
}

std::string joinWithAnd(const std::vector<std::string>& parts) {
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) joined += i + 1 == parts.size() ? " and " : ", ";
    joined += parts[i];
  }
  return joined;
}

class MarkdownUnsafe final : public DocumentRule {
 public:
  MarkdownUnsafe()
      : DocumentRule(
            {.id = "markdown-unsafe",
             .severity = Severity::warning,
             .summary =
                 "A description holds HTML or links that run code when the Markdown is rendered",
             .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    // An example may well hold a "description": only structural ones are read.
    model::forEachStructuralNode(context.root(), [&](std::string_view field, const std::string& at,
                                                     const nlohmann::json& value) {
      if (field != "description" || !value.is_string()) return;
      const auto parts = unsafeParts(value.get_ref<const std::string&>());
      if (parts.empty()) return;
      const char* them = parts.size() == 1 ? "it" : "them";
      context.report(at, fmt::format("description contains {}: documentation portals that "
                                     "render Markdown as HTML would run {} in their readers' "
                                     "browsers; remove {}, or put {} in a code span",
                                     joinWithAnd(parts), them, them, them));
    });
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::MarkdownUnsafe)
