// Every `{placeholder}` of a server's URL needs a variable of that name.
#include <fmt/format.h>

#include <string>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

class ServerVariables final : public DocumentRule {
 public:
  ServerVariables()
      : DocumentRule({.id = "server-variables",
                      .severity = Severity::error,
                      .summary = "Every placeholder of a server URL needs a variable of that name",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    for (const auto& server : asyncapi::servers(context)) {
      const auto shape = asyncapi::serverTemplate(server, context.majorVersion());
      if (!shape) continue;
      const std::string label = asyncapi::describe("server", server);
      for (const auto& field : shape->fields) {
        for (const auto& name : field.placeholders) {
          if (shape->variables != nullptr && shape->variables->contains(name)) continue;
          context.report(pointer::append(server.pointer, field.name),
                         fmt::format("{} placeholder {{{}}} of {} has no variable '{}' in "
                                     "variables: add it, or remove the placeholder",
                                     field.name, name, label, name));
        }
      }
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::ServerVariables)
