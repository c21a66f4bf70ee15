// A message whose payload has no content type: neither its own, a trait's, nor the default.
#include <fmt/format.h>

#include <vector>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

// Present at all: a content type of the wrong type is the schema's finding, not a missing one.
bool declares(const nlohmann::json& node, const char* key) {
  return node.is_object() && node.contains(key);
}

class MessageContentTypeMissing final : public DocumentRule {
 public:
  MessageContentTypeMissing()
      : DocumentRule({.id = "message-content-type-missing",
                      .severity = Severity::warning,
                      .summary = "A message with a payload has no content type, and there is no "
                                 "`defaultContentType`",
                      .versions = Versions::v3}) {}

  void check(RuleContext& context) const override {
    // The messages of a component library take the defaultContentType of the documents that
    // reference them.
    if (declares(context.root(), "defaultContentType") || asyncapi::isComponentLibrary(context)) {
      return;
    }
    std::vector<asyncapi::Definition> missing;
    bool someMessageSetsOne = false;
    for (const auto& message : asyncapi::messages(context)) {
      const auto payload = message.node->find("payload");
      if (payload == message.node->end() || payload->is_null()) continue;
      if (declares(*message.node, "contentType") || traitGivesContentType(context, message)) {
        someMessageSetsOne = true;
      } else {
        missing.push_back(message);
      }
    }
    if (missing.empty()) return;
    // One fix per finding: when no message says its content type, the remedy is one root
    // defaultContentType, not one edit per message.
    if (!someMessageSetsOne) {
      context.report("",
                     fmt::format("no message says its content type ({} with a payload {}), and "
                                 "the document has no defaultContentType: set "
                                 "'defaultContentType' at the root",
                                 missing.size() == 1 ? "1 message"
                                                     : fmt::format("{} messages", missing.size()),
                                 missing.size() == 1 ? "has none" : "have none"),
                     Anchor::key);
      return;
    }
    for (const auto& message : missing) {
      context.report(message.pointer,
                     fmt::format("{} has a payload but no contentType, while other messages set "
                                 "one and the document has no defaultContentType: set "
                                 "'contentType' on the message, or 'defaultContentType' at the "
                                 "root",
                                 asyncapi::describeMessage(message)),
                     Anchor::key);
    }
  }

 private:
  // A trait's contentType is the message's (see asyncapi::someTraitMay).
  static bool traitGivesContentType(const RuleContext& context,
                                    const asyncapi::Definition& message) {
    return asyncapi::someTraitMay(context, message.pointer, [](const nlohmann::json& trait) {
      return declares(trait, "contentType");
    });
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::MessageContentTypeMissing)
