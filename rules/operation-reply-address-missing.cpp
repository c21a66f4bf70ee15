// A reply whose channel has no known address must say where to reply: its own `address`.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

class OperationReplyAddressMissing final : public DocumentRule {
 public:
  OperationReplyAddressMissing()
      : DocumentRule({.id = "operation-reply-address-missing",
                      .severity = Severity::warning,
                      .summary = "A reply whose channel has no address must have an `address`",
                      .versions = Versions::v3}) {}

  void check(RuleContext& context) const override {
    for (const auto& reply : asyncapi::replies(context)) {
      checkReply(context, reply);
    }
  }

 private:
  static void checkReply(RuleContext& context, const asyncapi::Definition& reply) {
    if (reply.node->contains("address")) return;
    const std::string channelPointer = pointer::append(reply.pointer, "channel");
    const auto channel = asyncapi::replyChannel(context, reply);
    if (!channel) return;
    const auto address = channel->node->find("address");
    const bool written = address != channel->node->end();
    if (written && !address->is_null()) return;
    context.report(channelPointer,
                   fmt::format("{} goes to channel '{}', {}: give the reply an `address` saying "
                               "where to send it (such as `location: $message.header#/replyTo`)",
                               asyncapi::describeReply(reply),
                               pointer::lastToken(context.refs().at(channelPointer)->target),
                               written ? "whose address is null" : "which has no address"),
                   Anchor::key);
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::OperationReplyAddressMissing)
