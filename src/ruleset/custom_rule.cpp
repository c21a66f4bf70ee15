#include "ruleset/custom_rule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <regex>

#include "engine/context.hpp"
#include "ruleset/ruleset.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::ruleset {
using nlohmann::json;

namespace {

// A value a function is run on: a node of the document, a key (owned), or undefined.
struct Target {
  std::string pointer;
  const json* value = nullptr;
  std::shared_ptr<json> owned;
};

// lodash's toPath: "a.b[0]['c d']" -> a, b, 0, c d.
std::vector<std::string> lodashPath(const std::string& field) {
  std::vector<std::string> tokens;
  std::string current;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    if (c == '.') {
      tokens.push_back(current);
      current.clear();
    } else if (c == '[') {
      if (!current.empty()) tokens.push_back(current);
      current.clear();
      const std::size_t close = field.find(']', i);
      std::string inner =
          field.substr(i + 1, close == std::string::npos ? std::string::npos : close - i - 1);
      if (inner.size() >= 2 && (inner.front() == '\'' || inner.front() == '"') &&
          inner.back() == inner.front())
        inner = inner.substr(1, inner.size() - 2);
      tokens.push_back(inner);
      i = close == std::string::npos ? field.size() : close;
      if (i + 1 < field.size() && field[i + 1] == '.') ++i;
      continue;
    } else {
      current += c;
    }
  }
  if (!current.empty() || field.empty() || field.back() == '.') tokens.push_back(current);
  return tokens;
}

// Spectral's printPath(..., Dot): a.b[0]['c d']
std::string dotPath(const std::vector<std::string>& tokens) {
  static const std::regex numeric(R"(^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$)");
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& token = tokens[i];
    if (token.empty()) {
      out += "['']";
    } else if (token.find_first_of(" \t\n\r\f\v") != std::string::npos) {
      out += "['" + token + "']";
    } else if (std::regex_match(token, numeric)) {
      out += "[" + token + "]";
    } else {
      out += (i == 0 ? "" : ".") + token;
    }
  }
  return out;
}

// JavaScript's String(value) for {{value}}.
std::string jsString(const json* value) {
  if (value == nullptr) return "undefined";
  if (value->is_string()) return value->get<std::string>();
  if (value->is_object()) return "[object Object]";
  if (value->is_array()) {
    std::string out;
    for (std::size_t i = 0; i < value->size(); ++i) {
      if (i > 0) out += ',';
      const json& item = (*value)[i];
      if (!item.is_null()) out += jsString(&item);
    }
    return out;
  }
  return value->dump();
}

struct MessageVars {
  std::string property;
  std::string error;
  std::string path;
  std::optional<std::string> description;
  const json* value = nullptr;
};

// Spectral's message templates: {{name}} is a variable as text; #{{print("property")}} and
// #{{print("value")}} as its print function gives them; unknown names are empty.
struct Placeholder {
  std::size_t start = 0;  // of the '#' or the first '{'
  std::size_t end = 0;    // past the closing "}}"
  std::string_view name;
  bool evaluate = false;  // #{{...}}
};

// The first placeholder at or after `from`: what the regular expression #?\{\{([^}\n]+)\}\}
// finds (a template is rendered once per finding, too often for std::regex).
std::optional<Placeholder> nextPlaceholder(std::string_view text, std::size_t from) {
  for (std::size_t open = text.find("{{", from); open != std::string_view::npos;
       open = text.find("{{", open + 1)) {
    const std::size_t close = text.find_first_of("}\n", open + 2);
    if (close == open + 2 || close == std::string_view::npos ||
        !text.substr(close).starts_with("}}"))
      continue;
    const bool evaluate = open > from && text[open - 1] == '#';
    return Placeholder{evaluate ? open - 1 : open, close + 2,
                       text.substr(open + 2, close - open - 2), evaluate};
  }
  return std::nullopt;
}

std::string render(const std::string& text, const MessageVars& vars) {
  std::string out;
  std::size_t last = 0;
  for (auto placeholder = nextPlaceholder(text, 0); placeholder;
       placeholder = nextPlaceholder(text, last)) {
    out += text.substr(last, placeholder->start - last);
    last = placeholder->end;
    const std::string_view name = placeholder->name;
    const bool evaluate = placeholder->evaluate;
    if (evaluate) {
      if (name == "print(\"property\")" || name == "print('property')") {
        out += vars.property.empty() ? "The document " : "\"" + vars.property + "\" property ";
      } else if (name == "print(\"value\")" || name == "print('value')") {
        out += printValue(vars.value);
      } else if (name == "error" || name == "path" || name == "property") {
        out += name == "error" ? vars.error : (name == "path" ? vars.path : vars.property);
      } else if (name == "description") {
        out += vars.description.value_or("");
      } else if (name == "value") {
        out += jsString(vars.value);
      }
      continue;
    }
    if (name == "error") {
      out += vars.error;
    } else if (name == "path") {
      out += vars.path;
    } else if (name == "property") {
      out += vars.property;
    } else if (name == "description") {
      out += vars.description ? *vars.description : "null";
    } else if (name == "value") {
      out += jsString(vars.value);
    }
  }
  out += text.substr(last);
  return out;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\n\r");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\n\r") - first + 1);
}

class CustomRule : public engine::DocumentRule {
 public:
  explicit CustomRule(RuleDefinition definition)
      : DocumentRule(infoOf(definition)), definition_(std::move(definition)) {}

  void check(engine::RuleContext& context) const override {
    const json& root = context.root();
    if (!definition_.formats.empty() && !matchesFormats(definition_.formats, root)) return;
    jsonpath::RefFollower follow;
    if (definition_.resolved) {
      follow = [&context](const json& node) -> std::optional<jsonpath::RefTarget> {
        const auto resolved = context.follow(node);
        if (!resolved || resolved->node == nullptr) return std::nullopt;
        return jsonpath::RefTarget{resolved->node, resolved->pointer};
      };
    }
    const json except = context.option(exceptOption);
    const auto targets = aliasTargetsFor(root);
    const jsonpath::DescentSource descents = descentsOf(context, follow);
    for (const Given& given : definition_.given) {
      if (!given.scopedAlias.empty()) {
        const auto chosen = targets.find(given.scopedAlias);
        if (chosen == targets.end() || chosen->second != given.target) continue;
      }
      for (const auto& match : given.path.evaluate(root, follow, descents)) {
        for (const Then& then : definition_.then)
          apply(context, match, then, follow, except);
      }
    }
  }

 private:
  RuleDefinition definition_;

  // `$..` descents walk the whole document: the custom rules of a document share each walk
  // (resolved or raw, revisiting reference targets or not) through the run's memo.
  jsonpath::DescentSource descentsOf(const engine::RuleContext& context,
                                     const jsonpath::RefFollower& follow) const {
    engine::DocumentMemo* memo = context.memo();
    if (memo == nullptr) return {};
    const json& root = context.root();
    const bool resolved = definition_.resolved;
    const model::RefIndex& refs = context.refs();
    return [memo, &root, &follow, &refs, resolved](bool revisit) {
      const std::string key = fmt::format("jsonpath-descent:{}:{}", resolved ? "resolved" : "raw",
                                          revisit ? "revisit" : "once");
      return memo->get<jsonpath::Descent>(key, [&] {
        const jsonpath::TargetTest isTarget = [&refs](const json& node) {
          return refs.isTarget(node);
        };
        return jsonpath::Path::descend(root, follow, revisit, resolved ? isTarget : nullptr);
      });
    };
  }

  // For each alias with targets by format, the target that applies to the document at `root`:
  // the last one naming a format of the document, among the formats the ruleset registers.
  std::map<std::string, std::size_t> aliasTargetsFor(const json& root) const {
    std::vector<std::string> documentFormats;
    for (const auto& format : definition_.registeredFormats)
      if (matchesFormats({format}, root)) documentFormats.push_back(format);
    std::map<std::string, std::size_t> chosen;
    for (const Given& given : definition_.given) {
      if (given.scopedAlias.empty()) continue;
      const bool matches =
          std::any_of(given.formats.begin(), given.formats.end(), [&](const std::string& format) {
            return std::find(documentFormats.begin(), documentFormats.end(), format) !=
                   documentFormats.end();
          });
      if (!matches) continue;
      auto [entry, added] = chosen.emplace(given.scopedAlias, given.target);
      if (!added) entry->second = std::max(entry->second, given.target);
    }
    return chosen;
  }

  static engine::RuleInfo infoOf(const RuleDefinition& definition) {
    engine::RuleInfo info;
    info.id = definition.name;
    info.severity = definition.severity;
    info.recommended = definition.enabled;
    const std::string description = definition.description.value_or("");
    info.summary = description.substr(0, description.find('\n'));
    info.versions = engine::Versions::all;
    info.kind = engine::RuleKind::custom;
    info.origin = definition.origin;
    return info;
  }

  std::vector<Target> targetsOf(const jsonpath::Match& match, const Then& then,
                                const jsonpath::RefFollower& follow) const {
    std::vector<Target> targets;
    const json& value = *match.value;
    if (!value.is_structured() || !then.field) {
      targets.push_back({match.pointer, match.value, nullptr});
    } else if (*then.field == "@key") {
      if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
          auto key = std::make_shared<json>(it.key());
          targets.push_back({pointer::append(match.pointer, it.key()), key.get(), key});
        }
      } else {
        for (std::size_t i = 0; i < value.size(); ++i) {
          auto key = std::make_shared<json>(std::to_string(i));
          targets.push_back({pointer::append(match.pointer, i), key.get(), key});
        }
      }
    } else if (then.fieldPath) {
      for (auto& found : then.fieldPath->evaluateFrom(value, match.pointer, follow))
        targets.push_back({std::move(found.pointer), found.value, nullptr});
    } else {
      std::string pointer = match.pointer;
      const json* node = &value;
      for (const auto& token : lodashPath(*then.field)) {
        pointer = pointer::append(pointer, token);
        node = node == nullptr ? nullptr : pointer::child(*node, token);
      }
      targets.push_back({pointer, node, nullptr});
    }
    if (targets.empty()) targets.push_back({match.pointer, nullptr, nullptr});
    return targets;
  }

  void apply(engine::RuleContext& context, const jsonpath::Match& match, const Then& then,
             const jsonpath::RefFollower& follow, const json& except) const {
    if (!then.function) return;
    for (const Target& target : targetsOf(match, then, follow)) {
      const FunctionInput input{target.value, target.pointer, context.root(), context.refs(),
                                &context};
      for (const auto& result : then.function->run(input))
        report(context, result, result.pointer.value_or(target.pointer), except);
    }
  }

  void report(engine::RuleContext& context, const FunctionResult& result, const std::string& full,
              const json& except) const {
    // The closest node that exists: Spectral reports there, and names what is missing.
    auto tokens = pointer::split(full).value_or(std::vector<std::string>{});
    std::string closest;
    const json* node = &context.root();
    std::size_t found = 0;
    for (; found < tokens.size(); ++found) {
      const json* next = pointer::child(*node, tokens[found]);
      if (next == nullptr) break;
      node = next;
      closest = pointer::append(closest, tokens[found]);
    }
    if (isExcepted(closest, except)) return;
    MessageVars vars;
    if (found < tokens.size()) {
      const std::size_t from = found == 0 ? tokens.size() - 1 : found - 1;
      vars.property = dotPath({tokens.begin() + static_cast<std::ptrdiff_t>(from), tokens.end()});
    } else if (!tokens.empty()) {
      vars.property = tokens.back();
    }
    vars.path = "#" + closest;
    vars.description = definition_.description;
    vars.value = node;
    vars.error = render(result.message, vars);
    std::string message;
    if (definition_.message) {
      message = render(*definition_.message, vars);
    } else {
      message = definition_.description.value_or(vars.error);
    }
    context.report(closest, trimmed(message), Anchor::key);
  }

  static bool isExcepted(const std::string& pointer, const json& except) {
    if (!except.is_array()) return false;
    for (const auto& entry : except) {
      if (!entry.is_string()) continue;
      const auto& at = entry.get_ref<const std::string&>();
      if (pointer == at || pointer.starts_with(at + "/") || at.empty()) return true;
    }
    return false;
  }
};

}  // namespace

const std::vector<std::string>& asyncapiFormats() {
  static const std::vector<std::string> formats{"aas2",   "aas2_0", "aas2_1", "aas2_2",
                                                "aas2_3", "aas2_4", "aas2_5", "aas2_6",
                                                "aas3",   "aas3_0", "aas3_1"};
  return formats;
}

bool isKnownFormat(std::string_view format) {
  static const std::vector<std::string> others{"oas2",
                                               "oas3",
                                               "oas3_0",
                                               "oas3_1",
                                               "json-schema",
                                               "json-schema-loose",
                                               "json-schema-draft4",
                                               "json-schema-draft6",
                                               "json-schema-draft7",
                                               "json-schema-2019-09",
                                               "json-schema-2020-12"};
  const auto& asyncapi = asyncapiFormats();
  return std::find(asyncapi.begin(), asyncapi.end(), format) != asyncapi.end() ||
         std::find(others.begin(), others.end(), format) != others.end();
}

bool matchesFormats(const std::vector<std::string>& formats, const json& root) {
  if (!root.is_object()) return false;
  const auto version = root.find("asyncapi");
  if (version == root.end() || !version->is_string()) return false;
  const std::string text = version->get<std::string>();
  static const std::regex numbers(R"(^(\d+)\.(\d+)\.\d+)");
  std::smatch parts;
  if (!std::regex_search(text, parts, numbers)) return false;
  const std::string major = "aas" + std::string(parts[1]);
  const std::string minor = major + "_" + std::string(parts[2]);
  for (const auto& format : formats) {
    if (format == major || format == minor) return true;
  }
  return false;
}

namespace {

// The name Spectral prints for a format: "AsyncAPI 2.6.x", "AsyncAPI 3.x", "OpenAPI 3.0.x"...
std::string displayName(const std::string& format) {
  static const std::map<std::string, std::string> families{{"aas", "AsyncAPI"}, {"oas", "OpenAPI"}};
  const auto family = families.find(format.substr(0, 3));
  if (family == families.end() || format.size() < 4) return format;
  std::string version = format.substr(3);
  std::replace(version.begin(), version.end(), '_', '.');
  return fmt::format("{} {}.x", family->second, version);
}

class FormatCheck : public engine::DocumentRule {
 public:
  FormatCheck(std::vector<std::string> registered, std::string origin)
      : DocumentRule(
            engine::RuleInfo{.id = std::string(unrecognizedFormatRule),
                             .severity = Severity::warning,
                             .summary = "the document is of none of the formats the ruleset names",
                             .versions = engine::Versions::all,
                             .kind = engine::RuleKind::custom,
                             .origin = std::move(origin)}),
        registered_(std::move(registered)) {}

  void check(engine::RuleContext& context) const override {
    if (matchesFormats(registered_, context.root())) return;
    std::vector<std::string> names;
    for (const auto& format : registered_)
      names.push_back(displayName(format));
    context.report("",
                   fmt::format("The provided document does not match any of the registered "
                               "formats [{}]",
                               fmt::join(names, ", ")),
                   Anchor::key);
  }

 private:
  std::vector<std::string> registered_;
};

}  // namespace

std::shared_ptr<const engine::DocumentRule> makeFormatCheck(std::vector<std::string> registered,
                                                            std::string origin) {
  return std::make_shared<FormatCheck>(std::move(registered), std::move(origin));
}

std::shared_ptr<const engine::DocumentRule> makeCustomRule(RuleDefinition definition) {
  return std::make_shared<CustomRule>(std::move(definition));
}

}  // namespace asynclint::ruleset
