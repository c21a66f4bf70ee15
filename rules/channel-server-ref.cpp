// Each entry of a channel's `servers` must reference a server where the channel may use it.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "engine/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {
namespace {

using nlohmann::json;

// True when `target` is an entry directly under the map at `mapPointer` ("/servers/prod").
bool isEntryOf(std::string_view target, std::string_view mapPointer) {
  return target.size() > mapPointer.size() && target.starts_with(mapPointer) &&
         target[mapPointer.size()] == '/' &&
         target.find('/', mapPointer.size() + 1) == std::string_view::npos;
}

class ChannelServerRef final : public Rule {
 public:
  ChannelServerRef()
      : Rule({"channel-server-ref",
              Severity::error,
              true,
              "A channel's `servers` must reference servers under `#/servers`",
              Versions::v3,
              {}}) {}

  void check(RuleContext& context) const override {
    for (const auto& channel : asyncapi::channels(context)) {
      const bool root = channel.pointer.starts_with("/channels/");
      const std::string servers = pointer::append(channel.pointer, "servers");
      const json* list = context.at(servers);
      if (list == nullptr || !list->is_array()) continue;
      for (std::size_t i = 0; i < list->size(); ++i) {
        checkEntry(context, channel.key, root, pointer::append(servers, i));
      }
    }
  }

 private:
  static void checkEntry(RuleContext& context, const std::string& channel, bool root,
                         const std::string& entry) {
    // An entry that is not a reference is a schema finding; a broken one is ref-unresolved's.
    const Reference* reference = context.refs().at(entry);
    if (reference == nullptr || reference->kind != RefKind::local || !reference->resolved()) {
      return;
    }
    if (isEntryOf(reference->target, "/servers")) return;
    const bool componentServer = isEntryOf(reference->target, "/components/servers");
    // The specification lets a component channel use a server from any location.
    if (!root && componentServer) return;

    std::string message;
    if (componentServer) {
      message = fmt::format(
          "channel '{}' must reference its servers under '#/servers'; '{}' is a component server "
          "(add it to servers with a $ref, and reference that entry)",
          channel, reference->text);
    } else {
      message = fmt::format(
          "{}channel '{}' lists '{}', which is not a server: reference an entry of "
          "'#/servers'{}",
          root ? "" : "component ", channel, reference->text,
          root ? "" : " or '#/components/servers'");
    }
    context.report(pointer::append(entry, "$ref"), std::move(message));
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::ChannelServerRef)
