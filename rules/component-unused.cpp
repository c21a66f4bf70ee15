// An entry of a components map that no reference reaches.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_set>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

struct ComponentKind {
  std::string_view map;   // the key under `components`
  std::string_view noun;  // how a message names one entry
};

// components/channels is left out: channel-unused reports unreferenced component channels.
constexpr std::array<ComponentKind, 18> kComponentKinds{{
    {"schemas", "schema"},
    {"servers", "server"},
    {"operations", "operation"},
    {"messages", "message"},
    {"securitySchemes", "security scheme"},
    {"serverVariables", "server variable"},
    {"parameters", "parameter"},
    {"correlationIds", "correlation ID"},
    {"replies", "reply"},
    {"replyAddresses", "reply address"},
    {"externalDocs", "external documentation"},
    {"tags", "tag"},
    {"operationTraits", "operation trait"},
    {"messageTraits", "message trait"},
    {"serverBindings", "server bindings"},
    {"channelBindings", "channel bindings"},
    {"operationBindings", "operation bindings"},
    {"messageBindings", "message bindings"},
}};

// The pointer of the component that `pointer` lies in ("/components/schemas/Order" for
// "/components/schemas/Order/properties/id"), or empty when it is outside components.
std::string_view componentOf(std::string_view pointer) {
  if (!pointer.starts_with("/components/")) return {};
  std::size_t end = 0;
  for (int slashes = 0; slashes < 3; ++slashes) {
    end = pointer.find('/', end + 1);
    if (end == std::string_view::npos) return slashes == 2 ? pointer : std::string_view{};
  }
  return pointer.substr(0, end);
}

// The map name of a component pointer: "schemas" for "/components/schemas/Order".
std::string_view mapOf(std::string_view component) {
  const std::string_view rest = component.substr(std::string_view("/components/").size());
  return rest.substr(0, rest.find('/'));
}

class ComponentUnused final : public DocumentRule {
 public:
  ComponentUnused()
      : DocumentRule({.id = "component-unused",
                      .severity = Severity::warning,
                      .summary = "A reusable component is never referenced",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    // The components of a library are there for other documents to reference.
    if (asyncapi::isComponentLibrary(context)) return;
    std::unordered_set<std::string_view> used;
    std::unordered_set<std::string_view> uncertainMaps;
    collectUses(context, used, uncertainMaps);
    const bool allUncertain = uncertainMaps.contains("");
    // AsyncAPI 2 security requirements name their schemes ({petstore_auth: [...]}) instead of
    // referencing them.
    std::unordered_set<std::string> namedSchemes;
    if (context.majorVersion() == 2) collectSchemeNames(context.root(), namedSchemes);
    for (const auto& kind : kComponentKinds) {
      if (allUncertain || uncertainMaps.contains(kind.map)) continue;
      const bool byName = context.majorVersion() == 2 && kind.map == "securitySchemes";
      const std::string map = pointer::append("/components", kind.map);
      forEachMember(
          context.root(), map,
          [&](const std::string& name, const std::string& component, const nlohmann::json&) {
            if (used.contains(component)) return;
            if (byName && namedSchemes.contains(name)) return;
            context.report(component,
                           fmt::format("{} '{}' in components is never {}", kind.noun, name,
                                       byName ? "named by a security requirement" : "referenced"),
                           Anchor::key);
          });
    }
  }

 private:
  // The keys of every Security Requirement Object: the members of the arrays held by `security`
  // fields (servers, operations and their traits), wherever they are written.
  static void collectSchemeNames(const nlohmann::json& node,
                                 std::unordered_set<std::string>& names) {
    if (node.is_object()) {
      for (const auto& [key, value] : node.items()) {
        if (key == "security" && value.is_array()) {
          for (const auto& requirement : value) {
            if (!requirement.is_object()) continue;
            for (const auto& [scheme, scopes] : requirement.items())
              names.insert(scheme);
          }
        }
        collectSchemeNames(value, names);
      }
    } else if (node.is_array()) {
      for (const auto& item : node)
        collectSchemeNames(item, names);
    }
  }

  // A component is used when a reference written outside it points at it or into it: a
  // recursive schema does not use itself. References from other unused components still count.
  // A broken reference to a component that does not exist makes its map uncertain (the name
  // the author meant is unknown, and ref-unresolved reports it); "" stands for every map.
  static void collectUses(const RuleContext& context, std::unordered_set<std::string_view>& used,
                          std::unordered_set<std::string_view>& uncertainMaps) {
    for (const auto& reference : context.refs().all()) {
      if (reference.kind != RefKind::local) continue;
      const std::string_view target = componentOf(reference.target);
      if (target.empty()) continue;
      if (!reference.resolved() && context.at(target) == nullptr) {
        const std::string_view map = mapOf(target);
        const bool known = std::any_of(kComponentKinds.begin(), kComponentKinds.end(),
                                       [&](const ComponentKind& kind) { return kind.map == map; });
        uncertainMaps.insert(known ? map : std::string_view{});
        continue;
      }
      if (componentOf(reference.at) != target) used.insert(target);
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::ComponentUnused)
