// OpenAPI 3.0 Schema Objects (payloads in application/vnd.oai.openapi;version=3.0.x) that say
// something OpenAPI 3.0 ignores. Their structure (a `type` list, a `nullable` that is not a
// boolean...) is the schema check's: the official schema describes it.
#include <unordered_set>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "schema/openapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

class OpenApiSchemaInvalid final : public DocumentRule {
 public:
  OpenApiSchemaInvalid()
      : DocumentRule(
            {.id = "openapi-schema-invalid",
             .severity = Severity::warning,
             .summary =
                 "An OpenAPI 3.0 payload schema says something that OpenAPI ignores, such as "
                 "`nullable` without `type`",
             .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    // A schema written inside another one that is also a payload (through a $ref) is seen twice.
    std::unordered_set<std::string> reported;
    for (const auto& openapi : asyncapi::schemasIn(context, model::SchemaLanguage::openapi)) {
      asyncapi::forEachSubschema(
          *openapi.node, openapi.pointer,
          [&](const std::string& pointer, const nlohmann::json& schema) {
            if (!schema::openapi::isNullable(schema) || schema.contains("type")) return;
            const std::string nullable = pointer::append(pointer, "nullable");
            if (!reported.insert(nullable).second) return;
            context.report(nullable,
                           "'nullable: true' has no effect without a 'type' beside it "
                           "(OpenAPI 3.0.3): add the type that may also be null",
                           Anchor::key);
          });
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::OpenApiSchemaInvalid)
