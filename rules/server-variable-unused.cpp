// A server variable that no placeholder of the server's URL uses.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>
#include <vector>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

// "its url does not use", "neither its host nor its pathname uses".
std::string notUsedBy(const std::vector<std::string>& fields) {
  if (fields.size() == 1) return fmt::format("its {} does not use", fields.front());
  return fmt::format("neither its {} uses", fmt::join(fields, " nor its "));
}

class ServerVariableUnused final : public DocumentRule {
 public:
  ServerVariableUnused()
      : DocumentRule({.id = "server-variable-unused",
                      .severity = Severity::warning,
                      .summary = "A server variable that no placeholder of the server URL uses",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    for (const auto& server : asyncapi::servers(context)) {
      const auto shape = asyncapi::serverTemplate(server, context.majorVersion());
      if (!shape || shape->variables == nullptr) continue;
      const std::string label = asyncapi::describe("server", server);
      const std::string variablesPointer = pointer::append(server.pointer, "variables");
      for (const auto& [name, value] : shape->variables->items()) {
        if (shape->uses(name)) continue;
        context.report(pointer::append(variablesPointer, name),
                       fmt::format("{} has variable '{}' that {}: remove it, or add {{{}}} where "
                                   "it belongs",
                                   label, name, notUsedBy(shape->templated), name),
                       Anchor::key);
      }
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::ServerVariableUnused)
