// AsyncAPI 2.4 and later: no two messages share a messageId.
#include "engine/asyncapi.hpp"

namespace asynclint::engine {
namespace {

class MessageIdUnique final : public Rule {
 public:
  MessageIdUnique()
      : Rule({"message-id-unique",
              Severity::error,
              true,
              "Each message's `messageId` must be unique in the document",
              Versions::v2,
              {}}) {}

  void check(RuleContext& context) const override {
    std::vector<std::string> messages;
    for (const auto& message : asyncapi::messagesV2(context))
      messages.push_back(message.pointer);
    asyncapi::reportRepeatedIds(context, std::move(messages), "messageId", "message");
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::MessageIdUnique)
