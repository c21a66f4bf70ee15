// Message examples whose payload or headers contradict the message's own schemas.
#include <fmt/format.h>

#include "engine/asyncapi.hpp"
#include "schema/document_schemas.hpp"
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
        if (!schema) continue;
        for (std::size_t i = 0; i < examples->size(); ++i) {
          const nlohmann::json& example = (*examples)[i];
          if (!example.is_object() || !example.contains(part)) continue;
          const std::string examplePointer =
              pointer::append(pointer::append(message.pointer, "examples"), i);
          const auto outcome =
              schemas.check(schema->pointer, pointer::append(examplePointer, part));
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
  static std::string exampleName(const nlohmann::json& example, std::size_t index) {
    const auto name = example.find("name");
    if (name != example.end() && name->is_string()) return "'" + name->get<std::string>() + "'";
    return fmt::format("#{}", index + 1);
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::MessageExamplesInvalid)
