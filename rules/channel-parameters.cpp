// A channel's address placeholders and its `parameters` keys must match in both directions.
#include <fmt/format.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

using nlohmann::json;

class ChannelParameters final : public DocumentRule {
 public:
  ChannelParameters()
      : DocumentRule({.id = "channel-parameters",
                      .severity = Severity::error,
                      .summary = "Channel address placeholders and `parameters` must match",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    const bool v3 = context.majorVersion() == 3;
    for (const auto& channel : asyncapi::channels(context)) {
      if (v3)
        checkChannel(context, channel);
      else
        checkChannelV2(context, channel);
    }
  }

 private:
  static void checkChannel(RuleContext& context, const asyncapi::Definition& channel) {
    const json& node = *channel.node;
    const std::string label = asyncapi::describe("channel", channel);
    const auto address = node.find("address");
    const bool addressKnown = address != node.end() && address->is_string();
    // A wrongly typed address is a schema finding; what it would use is unknown.
    if (address != node.end() && !addressKnown && !address->is_null()) return;

    std::vector<std::string> used;
    if (addressKnown) used = asyncapi::placeholders(address->get<std::string>());
    std::erase(used, std::string());  // empty braces are channel-address-format's finding
    const std::unordered_set<std::string> usedNames(used.begin(), used.end());

    const auto parameters = node.find("parameters");
    const json* declared =
        parameters != node.end() && parameters->is_object() ? &*parameters : nullptr;
    // With `parameters` of the wrong type, which parameters exist is unknown.
    if (parameters != node.end() && declared == nullptr) return;

    const std::string addressPointer = pointer::append(channel.pointer, "address");
    for (const auto& name : used) {
      if (declared != nullptr && declared->contains(name)) continue;
      context.report(addressPointer,
                     fmt::format("address placeholder {{{}}} of {} has no parameter '{}' in "
                                 "parameters: add it, or remove the placeholder",
                                 name, label, name));
    }
    if (declared == nullptr) return;

    const std::string parametersPointer = pointer::append(channel.pointer, "parameters");
    for (const auto& [name, value] : declared->items()) {
      if (usedNames.contains(name)) continue;
      context.report(pointer::append(parametersPointer, name),
                     unusedMessage(label, name, addressKnown, address != node.end()), Anchor::key);
    }
  }

  // AsyncAPI 2: the channel's key is its address (a channel name), always known.
  static void checkChannelV2(RuleContext& context, const asyncapi::Definition& channel) {
    const json& node = *channel.node;
    const std::string label = asyncapi::describe("channel", channel);
    std::vector<std::string> used = asyncapi::placeholders(channel.key);
    std::erase(used, std::string());
    const std::unordered_set<std::string> usedNames(used.begin(), used.end());

    const auto parameters = node.find("parameters");
    const json* declared =
        parameters != node.end() && parameters->is_object() ? &*parameters : nullptr;
    if (parameters != node.end() && declared == nullptr) return;

    std::unordered_set<std::string> reported;
    for (const auto& name : used) {
      if ((declared != nullptr && declared->contains(name)) || !reported.insert(name).second)
        continue;
      context.report(channel.pointer,
                     fmt::format("placeholder {{{}}} of {} has no parameter '{}' in parameters: "
                                 "add it, or remove the placeholder",
                                 name, label, name),
                     Anchor::key);
    }
    if (declared == nullptr) return;

    const std::string parametersPointer = pointer::append(channel.pointer, "parameters");
    for (const auto& [name, value] : declared->items()) {
      if (usedNames.contains(name)) continue;
      context.report(pointer::append(parametersPointer, name),
                     fmt::format("{} has parameter '{}' that its name does not use: remove it, or "
                                 "add {{{}}} to the channel name",
                                 label, name, name),
                     Anchor::key);
    }
  }

  static std::string unusedMessage(const std::string& channelLabel, const std::string& parameter,
                                   bool addressKnown, bool addressWritten) {
    if (addressKnown) {
      return fmt::format(
          "{} has parameter '{}' that its address does not use: remove it, or add {{{}}} to the "
          "address",
          channelLabel, parameter, parameter);
    }
    return fmt::format(
        "{} has parameter '{}' but {}: parameters only fill placeholders of an address",
        channelLabel, parameter, addressWritten ? "its address is null" : "no address");
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::ChannelParameters)
