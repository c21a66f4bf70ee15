// Keywords that the schema's `type` makes pointless: `items` on an object, `properties` on an
// array. They validate nothing and usually mean the keyword sits one level off.
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "engine/asyncapi.hpp"
#include "schema/document_schemas.hpp"
#include "source/json_pointer.hpp"
#include "text/suggest.hpp"

namespace asynclint::engine {
namespace {

using nlohmann::json;

// ---- Schema positions (the same walker is in schema-required-undefined.cpp) ----

using SchemaVisitor = std::function<void(const std::string& pointer, const json& schema)>;

// Visits the schema written at `pointer` and every subschema written inside it. References
// are not followed: their targets are visited where they are written.
void walkSchema(const json& schema, const std::string& pointer, const SchemaVisitor& visit) {
  if (!schema.is_object() || asyncapi::isReference(schema)) return;
  visit(pointer, schema);
  for (const auto& [keyword, value] : schema.items()) {
    const std::string at = pointer::append(pointer, keyword);
    if (keyword == "properties" || keyword == "patternProperties" || keyword == "definitions" ||
        keyword == "dependencies") {
      if (!value.is_object()) continue;
      for (const auto& [name, subschema] : value.items()) {
        walkSchema(subschema, pointer::append(at, name), visit);
      }
    } else if (keyword == "allOf" || keyword == "anyOf" || keyword == "oneOf" ||
               (keyword == "items" && value.is_array())) {
      if (!value.is_array()) continue;
      for (std::size_t i = 0; i < value.size(); ++i) {
        walkSchema(value[i], pointer::append(at, i), visit);
      }
    } else if (keyword == "items" || keyword == "additionalItems" || keyword == "contains" ||
               keyword == "additionalProperties" || keyword == "propertyNames" || keyword == "if" ||
               keyword == "then" || keyword == "else" || keyword == "not") {
      walkSchema(value, at, visit);
    }
  }
}

// A schema position that may hold a Multi Format Schema Object (AsyncAPI 3): its `schema` is
// walked when its format is a JSON Schema dialect.
void walkAnySchema(const RuleContext& context, const std::string& pointer,
                   const SchemaVisitor& visit) {
  const json* node = context.at(pointer);
  if (node == nullptr || !node->is_object()) return;
  if (context.majorVersion() != 3 || !node->contains("schema")) {
    walkSchema(*node, pointer, visit);
    return;
  }
  const auto format = node->find("schemaFormat");
  if (format != node->end() &&
      (!format->is_string() || !schema::isAnyJsonSchemaFormat(format->get<std::string>()))) {
    return;
  }
  walkSchema(node->at("schema"), pointer::append(pointer, "schema"), visit);
}

// Messages written in 2.x channel operations (`message`, or each of its `oneOf`) and in
// components.messages.
std::vector<asyncapi::Definition> messagesV2(const RuleContext& context) {
  std::vector<asyncapi::Definition> found =
      asyncapi::definitionsIn(context, {"/components/messages"});
  for (const auto& channel : asyncapi::channels(context)) {
    for (const auto* verb : {"publish", "subscribe"}) {
      const std::string message = channel.pointer + "/" + verb + "/message";
      const json* node = context.at(message);
      if (node == nullptr || !node->is_object() || asyncapi::isReference(*node)) continue;
      const auto oneOf = node->find("oneOf");
      if (oneOf == node->end() || !oneOf->is_array()) {
        found.push_back({"", message, node});
        continue;
      }
      for (std::size_t i = 0; i < oneOf->size(); ++i) {
        const json& item = (*oneOf)[i];
        if (!item.is_object() || asyncapi::isReference(item)) continue;
        found.push_back({"", pointer::append(message + "/oneOf", i), &item});
      }
    }
  }
  return found;
}

// In 2.x the message names its payload's format, or else one of its traits does.
bool payloadIsJsonSchemaV2(const RuleContext& context, const asyncapi::Definition& message) {
  std::vector<const json*> holders{message.node};
  const std::string traits = pointer::append(message.pointer, "traits");
  const json* list = context.at(traits);
  for (std::size_t i = 0; list != nullptr && list->is_array() && i < list->size(); ++i) {
    if (const auto trait = context.resolve(pointer::append(traits, i))) {
      holders.push_back(trait->node);
    }
  }
  return std::all_of(holders.begin(), holders.end(), [](const json* holder) {
    if (!holder->is_object()) return true;
    const auto format = holder->find("schemaFormat");
    return format == holder->end() ||
           (format->is_string() && schema::isAnyJsonSchemaFormat(format->get<std::string>()));
  });
}

// Message traits written in components and inline in the messages.
std::vector<std::string> messageTraits(const RuleContext& context,
                                       const std::vector<asyncapi::Definition>& messages) {
  std::vector<std::string> traits;
  for (const auto& trait : asyncapi::definitionsIn(context, {"/components/messageTraits"})) {
    traits.push_back(trait.pointer);
  }
  for (const auto& message : messages) {
    const std::string list = pointer::append(message.pointer, "traits");
    const json* node = context.at(list);
    for (std::size_t i = 0; node != nullptr && node->is_array() && i < node->size(); ++i) {
      traits.push_back(pointer::append(list, i));
    }
  }
  return traits;
}

// Every JSON Schema written in the document, each once: components.schemas, message payloads
// and headers, message trait headers and (2.x) parameter schemas. Protocol bindings are not
// visited: their schema fields differ by protocol and binding version.
void forEachSchema(const RuleContext& context, const SchemaVisitor& visit) {
  forEachMember(context.root(), "/components/schemas",
                [&](const std::string&, const std::string& pointer, const json&) {
                  walkAnySchema(context, pointer, visit);
                });
  const bool v3 = context.majorVersion() == 3;
  const auto messages = v3 ? asyncapi::messages(context) : messagesV2(context);
  for (const auto& message : messages) {
    walkAnySchema(context, pointer::append(message.pointer, "headers"), visit);
    if (v3 || payloadIsJsonSchemaV2(context, message)) {
      walkAnySchema(context, pointer::append(message.pointer, "payload"), visit);
    }
  }
  for (const auto& trait : messageTraits(context, messages)) {
    walkAnySchema(context, pointer::append(trait, "headers"), visit);
  }
  if (v3) return;
  std::vector<std::string> parameterMaps{"/components/parameters"};
  for (const auto& channel : asyncapi::channels(context)) {
    parameterMaps.push_back(pointer::append(channel.pointer, "parameters"));
  }
  for (const auto& parameter : asyncapi::definitionsIn(context, parameterMaps)) {
    walkAnySchema(context, pointer::append(parameter.pointer, "schema"), visit);
  }
}

// ---- The rule ----

struct Keyword {
  const char* name;
  bool (*wellFormed)(const json&);  // malformed values are the schema's finding
};

constexpr auto isObject = [](const json& value) { return value.is_object(); };
constexpr auto isArray = [](const json& value) { return value.is_array(); };
constexpr auto isNumber = [](const json& value) { return value.is_number(); };
constexpr auto isBoolean = [](const json& value) { return value.is_boolean(); };
constexpr auto isSchema = [](const json& value) { return value.is_object() || value.is_boolean(); };
constexpr auto isSchemaOrList = [](const json& value) {
  return value.is_object() || value.is_boolean() || value.is_array();
};

constexpr Keyword kObjectKeywords[] = {
    {"properties", isObject},           {"patternProperties", isObject},
    {"additionalProperties", isSchema}, {"required", isArray},
    {"minProperties", isNumber},        {"maxProperties", isNumber},
    {"propertyNames", isSchema},        {"dependencies", isObject}};
constexpr Keyword kArrayKeywords[] = {{"items", isSchemaOrList}, {"additionalItems", isSchema},
                                      {"contains", isSchema},    {"minItems", isNumber},
                                      {"maxItems", isNumber},    {"uniqueItems", isBoolean}};

// The types that `type` allows, or nothing when it is absent or malformed.
std::vector<std::string> allowedTypes(const json& schema) {
  const auto type = schema.find("type");
  if (type == schema.end()) return {};
  if (type->is_string()) return {type->get<std::string>()};
  std::vector<std::string> types;
  if (!type->is_array()) return types;
  for (const auto& item : *type) {
    if (!item.is_string()) return {};
    types.push_back(item.get<std::string>());
  }
  return types;
}

bool allows(const std::vector<std::string>& types, const char* type) {
  return std::find(types.begin(), types.end(), type) != types.end();
}

void checkSchema(RuleContext& context, const std::string& pointer, const json& schema) {
  const auto types = allowedTypes(schema);
  if (types.empty()) return;
  const std::string typeText = text::quotedList(types);
  auto checkKeywords = [&](const auto& keywords, const char* appliesTo, const char* plural) {
    if (allows(types, appliesTo)) return;
    for (const auto& keyword : keywords) {
      const auto value = schema.find(keyword.name);
      if (value == schema.end() || !keyword.wellFormed(*value)) continue;
      std::string message =
          fmt::format("'{}' has no effect: this schema is of type {}, and '{}' applies to {} only",
                      keyword.name, typeText, keyword.name, plural);
      if (types.size() == 1 && types[0] == "array" && std::string_view(appliesTo) == "object") {
        message += " (does it belong under 'items'?)";
      }
      context.report(pointer::append(pointer, keyword.name), message, Anchor::key);
    }
  };
  checkKeywords(kObjectKeywords, "object", "objects");
  checkKeywords(kArrayKeywords, "array", "arrays");
}

class SchemaTypeKeywordsMismatch final : public Rule {
 public:
  SchemaTypeKeywordsMismatch()
      : Rule({"schema-type-keywords-mismatch",
              Severity::warning,
              true,
              "A schema keyword that its `type` makes ineffective, such as `items` on an object",
              Versions::all,
              {}}) {}

  void check(RuleContext& context) const override {
    forEachSchema(context, [&](const std::string& pointer, const json& schema) {
      checkSchema(context, pointer, schema);
    });
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::SchemaTypeKeywordsMismatch)
