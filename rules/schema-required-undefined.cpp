// A schema that requires a property it does not define: usually a typo in `required` or in
// `properties`, and the object then cannot carry the property the author meant.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"
#include "text/suggest.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

using nlohmann::json;

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
  asyncapi::forEachSchema(context, asyncapi::SchemaReading::structure,
                          [&](const std::string& pointer, const json& schema) {
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

class SchemaRequiredUndefined final : public DocumentRule {
 public:
  SchemaRequiredUndefined()
      : DocumentRule({.id = "schema-required-undefined",
                      .severity = Severity::warning,
                      .summary = "A schema requires a property that its `properties` do not define",
                      .versions = Versions::all}) {}

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
