// Each entry of a channel's `servers` must reference (AsyncAPI 3) or name (AsyncAPI 2.2+) a server
// where the channel may use it.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"
#include "text/suggest.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

using nlohmann::json;

// True when `target` is an entry directly under the map at `mapPointer` ("/servers/prod").
bool isEntryOf(std::string_view target, std::string_view mapPointer) {
  return target.size() > mapPointer.size() && target.starts_with(mapPointer) &&
         target[mapPointer.size()] == '/' &&
         target.find('/', mapPointer.size() + 1) == std::string_view::npos;
}

class ChannelServerRef final : public DocumentRule {
 public:
  ChannelServerRef()
      : DocumentRule(
            {.id = "channel-server-ref",
             .severity = Severity::error,
             .summary = "A channel's `servers` must name or reference servers the document defines",
             .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    if (context.majorVersion() == 2) {
      checkNames(context);
      return;
    }
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
  // AsyncAPI 2.2 and later: a channel's `servers` are names of entries of the root `servers`.
  static void checkNames(RuleContext& context) {
    const json* defined = context.at("/servers");
    std::vector<std::string> names;
    if (defined != nullptr && defined->is_object()) {
      for (const auto& [name, server] : defined->items())
        names.push_back(name);
    }
    for (const auto& channel : asyncapi::channels(context)) {
      const std::string servers = pointer::append(channel.pointer, "servers");
      const json* list = context.at(servers);
      if (list == nullptr || !list->is_array()) continue;
      for (std::size_t i = 0; i < list->size(); ++i) {
        const json& entry = (*list)[i];
        // A name that is not a string is the schema check's finding.
        if (!entry.is_string()) continue;
        const std::string name = entry.get<std::string>();
        if (std::find(names.begin(), names.end(), name) != names.end()) continue;
        context.report(pointer::append(servers, i),
                       fmt::format("channel '{}' lists server '{}', which the document's servers "
                                   "do not define{}",
                                   channel.key, name, definedNames(name, names)));
      }
    }
  }

  static std::string definedNames(const std::string& name, const std::vector<std::string>& names) {
    if (names.empty()) return " (the document defines no servers)";
    if (const auto suggestion = text::closest(name, names))
      return fmt::format(" (did you mean '{}'?)", *suggestion);
    std::string list;
    for (const auto& defined : names)
      list += (list.empty() ? "" : ", ") + ("'" + defined + "'");
    return " (defined: " + list + ")";
  }

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
