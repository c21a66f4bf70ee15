// A message whose payload has no content type: neither its own, a trait's, nor the default.
#include <fmt/format.h>

#include "engine/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {
namespace {

// "message 'created' of channel 'orders'", or "message 'OrderCreated'" for a component, from
// where the message is written.
std::string describeMessage(const asyncapi::Definition& message) {
  const auto tokens = pointer::split(message.pointer).value_or(std::vector<std::string>{});
  if (tokens.size() == 4 && tokens[0] == "channels") {
    return fmt::format("message '{}' of channel '{}'", message.key, tokens[1]);
  }
  if (tokens.size() == 5 && tokens[0] == "components" && tokens[1] == "channels") {
    return fmt::format("message '{}' of component channel '{}'", message.key, tokens[2]);
  }
  return fmt::format("message '{}'", message.key);
}

// Present at all: a content type of the wrong type is the schema's finding, not a missing one.
bool declares(const nlohmann::json& node, const char* key) {
  return node.is_object() && node.contains(key);
}

class MessageContentTypeMissing final : public Rule {
 public:
  MessageContentTypeMissing()
      : Rule({"message-content-type-missing",
              Severity::warning,
              true,
              "A message with a payload has no content type, and there is no `defaultContentType`",
              Versions::v3,
              {}}) {}

  void check(RuleContext& context) const override {
    if (declares(context.root(), "defaultContentType") || isComponentLibrary(context.root())) {
      return;
    }
    for (const auto& message : asyncapi::messages(context)) {
      const auto payload = message.node->find("payload");
      if (payload == message.node->end() || payload->is_null()) continue;
      if (declares(*message.node, "contentType") || traitGivesContentType(context, message)) {
        continue;
      }
      context.report(message.pointer,
                     fmt::format("{} has a payload but no contentType, and the document has no "
                                 "defaultContentType: set 'contentType' on the message, or "
                                 "'defaultContentType' at the root",
                                 describeMessage(message)),
                     Anchor::key);
    }
  }

 private:
  // A document with components but no channels, operations or servers describes no application:
  // its messages take the defaultContentType of the documents that reference them.
  static bool isComponentLibrary(const nlohmann::json& root) {
    return !root.contains("channels") && !root.contains("operations") && !root.contains("servers");
  }

  // Traits are merged into the message, so a trait's contentType is the message's. A trait whose
  // reference is broken might be the one that gives it: ref-unresolved reports that instead.
  static bool traitGivesContentType(const RuleContext& context,
                                    const asyncapi::Definition& message) {
    const std::string traits = pointer::append(message.pointer, "traits");
    const nlohmann::json* list = context.at(traits);
    if (list == nullptr || !list->is_array()) return false;
    for (std::size_t index = 0; index < list->size(); ++index) {
      const auto trait = context.resolve(pointer::append(traits, index));
      if (!trait || declares(*trait->node, "contentType")) return true;
    }
    return false;
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::MessageContentTypeMissing)
