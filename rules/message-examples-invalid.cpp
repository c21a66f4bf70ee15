// Message examples whose payload or headers contradict the message's own schemas.
#include <fmt/format.h>

#include "engine/asyncapi.hpp"
#include "schema/avro.hpp"
#include "schema/document_schemas.hpp"
#include "schema/openapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {
namespace {

class MessageExamplesInvalid final : public Rule {
 public:
  MessageExamplesInvalid()
      : Rule({"message-examples-invalid",
              Severity::error,
              true,
              "A message example's payload or headers do not match the message's schemas",
              Versions::v3,
              {}}) {}

  void check(RuleContext& context) const override {
    schema::DocumentSchemas& schemas = context.documentSchemas();
    for (const auto& message : asyncapi::messages(context)) {
      const auto examples = message.node->find("examples");
      if (examples == message.node->end() || !examples->is_array()) continue;
      for (const auto* part : {"payload", "headers"}) {
        const auto schema = asyncapi::schemaAt(context, pointer::append(message.pointer, part),
                                               asyncapi::SchemaReading::validation);
        const auto implied = schema || std::string_view(part) != "payload"
                                 ? std::nullopt
                                 : impliedPayloadSchema(context, message);
        if (!schema && !implied) continue;
        for (std::size_t i = 0; i < examples->size(); ++i) {
          const nlohmann::json& example = (*examples)[i];
          if (!example.is_object() || !example.contains(part)) continue;
          const std::string examplePointer =
              pointer::append(pointer::append(message.pointer, "examples"), i);
          const std::string valuePointer = pointer::append(examplePointer, part);
          const auto outcome = schema ? schemas.check(schema->pointer, valuePointer)
                                      : schemas.check(implied->key, implied->schema, valuePointer);
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
  struct ImpliedSchema {
    std::string key;  // the pointer of the schema it comes from
    nlohmann::json schema;
  };

  // The JSON Schema that the payload of `message` implies when it is written in Avro (without
  // mistakes: avro-schema-invalid reports those, and examples are not judged against a broken
  // schema) or as an OpenAPI 3.0 Schema Object.
  static std::optional<ImpliedSchema> impliedPayloadSchema(const RuleContext& context,
                                                           const asyncapi::Definition& message) {
    const auto payload = asyncapi::formattedPayload(context, message);
    if (!payload || !payload->schema) return std::nullopt;
    const Resolved& schema = *payload->schema;
    if (payload->language == schema::SchemaLanguage::openapi) {
      return ImpliedSchema{schema.pointer,
                           schema::openapi::impliedJsonSchema(*schema.node, context.root())};
    }
    if (payload->language != schema::SchemaLanguage::avro ||
        !schema::avro::validate(*schema.node, schema.pointer).empty()) {
      return std::nullopt;
    }
    return ImpliedSchema{schema.pointer, schema::avro::impliedJsonSchema(*schema.node)};
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
