// Two root channels with the same address on a common server.
#include <fmt/format.h>

#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

struct Channel {
  std::string name;
  std::string pointer;         // the root channel's entry
  std::string addressPointer;  // where its address is written (maybe in a component)
  std::string address;
  const nlohmann::json* node = nullptr;  // the channel object, references followed
  // The servers it is available on; empty means all servers (no or an empty `servers`).
  std::vector<const nlohmann::json*> servers;
};

// The channels of one address seen so far, indexed by server, so that finding an earlier
// channel that shares a server costs one look-up per server.
struct AddressGroup {
  const Channel* onAllServers = nullptr;
  const Channel* first = nullptr;
  std::unordered_map<const nlohmann::json*, const Channel*> byServer;

  const Channel* earlierSharingAServer(const Channel& channel) const {
    if (onAllServers != nullptr) return onAllServers;
    if (channel.servers.empty()) return first;
    for (const auto* server : channel.servers) {
      if (const auto it = byServer.find(server); it != byServer.end()) return it->second;
    }
    return nullptr;
  }

  void add(const Channel& channel) {
    if (first == nullptr) first = &channel;
    if (channel.servers.empty() && onAllServers == nullptr) onAllServers = &channel;
    for (const auto* server : channel.servers) {
      byServer.emplace(server, &channel);
    }
  }
};

class ChannelAddressDuplicate final : public DocumentRule {
 public:
  ChannelAddressDuplicate()
      : DocumentRule({.id = "channel-address-duplicate",
                      .severity = Severity::warning,
                      .summary = "Two channels have the same address",
                      .versions = Versions::v3}) {}

  void check(RuleContext& context) const override {
    const std::vector<Channel> channels = context.inWrittenOrder(
        rootChannelsWithAddress(context), [](const Channel& channel) { return channel.pointer; });
    std::unordered_map<std::string, AddressGroup> groups;
    // The later channels that repeat each earlier one's address, in the order they are met:
    // merging them all is one fix, so they are one finding.
    std::vector<std::pair<const Channel*, std::vector<const Channel*>>> repeats;
    for (const auto& channel : channels) {
      AddressGroup& group = groups[asyncapi::withoutParameterNames(channel.address)];
      if (const Channel* earlier = group.earlierSharingAServer(channel)) {
        if (earlier->node == channel.node) {
          reportSameChannel(context, *earlier, channel);
        } else {
          repeatsOf(repeats, earlier).push_back(&channel);
        }
      }
      group.add(channel);
    }
    for (const auto& [earlier, later] : repeats) {
      if (later.size() == 1) {
        reportDuplicate(context, *earlier, *later.front());
      } else {
        reportGroup(context, *earlier, later);
      }
    }
  }

 private:
  static std::vector<Channel> rootChannelsWithAddress(const RuleContext& context) {
    std::vector<Channel> channels;
    forEachMember(
        context.root(), "/channels",
        [&](const std::string& name, const std::string& entry, const nlohmann::json&) {
          const auto resolved = context.resolve(entry);
          if (!resolved || !resolved->node->is_object()) return;
          const auto address = resolved->node->find("address");
          if (address == resolved->node->end() || !address->is_string()) return;
          auto servers = serversOf(context, resolved->pointer);
          if (!servers) return;
          channels.push_back({name, entry, pointer::append(resolved->pointer, "address"),
                              address->get<std::string>(), resolved->node, std::move(*servers)});
        });
    return channels;
  }

  // The servers a channel lists; nullopt when one of them cannot be resolved, since the
  // servers meant are then unknown (ref-unresolved reports the reference).
  static std::optional<std::vector<const nlohmann::json*>> serversOf(const RuleContext& context,
                                                                     const std::string& channel) {
    std::vector<const nlohmann::json*> servers;
    const std::string list = pointer::append(channel, "servers");
    const nlohmann::json* node = context.at(list);
    if (node == nullptr || !node->is_array()) return servers;
    for (std::size_t index = 0; index < node->size(); ++index) {
      const auto server = context.resolve(pointer::append(list, index));
      if (!server) return std::nullopt;
      servers.push_back(server->node);
    }
    return servers;
  }

  static std::vector<const Channel*>& repeatsOf(
      std::vector<std::pair<const Channel*, std::vector<const Channel*>>>& repeats,
      const Channel* earlier) {
    for (auto& [first, later] : repeats) {
      if (first == earlier) return later;
    }
    return repeats.emplace_back(earlier, std::vector<const Channel*>{}).second;
  }

  static void reportSameChannel(RuleContext& context, const Channel& first, const Channel& second) {
    context.report(second.pointer,
                   fmt::format("channel '{}' is the same channel as '{}' (address '{}'): keep "
                               "one of them",
                               second.name, first.name, second.address),
                   Anchor::key,
                   {RuleContext::note(first.pointer, fmt::format("channel '{}'", first.name))});
  }

  // Several channels on the address of `first`: one finding at the first of them, a note at
  // each of the others and at `first`.
  static void reportGroup(RuleContext& context, const Channel& first,
                          const std::vector<const Channel*>& later) {
    std::string names;
    std::vector<RelatedLocation> notes{RuleContext::note(
        first.addressPointer, fmt::format("the address of channel '{}'", first.name))};
    for (std::size_t i = 0; i < later.size(); ++i) {
      names += fmt::format("{}'{}'", i == 0 ? "" : (i + 1 == later.size() ? " and " : ", "),
                           later[i]->name);
      if (i > 0)
        notes.push_back(RuleContext::note(
            later[i]->addressPointer, fmt::format("the address of channel '{}'", later[i]->name)));
    }
    context.report(later.front()->addressPointer,
                   fmt::format("channels {} have the address of channel '{}' ('{}'): {} channels "
                               "share one address; merge them, or give each its own address",
                               names, first.name, first.address, later.size() + 1),
                   Anchor::value, std::move(notes));
  }

  static void reportDuplicate(RuleContext& context, const Channel& first, const Channel& second) {
    const std::string sameness =
        first.address == second.address
            ? fmt::format("the same address '{}' as channel '{}'", second.address, first.name)
            : fmt::format("address '{}', the same as channel '{}' ('{}') but for parameter names",
                          second.address, first.name, first.address);
    context.report(
        second.addressPointer,
        fmt::format("channel '{}' has {}: merge the two channels, or give each its own address",
                    second.name, sameness),
        Anchor::value,
        {RuleContext::note(first.addressPointer,
                           fmt::format("the address of channel '{}'", first.name))});
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::ChannelAddressDuplicate)
