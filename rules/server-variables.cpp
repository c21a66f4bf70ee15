// A server's URL placeholders and its `variables` keys must match in both directions.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "engine/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {
namespace {

using nlohmann::json;

// The fields of a server that may hold `{variable}` placeholders: `host` and `pathname` in
// AsyncAPI 3, `url` in 2.x.
std::vector<std::string> templatedFields(int majorVersion) {
  if (majorVersion == 3) return {"host", "pathname"};
  if (majorVersion == 2) return {"url"};
  return {};
}

// "its url does not use", "neither its host nor its pathname uses".
std::string notUsedBy(const std::vector<std::string>& fields) {
  if (fields.size() == 1) return fmt::format("its {} does not use", fields.front());
  return fmt::format("neither its {} uses", fmt::join(fields, " nor its "));
}

class ServerVariables final : public Rule {
 public:
  ServerVariables()
      : Rule({"server-variables",
              Severity::error,
              true,
              "Server URL placeholders and `variables` must match",
              Versions::all,
              {}}) {}

  void check(RuleContext& context) const override {
    const auto fields = templatedFields(context.majorVersion());
    if (fields.empty()) return;
    for (const auto& server : asyncapi::servers(context)) {
      checkServer(context, server, fields);
    }
  }

 private:
  static void checkServer(RuleContext& context, const asyncapi::Definition& server,
                          const std::vector<std::string>& fields) {
    const json& node = *server.node;
    const auto variables = node.find("variables");
    const json* declared =
        variables != node.end() && variables->is_object() ? &*variables : nullptr;
    // With `variables` of the wrong type, which variables exist is unknown.
    if (variables != node.end() && declared == nullptr) return;
    // A wrongly typed field is a schema finding; what it would use is unknown.
    for (const auto& field : fields) {
      const auto text = node.find(field);
      if (text != node.end() && !text->is_string()) return;
    }

    const std::string label = asyncapi::describe("server", server);
    const auto used = checkPlaceholders(context, server, fields, declared, label);
    if (declared == nullptr) return;
    const std::string variablesPointer = pointer::append(server.pointer, "variables");
    for (const auto& [name, value] : declared->items()) {
      if (used.contains(name)) continue;
      context.report(pointer::append(variablesPointer, name),
                     fmt::format("{} has variable '{}' that {}: remove it, or add {{{}}} where "
                                 "it belongs",
                                 label, name, notUsedBy(fields), name),
                     Anchor::key);
    }
  }

  // Reports the placeholders that have no variable; returns the names of all placeholders.
  static std::unordered_set<std::string> checkPlaceholders(RuleContext& context,
                                                           const asyncapi::Definition& server,
                                                           const std::vector<std::string>& fields,
                                                           const json* declared,
                                                           const std::string& label) {
    std::unordered_set<std::string> used;
    for (const auto& field : fields) {
      const auto text = server.node->find(field);
      if (text == server.node->end()) continue;
      for (auto& name : asyncapi::placeholders(text->get<std::string>())) {
        // Empty braces are a malformed template, not a variable.
        if (name.empty()) continue;
        if (declared == nullptr || !declared->contains(name)) {
          context.report(pointer::append(server.pointer, field),
                         fmt::format("{} placeholder {{{}}} of {} has no variable '{}' in "
                                     "variables: add it, or remove the placeholder",
                                     field, name, label, name));
        }
        used.insert(std::move(name));
      }
    }
    return used;
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::ServerVariables)
