// A correlation ID's `location` must be a runtime expression whose JSON pointer leads to a
// property that the message's headers or payload schema defines.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"
#include "text/suggest.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

using nlohmann::json;

struct RuntimeExpression {
  std::string source;               // "header" or "payload"
  std::vector<std::string> tokens;  // the JSON pointer after '#', split
};

// The official schema reports a location that does not start with `$message.header#` or
// `$message.payload#` (`unrecognised`); the JSON pointer after '#' is checked here.
enum class Syntax { valid, unrecognised, notAPointer, badEscape };

struct ParsedLocation {
  Syntax syntax = Syntax::unrecognised;
  RuntimeExpression expression;
};

ParsedLocation parseLocation(const std::string& text) {
  for (const std::string source : {"header", "payload"}) {
    const std::string prefix = "$message." + source + "#";
    if (!text.starts_with(prefix)) continue;
    const std::string fragment = text.substr(prefix.size());
    auto tokens = pointer::split(fragment);
    if (!tokens) return {fragment.front() == '/' ? Syntax::badEscape : Syntax::notAPointer, {}};
    return {Syntax::valid, {source, std::move(*tokens)}};
  }
  return {};
}

// Reports a location whose pointer is malformed.
void checkSyntax(RuleContext& context, const std::string& locationPointer) {
  const json* location = context.at(locationPointer);
  if (location == nullptr || !location->is_string()) return;
  const std::string text = location->get<std::string>();
  switch (parseLocation(text).syntax) {
    case Syntax::valid:
    case Syntax::unrecognised:
      return;
    case Syntax::notAPointer: {
      const std::size_t hash = text.find('#');
      context.report(locationPointer,
                     fmt::format("'{}' is not a valid runtime expression: after '#' must come a "
                                 "JSON pointer, which starts with '/' as in '{}/{}'",
                                 text, text.substr(0, hash + 1), text.substr(hash + 1)));
      return;
    }
    case Syntax::badEscape:
      context.report(locationPointer,
                     fmt::format("'{}' is not a valid runtime expression: in its JSON pointer, "
                                 "'~' must be followed by '0' (for '~') or '1' (for '/')",
                                 text));
      return;
  }
}

// The schemas that together describe one value: a schema and, through references, the
// branches of its compositions. `dynamic` when some of them admit properties that cannot be
// listed: patternProperties, an additionalProperties other than false, a reference that does
// not resolve here.
struct Alternatives {
  std::vector<Resolved> schemas;
  bool dynamic = false;
};

void expand(const RuleContext& context, const std::string& pointer, Alternatives& into,
            std::unordered_set<const json*>& seen) {
  const auto resolved = context.resolve(pointer);
  if (!resolved || !resolved->node->is_object()) {
    into.dynamic = true;  // a broken or external reference, or `true`: anything may be there
    return;
  }
  if (!seen.insert(resolved->node).second) return;
  const json& schema = *resolved->node;
  into.schemas.push_back(*resolved);
  if (schema.contains("patternProperties")) into.dynamic = true;
  const auto additional = schema.find("additionalProperties");
  if (additional != schema.end() && *additional != false) into.dynamic = true;
  for (const auto* keyword : {"allOf", "anyOf", "oneOf"}) {
    const auto branches = schema.find(keyword);
    if (branches == schema.end() || !branches->is_array()) continue;
    for (std::size_t i = 0; i < branches->size(); ++i) {
      expand(context, pointer::append(pointer::append(resolved->pointer, keyword), i), into, seen);
    }
  }
  for (const auto* keyword : {"if", "then", "else"}) {
    if (schema.contains(keyword)) {
      expand(context, pointer::append(resolved->pointer, keyword), into, seen);
    }
  }
}

// True when every alternative that lists properties also forbids any other
// (`additionalProperties: false`): then an unlisted name cannot be there at all.
bool closed(const Alternatives& level) {
  return std::all_of(level.schemas.begin(), level.schemas.end(), [](const Resolved& schema) {
    const auto additional = schema.node->find("additionalProperties");
    return !schema.node->contains("properties") ||
           (additional != schema.node->end() && *additional == false);
  });
}

Alternatives alternativesOf(const RuleContext& context, const std::vector<std::string>& pointers) {
  Alternatives alternatives;
  std::unordered_set<const json*> seen;
  for (const auto& pointer : pointers) {
    expand(context, pointer, alternatives, seen);
  }
  return alternatives;
}

bool isIndex(const std::string& token) {
  return !token.empty() && token.size() < 10 &&
         std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Where `token` leads from these schemas: the property schemas that define it, or the items
// of an array.
std::vector<std::string> childrenNamed(const Alternatives& level, const std::string& token,
                                       std::vector<std::string>& propertyNames) {
  std::vector<std::string> children;
  for (const auto& schema : level.schemas) {
    const auto properties = schema.node->find("properties");
    if (properties != schema.node->end() && properties->is_object()) {
      for (const auto& [name, property] : properties->items()) {
        propertyNames.push_back(name);
      }
      if (properties->contains(token)) {
        children.push_back(pointer::append(pointer::append(schema.pointer, "properties"), token));
      }
    }
    const auto items = schema.node->find("items");
    if (!isIndex(token) || items == schema.node->end()) continue;
    const std::string itemsPointer = pointer::append(schema.pointer, "items");
    if (items->is_object()) children.push_back(itemsPointer);
    if (items->is_array() && std::stoul(token) < items->size()) {
      children.push_back(pointer::append(itemsPointer, token));
    }
  }
  return children;
}

struct Target {
  std::string messageName;
  std::string part;  // "headers" or "payload"
  std::string schemaPointer;
};

// Follows the location's pointer through the schema and reports the first token that the
// schema does not define. Where the schema allows properties it does not list, only a near
// miss of a listed name is reported: an unlisted name may be meant, a typo is not.
void checkPointer(RuleContext& context, const std::string& locationPointer,
                  const RuntimeExpression& expression, const Target& target) {
  Alternatives level = alternativesOf(context, {target.schemaPointer});
  std::string reached;
  for (const auto& token : expression.tokens) {
    std::vector<std::string> names;
    const auto children = childrenNamed(level, token, names);
    if (!children.empty()) {
      reached = pointer::append(reached, token);
      level = alternativesOf(context, children);
      continue;
    }
    if (level.dynamic || names.empty() || token.find('%') != std::string::npos) return;
    const auto suggestion = text::likelyTypo(token, names);
    if (!suggestion && !closed(level)) return;
    std::string message = fmt::format("'{}' is not a property of the {} of message '{}'", token,
                                      target.part, target.messageName);
    if (!reached.empty()) {
      message = fmt::format("'{}' is not a property of '{}' in the {} of message '{}'", token,
                            reached.substr(1), target.part, target.messageName);
    }
    if (suggestion) {
      message += fmt::format(" (did you mean '{}'?)", *suggestion);
    } else {
      message += ", whose schema allows no other properties";
    }
    context.report(locationPointer, message);
    return;
  }
}

// Correlation ID objects as written: in components and in messages and message traits.
std::vector<std::string> writtenCorrelationIds(const RuleContext& context,
                                               const std::vector<asyncapi::Definition>& messages) {
  std::vector<std::string> found;
  for (const auto& definition : asyncapi::definitionsIn(context, {"/components/correlationIds"})) {
    found.push_back(definition.pointer);
  }
  auto addFrom = [&](const std::string& owner) {
    const std::string pointer = pointer::append(owner, "correlationId");
    const json* node = context.at(pointer);
    if (node != nullptr && node->is_object() && !asyncapi::isReference(*node)) {
      found.push_back(pointer);
    }
  };
  for (const auto& trait : asyncapi::definitionsIn(context, {"/components/messageTraits"})) {
    addFrom(trait.pointer);
  }
  for (const auto& message : messages) {
    addFrom(message.pointer);
    for (const auto& trait : asyncapi::traitEntries(context, message.pointer)) {
      addFrom(trait.pointer);
    }
  }
  return found;
}

class CorrelationIdLocation final : public DocumentRule {
 public:
  CorrelationIdLocation()
      : DocumentRule(
            {.id = "correlation-id-location",
             .severity = Severity::error,
             .summary =
                 "A correlation ID's location must point to a header or payload property the "
                 "message defines",
             .versions = Versions::v3}) {}

  void check(RuleContext& context) const override {
    const auto messages = asyncapi::messages(context);
    // Messages share correlation IDs: the syntax is checked once where each is written, the
    // pointer against the schemas of each message that uses it.
    for (const auto& correlationId : writtenCorrelationIds(context, messages)) {
      checkSyntax(context, pointer::append(correlationId, "location"));
    }
    for (const auto& message : messages) {
      checkMessage(context, message);
    }
  }

 private:
  static void checkMessage(RuleContext& context, const asyncapi::Definition& message) {
    const auto correlationPointer = asyncapi::effectiveMember(context, message, "correlationId");
    if (!correlationPointer) return;
    const auto correlationId = context.resolve(*correlationPointer);
    if (!correlationId) return;
    const std::string location = pointer::append(correlationId->pointer, "location");
    const json* text = context.at(location);
    if (text == nullptr || !text->is_string()) return;
    const auto parsed = parseLocation(text->get<std::string>());
    if (parsed.syntax != Syntax::valid) return;
    const char* part = parsed.expression.source == "header" ? "headers" : "payload";
    const auto schemaPointer = asyncapi::effectiveMember(context, message, part);
    if (!schemaPointer) return;  // headers may be protocol headers, which are not described
    const auto schema =
        asyncapi::schemaAt(context, *schemaPointer, asyncapi::SchemaReading::structure);
    if (!schema) return;
    checkPointer(context, location, parsed.expression, {message.key, part, schema->pointer});
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::CorrelationIdLocation)
