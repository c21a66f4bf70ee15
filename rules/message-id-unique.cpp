// AsyncAPI 2.4 and later: no two messages share a messageId.
#include "engine/checks.hpp"
#include "engine/context.hpp"
#include "model/asyncapi.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

class MessageIdUnique final : public DocumentRule {
 public:
  MessageIdUnique()
      : DocumentRule({.id = "message-id-unique",
                      .severity = Severity::error,
                      .summary = "Each message's `messageId` must be unique in the document",
                      .versions = Versions::v2}) {}

  void check(RuleContext& context) const override {
    std::vector<std::string> messages;
    for (const auto& message : asyncapi::messagesV2(context))
      messages.push_back(message.pointer);
    reportRepeatedIds(context, std::move(messages), "messageId", "message");
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::MessageIdUnique)
