// Avro payload schemas checked against the Avro specification: one finding per mistake, where it
// is written (also inside an .avsc file that a $ref brings in).
#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "schema/avro.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

class AvroSchemaInvalid final : public DocumentRule {
 public:
  AvroSchemaInvalid()
      : DocumentRule({.id = "avro-schema-invalid",
                      .severity = Severity::error,
                      .summary = "An Avro payload schema breaks the Avro specification",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    for (const auto& avro : asyncapi::schemasIn(context, model::SchemaLanguage::avro)) {
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
