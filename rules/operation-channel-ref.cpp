// A root operation's `channel` must reference a channel of the root Channels Object.
#include <fmt/format.h>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

class OperationChannelRef final : public DocumentRule {
 public:
  OperationChannelRef()
      : DocumentRule(
            {.id = "operation-channel-ref",
             .severity = Severity::error,
             .summary = "A root operation's `channel` must reference a channel under `#/channels`",
             .versions = Versions::v3}) {}

  void check(RuleContext& context) const override {
    forEachMember(
        context.root(), "/operations",
        [&](const std::string& name, const std::string& operation, const nlohmann::json&) {
          const std::string channel = pointer::append(operation, "channel");
          const Reference* reference = context.refs().at(channel);
          if (reference == nullptr || reference->kind != RefKind::local || !reference->resolved())
            return;
          const auto tokens =
              pointer::split(reference->target).value_or(std::vector<std::string>{});
          if (tokens.size() == 2 && tokens[0] == "channels") return;
          const bool component = reference->target.starts_with("/components/channels/");
          context.report(
              pointer::append(channel, "$ref"),
              fmt::format(
                  "operation '{}' must reference a channel under '#/channels'; '{}' is not one{}",
                  name, reference->text,
                  component ? " (a root operation may not use a component channel directly: add it "
                              "to channels with a $ref)"
                            : ""));
        });
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::OperationChannelRef)
