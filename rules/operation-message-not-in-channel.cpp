// The messages of an operation (and of its reply) must be messages of its channel.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

using nlohmann::json;

// An operation or a reply: an object with a `channel` reference and a list of `messages`.
struct MessageOwner {
  std::string label;    // "operation 'sendOrder'", "the reply of operation 'getUser'"
  std::string pointer;  // where it is written
};

std::vector<MessageOwner> messageOwners(const RuleContext& context) {
  std::vector<MessageOwner> owners;
  for (const auto& operation : asyncapi::operations(context)) {
    owners.push_back({asyncapi::describe("operation", operation), operation.pointer});
  }
  // A reply given as a $ref is checked once, where it is written.
  for (const auto& reply : asyncapi::replies(context)) {
    owners.push_back({asyncapi::describeReply(reply), reply.pointer});
  }
  return owners;
}

// The messages of one channel, as the nodes their entries resolve to.
struct ChannelMessages {
  bool known = true;  // false when an entry is broken: the meant message is unknown
  std::unordered_set<const json*> nodes;
  std::vector<std::string> names;
  // The pointers that reach an entry of the channel's messages map: where the channel is
  // written, and each pointer a reference uses to reach it.
  std::unordered_set<std::string> entryPointers;
  std::unordered_map<const json*, std::string> nameOf;  // the channel's name for each message
};

ChannelMessages messagesOf(const RuleContext& context, const Resolved& channel) {
  ChannelMessages messages;
  const auto map = channel.node->find("messages");
  if (map == channel.node->end()) return messages;
  if (!map->is_object()) return {false, {}, {}, {}, {}};
  const std::string mapPointer = pointer::append(channel.pointer, "messages");
  for (const auto& [name, value] : map->items()) {
    const auto message = context.resolve(pointer::append(mapPointer, name));
    if (!message) return {false, {}, {}, {}, {}};
    messages.nodes.insert(message->node);
    messages.names.push_back(name);
    messages.entryPointers.insert(pointer::append(mapPointer, name));
    messages.nameOf.emplace(message->node, name);
  }
  return messages;
}

// What the channel offers instead, and what to do.
std::string advice(const ChannelMessages& messages) {
  constexpr std::size_t maxListed = 6;
  if (messages.names.empty()) {
    return ", which has no messages: add the message to the channel's messages";
  }
  if (messages.names.size() > maxListed) {
    return fmt::format(" (it has {} messages): reference one of them", messages.names.size());
  }
  return fmt::format(
      " (its messages: '{}'): reference one of them, or add the message to the "
      "channel",
      fmt::join(messages.names, "', '"));
}

// The specification requires the reference itself to point into the channel: the same message
// reached through `#/components/messages/...` does not count. References to other files are
// resolved elsewhere and keep the node check only.
bool pointsIntoChannel(const Reference& reference, const ChannelMessages& messages,
                       const std::string& viaReference) {
  if (reference.kind != RefKind::local) return true;
  if (messages.entryPointers.contains(reference.target) ||
      messages.entryPointers.contains(reference.written)) {
    return true;
  }
  return pointer::parent(reference.target) == viaReference;
}

class OperationMessageNotInChannel final : public DocumentRule {
 public:
  OperationMessageNotInChannel()
      : DocumentRule({.id = "operation-message-not-in-channel",
                      .severity = Severity::error,
                      .summary = "An operation's messages must be messages of its channel",
                      .versions = Versions::v3}) {}

  void check(RuleContext& context) const override {
    std::unordered_map<const json*, ChannelMessages> cache;
    for (const auto& owner : messageOwners(context)) {
      checkOwner(context, owner, cache);
    }
  }

 private:
  static void checkOwner(RuleContext& context, const MessageOwner& owner,
                         std::unordered_map<const json*, ChannelMessages>& cache) {
    const json* list = context.at(pointer::append(owner.pointer, "messages"));
    if (list == nullptr || !list->is_array() || list->empty()) return;
    // Without a channel (a reply may have none) or with a broken one, the channel's messages are
    // unknown.
    const std::string channelPointer = pointer::append(owner.pointer, "channel");
    const Reference* channelReference = context.refs().at(channelPointer);
    if (channelReference == nullptr) return;
    const auto channel = context.resolve(channelPointer);
    if (!channel || !channel->node->is_object()) return;
    auto cached = cache.find(channel->node);
    if (cached == cache.end()) {
      cached = cache.emplace(channel->node, messagesOf(context, *channel)).first;
    }
    const ChannelMessages& messages = cached->second;
    if (!messages.known) return;

    const std::string channelName = pointer::lastToken(channelReference->target);
    const std::string viaReference = pointer::append(channelReference->target, "messages");
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string entry = pointer::append(pointer::append(owner.pointer, "messages"), i);
      const Reference* reference = context.refs().at(entry);
      if (reference == nullptr) continue;  // not a reference: a schema finding
      const auto message = context.resolve(entry);
      if (!message) continue;
      if (messages.nodes.contains(message->node)) {
        if (pointsIntoChannel(*reference, messages, viaReference)) continue;
        context.report(pointer::append(entry, "$ref"),
                       fmt::format("message '{}' of {} is the same message as one of its channel "
                                   "'{}', but the reference must point into the channel (the "
                                   "messages \"MUST NOT point to a subset of message definitions "
                                   "located in the Messages Object in the Components Object\"): "
                                   "reference '#/channels/{}/messages/{}' instead",
                                   reference->text, owner.label, channelName, channelName,
                                   messages.nameOf.at(message->node)));
        continue;
      }
      context.report(pointer::append(entry, "$ref"),
                     fmt::format("message '{}' of {} is not one of the messages of its channel "
                                 "'{}'{}",
                                 reference->text, owner.label, channelName, advice(messages)));
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::OperationMessageNotInChannel)
