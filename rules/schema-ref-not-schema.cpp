// A $ref inside a schema must land on a schema, not on a Multi Format Schema Object.
#include <fmt/format.h>

#include <string>
#include <unordered_set>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

// Where a Multi Format Schema Object may stand: a payload or headers, or a components schema.
bool isSchemaRoot(const std::string& at) {
  const std::string last = pointer::lastToken(at);
  return last == "payload" || last == "headers" || pointer::parent(at) == "/components/schemas";
}

bool isMultiFormatSchema(const nlohmann::json& node) {
  return node.is_object() && node.contains("schemaFormat") && node.contains("schema");
}

class SchemaRefNotSchema final : public DocumentRule {
 public:
  SchemaRefNotSchema()
      : DocumentRule(
            {.id = "schema-ref-not-schema",
             .severity = Severity::error,
             .summary =
                 "A `$ref` inside a schema lands on a Multi Format Schema Object, not a schema",
             .versions = Versions::v3}) {}

  void check(RuleContext& context) const override {
    // References are not visited as schemas: a reference inside a schema is one whose parent
    // (items, not, ...) or grandparent (properties/<name>, allOf/<i>, ...) is a visited schema.
    std::unordered_set<std::string> schemas;
    asyncapi::forEachSchema(
        context, asyncapi::SchemaReading::structure,
        [&](const std::string& at, const nlohmann::json&) { schemas.insert(at); });
    for (const Reference& reference : context.refs().all()) {
      const std::string& at = reference.at;
      if (isSchemaRoot(at)) continue;
      const std::string parent = pointer::parent(at);
      if (!schemas.contains(parent) && !schemas.contains(pointer::parent(parent))) continue;
      const auto target = context.resolve(at);
      if (!target || !isMultiFormatSchema(*target->node)) continue;
      context.report(pointer::append(at, "$ref"),
                     fmt::format("'{}' is a Multi Format Schema Object (schemaFormat and "
                                 "schema), not a schema: reference its 'schema' ('{}/schema') "
                                 "instead",
                                 reference.text, reference.text));
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::SchemaRefNotSchema)
