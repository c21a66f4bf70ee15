#include "suppression/inline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "engine/rule.hpp"
#include "rule_ids.hpp"
#include "schema/phrasing.hpp"
#include "source/json_pointer.hpp"
#include "suppression/comments.hpp"
#include "text/suggest.hpp"

namespace asynclint::suppression {
namespace {

using nlohmann::json;

constexpr std::string_view ignoreKey = "x-asynclint-ignore";

struct DirectiveName {
  std::string_view name;
  DirectiveKind kind;
};
constexpr DirectiveName directiveNames[] = {
    {"asynclint-disable-next-line", DirectiveKind::nextLine},
    {"asynclint-disable-file", DirectiveKind::file},
    {"asynclint-disable", DirectiveKind::disable},
    {"asynclint-enable", DirectiveKind::enable},
};

std::string_view trimmed(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") + 1 - begin);
}

std::vector<std::string> ruleIds(std::string_view list) {
  std::vector<std::string> ids;
  std::string current;
  for (const char c : list) {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!current.empty()) ids.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) ids.push_back(std::move(current));
  return ids;
}

// The directive a comment holds, if it is one: "asynclint-<word> ids -- reason".
std::optional<Directive> parseComment(std::string_view comment) {
  comment = trimmed(comment);
  if (!comment.starts_with("asynclint-")) return std::nullopt;
  comment = comment.substr(0, comment.find(" --"));
  const std::string_view word = comment.substr(0, comment.find_first_of(" \t"));
  Directive directive;
  directive.name = std::string(word);
  const auto known = std::find_if(std::begin(directiveNames), std::end(directiveNames),
                                  [&](const DirectiveName& d) { return d.name == word; });
  if (known == std::end(directiveNames)) {
    std::vector<std::string> names;
    for (const auto& d : directiveNames)
      names.emplace_back(d.name);
    directive.problem = fmt::format("unknown directive '{}'", word);
    if (const auto suggestion = text::closest(word, names))
      directive.problem += fmt::format(" (did you mean '{}'?)", *suggestion);
    return directive;
  }
  directive.kind = known->kind;
  directive.rules = ruleIds(comment.substr(word.size()));
  return directive;
}

void forgetTree(SourceMap& map, const json& node) {
  map.forget(&node);
  if (node.is_structured()) {
    for (const auto& child : node)
      forgetTree(map, child);
  }
}

Directive ignoreDirective(const Document& document, const std::string& objectPointer,
                          const json& value) {
  Directive directive;
  directive.kind = DirectiveKind::object;
  directive.name = std::string(ignoreKey);
  directive.pointer = objectPointer;
  directive.range = document.rangeOf(pointer::append(objectPointer, ignoreKey), Anchor::key);
  const bool listOfStrings =
      value.is_array() && !value.empty() &&
      std::all_of(value.begin(), value.end(), [](const json& item) { return item.is_string(); });
  if (value.is_string()) {
    directive.rules = {value.get<std::string>()};
  } else if (listOfStrings) {
    directive.rules = value.get<std::vector<std::string>>();
  } else {
    directive.problem =
        fmt::format("must be a list of rule ids; found {}", schema::describeFound(value));
  }
  return directive;
}

void takeIgnores(Document& document, json& node, const std::string& nodePointer,
                 std::vector<Directive>& directives) {
  if (node.is_object()) {
    if (const auto it = node.find(ignoreKey); it != node.end()) {
      directives.push_back(ignoreDirective(document, nodePointer, *it));
      forgetTree(document.sourceMap, *it);
      node.erase(it);
    }
    for (auto& [key, child] : node.items())
      takeIgnores(document, child, pointer::append(nodePointer, key), directives);
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i)
      takeIgnores(document, node[i], pointer::append(nodePointer, i), directives);
  }
}

// One rule id (empty: every rule) of one directive, and where it applies.
struct Entry {
  const Directive* directive;
  std::string rule;
  std::uint32_t firstLine = 0;
  std::uint32_t lastLine = std::numeric_limits<std::uint32_t>::max();
  bool used = false;
};

bool covers(const Entry& entry, const Diagnostic& finding) {
  if (!entry.rule.empty() && entry.rule != finding.rule) return false;
  const Directive& directive = *entry.directive;
  if (directive.kind == DirectiveKind::file) return true;
  if (directive.kind == DirectiveKind::object) {
    return directive.pointer.empty() || finding.pointer == directive.pointer ||
           finding.pointer.starts_with(directive.pointer + "/");
  }
  const std::uint32_t line = finding.range.start.line;
  return line != 0 && entry.firstLine <= line && line <= entry.lastLine;
}

using CustomRules = std::vector<std::shared_ptr<const engine::DocumentRule>>;

bool isCustom(const std::string& id, const CustomRules& custom) {
  return std::any_of(custom.begin(), custom.end(),
                     [&](const auto& rule) { return rule->info().id == id; });
}

bool suppressible(const Diagnostic& finding, const CustomRules& custom) {
  if (isCustom(finding.rule, custom)) return true;
  const engine::Rule* rule = engine::findRule(finding.rule);
  return rule != nullptr && rule->info().configurable != engine::Configurable::no &&
         finding.rule != ids::suppressionUnused;
}

std::optional<std::string> unknownRuleProblem(const std::string& id, const CustomRules& custom) {
  if (engine::findRule(id) != nullptr || isCustom(id, custom)) return std::nullopt;
  return engine::unknownRuleMessage(id);
}

class Collector {
 public:
  explicit Collector(const std::string& file) : file_(file) {}

  void unused(const Directive& directive, const std::string& message) {
    Diagnostic diagnostic;
    diagnostic.rule = ids::suppressionUnused;
    diagnostic.severity = Severity::warning;
    diagnostic.message = fmt::format("{}: {}", directive.name, message);
    diagnostic.file = file_;
    diagnostic.pointer = directive.kind == DirectiveKind::object
                             ? pointer::append(directive.pointer, ignoreKey)
                             : "";
    diagnostic.anchor = Anchor::key;
    diagnostic.range = directive.range;
    findings.push_back(std::move(diagnostic));
  }

  std::vector<Diagnostic> findings;

 private:
  const std::string& file_;
};

// The entries of every directive but `enable`, with the lines each `disable` spans.
std::vector<Entry> entriesOf(const std::vector<Directive>& directives, Collector& collector,
                             const CustomRules& custom) {
  std::vector<Entry> entries;
  std::vector<std::size_t> open;  // indexes into `entries` of disables not yet enabled again
  for (const auto& directive : directives) {
    if (!directive.problem.empty()) {
      collector.unused(directive, directive.problem);
      continue;
    }
    const std::uint32_t line = directive.range.start.line;
    std::vector<std::string> rules = directive.rules;
    if (rules.empty()) rules.emplace_back();
    for (const auto& rule : rules) {
      if (const auto problem = rule.empty() ? std::nullopt : unknownRuleProblem(rule, custom)) {
        collector.unused(directive, *problem);
        continue;
      }
      if (directive.kind != DirectiveKind::enable) {
        Entry entry{&directive, rule};
        if (directive.kind == DirectiveKind::nextLine) entry.firstLine = entry.lastLine = line + 1;
        if (directive.kind == DirectiveKind::disable) {
          entry.firstLine = line;
          open.push_back(entries.size());
        }
        entries.push_back(std::move(entry));
        continue;
      }
      const auto ended = std::erase_if(open, [&](std::size_t index) {
        const bool ends = rule.empty() || entries[index].rule == rule;
        if (ends) entries[index].lastLine = line;
        return ends;
      });
      if (ended == 0) {
        collector.unused(directive, rule.empty()
                                        ? std::string("no asynclint-disable to end")
                                        : fmt::format("no asynclint-disable of '{}' to end", rule));
      }
    }
  }
  return entries;
}

}  // namespace

std::vector<Directive> takeDirectives(Document& document) {
  std::vector<Directive> directives;
  if (document.format == SourceFormat::yaml) {
    for (const auto& comment : yamlComments(document.text)) {
      auto directive = parseComment(comment.text);
      if (!directive) continue;
      directive->range.start = document.lines.position(document.text, comment.offset);
      directive->range.end =
          document.lines.position(document.text, comment.offset + 1 + comment.text.size());
      directives.push_back(std::move(*directive));
    }
  }
  takeIgnores(document, document.root, "", directives);
  return directives;
}

std::vector<Diagnostic> applyDirectives(const std::vector<Directive>& directives,
                                        std::vector<Diagnostic>& findings, const std::string& file,
                                        const CustomRules& customRules) {
  Collector collector(file);
  std::vector<Entry> entries = entriesOf(directives, collector, customRules);
  std::erase_if(findings, [&](const Diagnostic& finding) {
    if (!suppressible(finding, customRules)) return false;
    bool suppressed = false;
    for (auto& entry : entries) {
      if (!covers(entry, finding)) continue;
      entry.used = true;
      suppressed = true;
    }
    return suppressed;
  });
  for (const auto& entry : entries) {
    if (entry.used) continue;
    collector.unused(*entry.directive,
                     entry.rule.empty()
                         ? std::string("suppresses nothing; remove it")
                         : fmt::format("no '{}' finding to suppress; remove it", entry.rule));
  }
  return std::move(collector.findings);
}

}  // namespace asynclint::suppression
