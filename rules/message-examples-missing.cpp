// A message that shows no example of what it carries.
#include <fmt/format.h>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

bool hasNonEmptyArray(const nlohmann::json& node, const char* key) {
  if (!node.is_object()) return false;
  const auto member = node.find(key);
  return member != node.end() && member->is_array() && !member->empty();
}

// The schema of a payload: through a top-level $ref, and into a Multi Format Schema Object.
const nlohmann::json* payloadSchema(const RuleContext& context, const std::string& payload) {
  const auto resolved = context.resolve(payload);
  if (!resolved) return nullptr;
  const nlohmann::json& node = *resolved->node;
  if (node.is_object() && node.contains("schemaFormat") && node.contains("schema")) {
    const auto schema = context.resolve(pointer::append(resolved->pointer, "schema"));
    return schema ? schema->node : nullptr;
  }
  return resolved->node;
}

bool schemaHasExamples(const nlohmann::json& schema) {
  return schema.is_object() && (hasNonEmptyArray(schema, "examples") || schema.contains("example"));
}

class MessageExamplesMissing final : public DocumentRule {
 public:
  MessageExamplesMissing()
      : DocumentRule({.id = "message-examples-missing",
                      .severity = Severity::warning,
                      .summary = "A message has no examples",
                      .versions = Versions::v3}) {}

  void check(RuleContext& context) const override {
    for (const auto& message : asyncapi::messages(context)) {
      const nlohmann::json& node = *message.node;
      // With neither payload nor headers there is nothing an example could show.
      if (!node.contains("payload") && !node.contains("headers")) continue;
      if (hasExamples(context, message)) continue;
      context.report(message.pointer, explain(context, message), Anchor::key);
    }
  }

 private:
  // Examples written on the message or brought by one of its traits (see
  // asyncapi::someTraitMay).
  static bool hasExamples(const RuleContext& context, const asyncapi::Definition& message) {
    return hasNonEmptyArray(*message.node, "examples") ||
           asyncapi::someTraitMay(context, message.pointer, [](const nlohmann::json& trait) {
             return hasNonEmptyArray(trait, "examples");
           });
  }

  static std::string explain(const RuleContext& context, const asyncapi::Definition& message) {
    const std::string subject = asyncapi::describeMessage(message);
    const std::string payload = pointer::append(message.pointer, "payload");
    const nlohmann::json* schema =
        message.node->contains("payload") ? payloadSchema(context, payload) : nullptr;
    if (schema != nullptr && !schemaHasExamples(*schema)) {
      return fmt::format(
          "{} has no examples, and its payload schema has no 'examples' or 'example' either: "
          "add an 'examples' list to the message showing a typical payload",
          subject);
    }
    return fmt::format("{} has no examples: add an 'examples' list showing a typical message",
                       subject);
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::MessageExamplesMissing)
