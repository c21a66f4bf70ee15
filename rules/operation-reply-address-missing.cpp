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

// Where the node that `target` reaches is written. A step through an object that is itself a
// local reference continues from that reference's target, as the reference index resolves
// targets. nullopt on a chain that does not end.
std::optional<std::string> writtenLocation(const RefIndex& refs, std::string target) {
  constexpr int maxHops = 64;  // the reference index gives up at the same depth
  for (int hop = 0; hop < maxHops; ++hop) {
    const Reference* through = nullptr;
    std::size_t end = 0;
    for (std::size_t slash = 0; slash < target.size(); slash = target.find('/', slash + 1)) {
      through = refs.at(std::string_view(target).substr(0, slash));
      if (through != nullptr) {
        end = slash;
        break;
      }
    }
    if (through == nullptr) return target;
    if (through->kind != RefKind::local) return std::nullopt;
    target = through->target + target.substr(end);
  }
  return std::nullopt;
}

// Follows references from `pointer` to the object they end at, and where that is written.
// nullopt when a reference is broken, external or part of a cycle.
std::optional<Resolved> resolveWritten(const RuleContext& context, std::string pointer) {
  const RefIndex& refs = context.refs();
  for (std::size_t hops = 0; hops <= refs.all().size(); ++hops) {
    const auto location = writtenLocation(refs, std::move(pointer));
    if (!location) return std::nullopt;
    const Reference* reference = refs.at(*location);
    if (reference == nullptr) {
      const json* node = context.at(*location);
      if (node == nullptr) return std::nullopt;
      return Resolved{*location, node};
    }
    if (reference->kind != RefKind::local || !reference->resolved()) return std::nullopt;
    pointer = reference->target;
  }
  return std::nullopt;
}

struct Reply {
  std::string label;    // "the reply of operation 'getUser'", "component reply 'userReply'"
  std::string pointer;  // where it is written
  const json* node = nullptr;
};

// "operation 'sendOrder'", "component operation 'sendOrder'".
std::string operationLabel(const asyncapi::Definition& operation) {
  return fmt::format("{}operation '{}'",
                     operation.pointer.starts_with("/components/") ? "component " : "",
                     operation.key);
}

// Replies where they are written: inline in operations (root and components) and in
// components/replies; a reply given as a $ref is visited where it points.
std::vector<Reply> replies(const RuleContext& context) {
  std::vector<Reply> found;
  for (const auto& operation : asyncapi::operations(context)) {
    const std::string reply = pointer::append(operation.pointer, "reply");
    const json* node = context.at(reply);
    if (node != nullptr && node->is_object() && !asyncapi::isReference(*node)) {
      found.push_back({"the reply of " + operationLabel(operation), reply, node});
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
    const auto channel = resolveWritten(context, channelPointer);
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
