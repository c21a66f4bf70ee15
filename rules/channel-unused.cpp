// A channel that no operation (or reply) uses.
#include <fmt/format.h>

#include <unordered_set>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

class ChannelUnused final : public DocumentRule {
 public:
  ChannelUnused()
      : DocumentRule({.id = "channel-unused",
                      .severity = Severity::warning,
                      .summary = "A channel is used by no operation",
                      .versions = Versions::v3}) {}

  void check(RuleContext& context) const override {
    // With a broken reference to a channel, which channel was meant is unknown: the broken
    // reference is the finding (ref-unresolved), not the channel it failed to reach.
    for (const auto& reference : context.refs().all()) {
      if (reference.kind == RefKind::local && !reference.resolved() &&
          reference.target.starts_with("/channels/"))
        return;
    }
    const auto used = usedChannels(context);
    forEachMember(
        context.root(), "/channels",
        [&](const std::string& name, const std::string& channel, const nlohmann::json&) {
          const auto resolved = context.resolve(channel);
          if (!resolved || used.contains(resolved->node)) return;
          context.report(
              channel,
              fmt::format("channel '{}' is not used by any operation: remove it, or add the "
                          "operation that sends or receives on it",
                          name),
              Anchor::key);
        });
    forEachMember(context.root(), "/components/channels",
                  [&](const std::string& name, const std::string& channel, const nlohmann::json&) {
                    if (context.refs().isReferenced(channel)) return;
                    context.report(channel,
                                   fmt::format("component channel '{}' is never referenced", name),
                                   Anchor::key);
                  });
  }

 private:
  // The channels that operations and their replies point at, as resolved nodes.
  static std::unordered_set<const nlohmann::json*> usedChannels(const RuleContext& context) {
    std::unordered_set<const nlohmann::json*> used;
    for (const auto& operation : asyncapi::operations(context)) {
      for (const auto* path : {"/channel", "/reply/channel"}) {
        if (const auto channel = context.resolve(operation.pointer + path))
          used.insert(channel->node);
      }
      // A reply given as a reference to components/replies.
      if (const auto reply = context.resolve(pointer::append(operation.pointer, "reply"))) {
        if (const auto channel = context.resolve(pointer::append(reply->pointer, "channel")))
          used.insert(channel->node);
      }
    }
    return used;
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::ChannelUnused)
