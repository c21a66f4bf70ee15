// A reply whose channel has no known address must say where to reply: its own `address`.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {
namespace {

using nlohmann::json;

struct Reply {
  std::string label;    // "the reply of operation 'getUser'", "component reply 'userReply'"
  std::string pointer;  // where it is written
  const json* node = nullptr;
};

// Replies where they are written: inline in operations (root and components) and in
// components/replies; a reply given as a $ref is visited where it points.
std::vector<Reply> replies(const RuleContext& context) {
  std::vector<Reply> found;
  for (const auto& operation : asyncapi::operations(context)) {
    const std::string reply = pointer::append(operation.pointer, "reply");
    const json* node = context.at(reply);
    if (node != nullptr && node->is_object() && !asyncapi::isReference(*node)) {
      found.push_back({"the reply of " + asyncapi::describe("operation", operation), reply, node});
    }
  }
  for (const auto& reply : asyncapi::definitionsIn(context, {"/components/replies"})) {
    found.push_back({fmt::format("component reply '{}'", reply.key), reply.pointer, reply.node});
  }
  return found;
}

class OperationReplyAddressMissing final : public Rule {
 public:
  OperationReplyAddressMissing()
      : Rule({"operation-reply-address-missing",
              Severity::error,
              true,
              "A reply whose channel has no address must have an `address`",
              Versions::v3,
              {}}) {}

  void check(RuleContext& context) const override {
    for (const auto& reply : replies(context)) {
      checkReply(context, reply);
    }
  }

 private:
  static void checkReply(RuleContext& context, const Reply& reply) {
    if (reply.node->contains("address")) return;
    const std::string channelPointer = pointer::append(reply.pointer, "channel");
    const Reference* channelReference = context.refs().at(channelPointer);
    if (channelReference == nullptr) return;
    const auto channel = context.resolve(channelPointer);
    if (!channel || !channel->node->is_object()) return;
    const auto address = channel->node->find("address");
    const bool written = address != channel->node->end();
    if (written && !address->is_null()) return;
    context.report(channelPointer,
                   fmt::format("{} goes to channel '{}', {}: give the reply an `address` saying "
                               "where to send it (such as `location: $message.header#/replyTo`)",
                               reply.label, pointer::lastToken(channelReference->target),
                               written ? "whose address is null" : "which has no address"),
                   Anchor::key);
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::OperationReplyAddressMissing)
