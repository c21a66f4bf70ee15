#include "system/drift.hpp"

#include "system/compatibility.hpp"
#include "system/model.hpp"

namespace asynclint::system {
namespace {

constexpr int maxDepth = 32;  // schemas may be recursive

bool isAnnotation(const std::string& key) {
  return key == "description" || key == "title" || key == "examples" || key == "example" ||
         key == "$comment" || key.starts_with("x-");
}

// Members of these keywords are names, not keywords: a property called "description" stays.
bool holdsNames(const std::string& key) {
  return key == "properties" || key == "patternProperties" || key == "$defs" ||
         key == "definitions" || key == "dependentSchemas";
}

nlohmann::json canonical(const nlohmann::json& tree, const nlohmann::json* node, int depth,
                         bool names = false) {
  node = followRefs(tree, node);
  if (node == nullptr || depth > maxDepth) return nullptr;
  if (node->is_array()) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : *node)
      items.push_back(canonical(tree, &item, depth + 1));
    return items;
  }
  if (!node->is_object()) return *node;
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : node->items()) {
    if (names || !isAnnotation(key))
      object[key] = canonical(tree, &value, depth + 1, !names && holdsNames(key));
  }
  return object;
}

}  // namespace

namespace {

std::vector<std::string> certainDrift(const SchemaNode& producer, const SchemaNode& consumer,
                                      const std::string& path) {
  CompatibilityOptions options;
  options.undeclaredProperties = false;  // what a producer declares is what it sends
  std::vector<std::string> problems;
  for (auto& found : incompatibilities(producer, consumer, path, options)) {
    // A finding at error severity must be certain: what cannot be decided is left to `diff`.
    if (found.certainty == Certainty::definite) problems.push_back(std::move(found.text));
  }
  return problems;
}

bool hasPart(const ServiceModel& service, const MessageModel& message, const std::string& part) {
  const nlohmann::json* node = service.at(message.pointer);
  return node != nullptr && node->is_object() && node->contains(part);
}

}  // namespace

std::vector<std::string> messageDrift(const ServiceModel& producer, const MessageModel& sent,
                                      const ServiceModel& consumer, const MessageModel& wanted,
                                      const std::string& part) {
  if (!hasPart(producer, sent, part) || !hasPart(consumer, wanted, part)) return {};
  const auto sentSchema = comparableSchema(producer, sent, part);
  const auto wantedSchema = comparableSchema(consumer, wanted, part);
  if (!sentSchema || !wantedSchema) return {};
  return certainDrift(sentSchema->node, wantedSchema->node, part);
}

nlohmann::json canonicalSchema(const SchemaIn& schema) {
  return canonical(schema.tree, schema.schema, 0);
}

}  // namespace asynclint::system
