// Avro payload schemas checked against the Avro specification: one finding per mistake, where it
// is written (also inside an .avsc file that a $ref brings in).
#include <unordered_set>

#include "engine/asyncapi.hpp"
#include "schema/avro.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {
namespace {

// Avro schemas as components.schemas holds them (AsyncAPI 3 Multi Format Schema Objects).
std::vector<Resolved> componentAvroSchemas(const RuleContext& context) {
  std::vector<Resolved> schemas;
  forEachMember(
      context.root(), "/components/schemas",
      [&](const std::string&, const std::string& at, const nlohmann::json& node) {
        if (!node.is_object()) return;
        const auto format = node.find("schemaFormat");
        if (format == node.end() || !format->is_string() ||
            schema::schemaLanguage(format->get<std::string>()) != schema::SchemaLanguage::avro) {
          return;
        }
        if (const auto schema = context.resolve(pointer::append(at, "schema"))) {
          schemas.push_back(*schema);
        }
      });
  return schemas;
}

class AvroSchemaInvalid final : public Rule {
 public:
  AvroSchemaInvalid()
      : Rule({"avro-schema-invalid",
              Severity::error,
              true,
              "An Avro payload schema breaks the Avro specification",
              Versions::all,
              {}}) {}

  void check(RuleContext& context) const override {
    std::vector<Resolved> schemas;
    for (const auto& message : asyncapi::messagesForVersion(context)) {
      const auto payload = asyncapi::formattedPayload(context, message);
      if (payload && payload->language == schema::SchemaLanguage::avro && payload->schema) {
        schemas.push_back(*payload->schema);
      }
    }
    if (context.majorVersion() == 3) {
      const auto components = componentAvroSchemas(context);
      schemas.insert(schemas.end(), components.begin(), components.end());
    }
    // A schema that several messages share is checked once.
    std::unordered_set<std::string> checked;
    for (const auto& avro : schemas) {
      if (!checked.insert(avro.pointer).second) continue;
      for (auto& finding : schema::avro::validate(*avro.node, avro.pointer)) {
        std::vector<RelatedLocation> related;
        for (auto& note : finding.related) {
          related.push_back(RuleContext::note(std::move(note.pointer), std::move(note.message)));
        }
        context.report(std::move(finding.pointer), std::move(finding.message), finding.anchor,
                       std::move(related));
      }
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::AvroSchemaInvalid)
