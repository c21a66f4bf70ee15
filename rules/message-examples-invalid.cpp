// Message examples whose payload or headers contradict the message's own schemas.
#include <fmt/format.h>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "schema/avro.hpp"
#include "schema/document_schemas.hpp"
#include "schema/openapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

class MessageExamplesInvalid final : public DocumentRule {
 public:
  MessageExamplesInvalid()
      : DocumentRule(
            {.id = "message-examples-invalid",
             .severity = Severity::error,
             .summary = "A message example's payload or headers do not match the message's schemas",
             .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    schema::DocumentSchemas& schemas = context.documentSchemas();
    for (const auto& message : asyncapi::messagesForVersion(context)) {
      const auto examples = message.node->find("examples");
      if (examples == message.node->end() || !examples->is_array()) continue;
      for (const auto* part : {"payload", "headers"}) {
        const auto target = targetOf(context, message, part);
        if (!target) continue;
        for (std::size_t i = 0; i < examples->size(); ++i) {
          const nlohmann::json& example = (*examples)[i];
          if (!example.is_object() || !example.contains(part)) continue;
          const std::string examplePointer =
              pointer::append(pointer::append(message.pointer, "examples"), i);
          const std::string valuePointer = pointer::append(examplePointer, part);
          const auto outcome = target->implied
                                   ? schemas.check(target->key, *target->implied, valuePointer)
                                   : schemas.check(target->key, valuePointer);
          for (const auto& failure : outcome.failures) {
            context.report(
                failure.pointer,
                fmt::format("example {} {}: {}", exampleName(example, i), part, failure.message),
                failure.anchor);
          }
        }
      }
    }
  }

 private:
  // What the examples' payload or headers are checked against: the schema written in the
  // document at `key`, or the JSON Schema `implied` by a payload written in another format.
  struct Target {
    std::string key;  // the pointer of the schema
    std::optional<nlohmann::json> implied;
  };

  static std::optional<Target> targetOf(const RuleContext& context,
                                        const asyncapi::Definition& message,
                                        std::string_view part) {
    const auto schema =
        part == "payload"
            ? asyncapi::payloadSchemaAt(context, message, asyncapi::SchemaReading::validation)
            : asyncapi::schemaAt(context, pointer::append(message.pointer, part),
                                 asyncapi::SchemaReading::validation);
    if (schema) return Target{schema->pointer, std::nullopt};
    return part == "payload" ? impliedPayloadSchema(context, message) : std::nullopt;
  }

  // The JSON Schema that the payload of `message` implies when it is written in Avro (without
  // mistakes: avro-schema-invalid reports those, and examples are not judged against a broken
  // schema) or as an OpenAPI 3.0 Schema Object. In AsyncAPI 3 the format is named beside the
  // payload's schema, in 2.x by the message (or a trait) and the payload is the schema.
  static std::optional<Target> impliedPayloadSchema(const RuleContext& context,
                                                    const asyncapi::Definition& message) {
    const auto payload = asyncapi::formattedPayload(context, message);
    if (!payload || !payload->schema) return std::nullopt;
    const Resolved& schema = *payload->schema;
    if (payload->language == model::SchemaLanguage::openapi) {
      return Target{schema.pointer,
                    schema::openapi::impliedJsonSchema(*schema.node, context.root())};
    }
    if (payload->language != model::SchemaLanguage::avro ||
        !schema::avro::validate(*schema.node, schema.pointer).empty()) {
      return std::nullopt;
    }
    return Target{schema.pointer, schema::avro::impliedJsonSchema(*schema.node)};
  }

  static std::string exampleName(const nlohmann::json& example, std::size_t index) {
    const auto name = example.find("name");
    if (name != example.end() && name->is_string()) return "'" + name->get<std::string>() + "'";
    return fmt::format("#{}", index + 1);
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::MessageExamplesInvalid)
