// A payload written in a schema format that asynclint does not read (Protobuf, RAML...)
// is not checked: say so once, where the format is named.
#include <fmt/format.h>

#include <unordered_set>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "model/schema_format.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

using nlohmann::json;

// AsyncAPI schemas of any version; JSON Schema draft-07 and OpenAPI 3.0 (3.0.0 as the
// specification names it, and 3.0.1 to 3.0.3, whose Schema Objects are the same), whose
// structure the schema check validates; Avro of any version (avro-schema-invalid). Message
// examples are checked against all of them. Unlike model::isJsonSchemaFormat, which the
// validator uses and which matches the names exactly, spelling variants count: media types are
// case-insensitive, parameters may be quoted.
bool isSupported(const std::string& format) {
  switch (model::schemaLanguage(format)) {
    case model::SchemaLanguage::avro:
    case model::SchemaLanguage::openapi:
      return true;
    case model::SchemaLanguage::jsonSchema:
      return model::mediaTypeOf(format).starts_with("application/vnd.aai.asyncapi") ||
             model::versionOf(format) == "draft-07";
    default:
      return false;
  }
}

class PayloadFormatUnsupported final : public DocumentRule {
 public:
  PayloadFormatUnsupported()
      : DocumentRule({.id = "payload-format-unsupported",
                      .severity = Severity::info,
                      .summary = "A payload in a schema format that asynclint does not validate",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    const auto messages = asyncapi::messagesForVersion(context);
    // Messages that share a payload share its format: one finding where the format is written.
    std::unordered_set<std::string> reported;
    for (const auto& message : messages) {
      const auto at = asyncapi::payloadFormatPointer(context, message);
      if (!at) continue;
      const json* format = context.at(*at);
      if (format == nullptr || !format->is_string() || isSupported(format->get<std::string>())) {
        continue;
      }
      if (!reported.insert(*at).second) continue;
      context.report(*at, fmt::format("payload in format '{}' is not validated by asynclint",
                                      format->get<std::string>()));
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::PayloadFormatUnsupported)
