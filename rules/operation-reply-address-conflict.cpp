// A reply that gives its own `address` must use a channel without one.
#include <fmt/format.h>

#include <string>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

class OperationReplyAddressConflict final : public DocumentRule {
 public:
  OperationReplyAddressConflict()
      : DocumentRule(
            {.id = "operation-reply-address-conflict",
             .severity = Severity::error,
             .summary =
                 "A reply with an `address` must use a channel whose address is null or absent",
             .versions = Versions::v3}) {}

  void check(RuleContext& context) const override {
    for (const auto& reply : asyncapi::replies(context)) {
      checkReply(context, reply);
    }
  }

 private:
  static void checkReply(RuleContext& context, const asyncapi::Definition& reply) {
    if (!reply.node->contains("address")) return;
    const std::string channelPointer = pointer::append(reply.pointer, "channel");
    const auto channel = asyncapi::replyChannel(context, reply);
    if (!channel) return;
    const auto address = channel->node->find("address");
    if (address == channel->node->end() || address->is_null()) return;
    context.report(
        pointer::append(reply.pointer, "address"),
        fmt::format("{} has an `address`, but its channel '{}' has the address '{}': \"When "
                    "address is specified, the address property of the channel referenced by "
                    "this property MUST be either null or not defined\"; remove one of the two",
                    asyncapi::describeReply(reply),
                    pointer::lastToken(context.refs().at(channelPointer)->target),
                    address->is_string() ? address->get<std::string>() : address->dump()),
        Anchor::key);
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::OperationReplyAddressConflict)
