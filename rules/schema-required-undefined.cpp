// A schema that requires a property it does not define: usually a typo in `required` or in
// `properties`, and the object then cannot carry the property the author meant.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "engine/asyncapi.hpp"
#include "schema/document_schemas.hpp"
#include "source/json_pointer.hpp"
#include "text/suggest.hpp"

namespace asynclint::engine {
namespace {

using nlohmann::json;

// ---- Schema positions (the same walker is in schema-type-keywords-mismatch.cpp) ----

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

// Schemas joined by composition (allOf, anyOf, oneOf, if/then/else) describe one value
// together: a property that one of them defines counts as defined for all of them.
class Families {
 public:
  explicit Families(std::size_t size) : parent_(size) {
    for (std::size_t i = 0; i < size; ++i) {
      parent_[i] = i;
    }
  }
  std::size_t find(std::size_t i) {
    while (parent_[i] != i) {
      i = parent_[i] = parent_[parent_[i]];
    }
    return i;
  }
  void join(std::size_t a, std::size_t b) { parent_[find(a)] = find(b); }

 private:
  std::vector<std::size_t> parent_;
};

struct Family {
  std::size_t members = 0;
  std::unordered_set<std::string> defined;
  std::vector<std::string> suggestions;  // the defined names, when few enough to compare
  bool listsProperties = false;
  // Some member admits properties that `properties` does not list (patternProperties, an
  // additionalProperties other than false), or a branch could not be followed.
  bool open = false;
};

struct Schema {
  std::string pointer;
  const json* node;
};

bool admitsUnlisted(const json& schema) {
  if (schema.contains("patternProperties")) return true;
  const auto additional = schema.find("additionalProperties");
  return additional != schema.end() && *additional != false;
}

// The composition branches of `schema`, as pointers where they are written.
std::vector<std::string> branchesOf(const Schema& schema) {
  std::vector<std::string> branches;
  for (const auto* keyword : {"allOf", "anyOf", "oneOf"}) {
    const auto list = schema.node->find(keyword);
    if (list == schema.node->end() || !list->is_array()) continue;
    for (std::size_t i = 0; i < list->size(); ++i) {
      branches.push_back(pointer::append(pointer::append(schema.pointer, keyword), i));
    }
  }
  for (const auto* keyword : {"if", "then", "else"}) {
    if (schema.node->contains(keyword)) {
      branches.push_back(pointer::append(schema.pointer, keyword));
    }
  }
  // A dependent schema adds properties too (`dependencies: {card: {properties: {cvc: ...}}}`).
  const auto dependencies = schema.node->find("dependencies");
  if (dependencies != schema.node->end() && dependencies->is_object()) {
    for (const auto& [name, dependent] : dependencies->items()) {
      if (dependent.is_object()) {
        branches.push_back(pointer::append(pointer::append(schema.pointer, "dependencies"), name));
      }
    }
  }
  return branches;
}

// Beyond this many names, looking for a near miss of each undefined one would cost too much.
constexpr std::size_t kMaxSuggestions = 256;

struct Schemas {
  std::vector<Schema> list;
  std::unordered_map<const json*, std::size_t> indexOf;
};

Schemas collectSchemas(const RuleContext& context) {
  Schemas schemas;
  forEachSchema(context, [&](const std::string& pointer, const json& schema) {
    schemas.indexOf.emplace(&schema, schemas.list.size());
    schemas.list.push_back({pointer, &schema});
  });
  return schemas;
}

// Joins each schema with its composition branches; returns which schemas have a branch that
// could not be followed (unresolved, or leading outside the visited schemas).
std::vector<bool> joinCompositions(const RuleContext& context, const Schemas& schemas,
                                   Families& families) {
  std::vector<bool> unfollowed(schemas.list.size(), false);
  for (std::size_t i = 0; i < schemas.list.size(); ++i) {
    for (const auto& branch : branchesOf(schemas.list[i])) {
      const auto target = context.resolve(branch);
      const auto found = target ? schemas.indexOf.find(target->node) : schemas.indexOf.end();
      if (found != schemas.indexOf.end()) {
        families.join(i, found->second);
      } else if (!target || !target->node->is_boolean()) {
        unfollowed[i] = true;
      }
    }
  }
  return unfollowed;
}

std::unordered_map<std::size_t, Family> summarizeFamilies(const std::vector<Schema>& schemas,
                                                          Families& families,
                                                          const std::vector<bool>& unfollowed) {
  std::unordered_map<std::size_t, Family> byRoot;
  for (std::size_t i = 0; i < schemas.size(); ++i) {
    Family& family = byRoot[families.find(i)];
    ++family.members;
    const json& schema = *schemas[i].node;
    family.open = family.open || unfollowed[i] || admitsUnlisted(schema);
    const auto properties = schema.find("properties");
    if (properties == schema.end() || !properties->is_object()) continue;
    family.listsProperties = true;
    for (const auto& [name, property] : properties->items()) {
      family.defined.insert(name);
    }
  }
  for (auto& [root, family] : byRoot) {
    if (family.defined.size() > kMaxSuggestions) continue;
    family.suggestions.assign(family.defined.begin(), family.defined.end());
    std::sort(family.suggestions.begin(), family.suggestions.end());
  }
  return byRoot;
}

class SchemaRequiredUndefined final : public Rule {
 public:
  SchemaRequiredUndefined()
      : Rule({"schema-required-undefined",
              Severity::warning,
              true,
              "A schema requires a property that its `properties` do not define",
              Versions::all,
              {}}) {}

  void check(RuleContext& context) const override {
    const auto schemas = collectSchemas(context);
    Families families(schemas.list.size());
    const auto unfollowed = joinCompositions(context, schemas, families);
    auto byRoot = summarizeFamilies(schemas.list, families, unfollowed);
    for (std::size_t i = 0; i < schemas.list.size(); ++i) {
      checkRequired(context, schemas.list[i], byRoot[families.find(i)]);
    }
  }

 private:
  static void checkRequired(RuleContext& context, const Schema& schema, const Family& family) {
    const auto required = schema.node->find("required");
    if (required == schema.node->end() || !required->is_array()) return;
    if (family.open || !family.listsProperties) return;
    for (std::size_t i = 0; i < required->size(); ++i) {
      const json& name = (*required)[i];
      if (!name.is_string() || family.defined.contains(name.get<std::string>())) continue;
      std::string message = fmt::format(
          "required property '{}' is not defined in 'properties'{}", name.get<std::string>(),
          family.members > 1 ? " of this schema or of those it is combined with" : "");
      if (const auto suggestion = text::likelyTypo(name.get<std::string>(), family.suggestions)) {
        message += fmt::format(" (did you mean '{}'?)", *suggestion);
      } else {
        message += ": define it, or remove it from 'required'";
      }
      context.report(pointer::append(pointer::append(schema.pointer, "required"), i), message);
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::SchemaRequiredUndefined)
