// Security lists must name real security schemes, and OAuth scopes must be ones the scheme's
// flows offer. AsyncAPI 3 lists security schemes (or references to them); 2.x lists
// requirements `{schemeName: [scopes]}`.
#include <fmt/format.h>

#include <unordered_set>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"
#include "text/suggest.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

using nlohmann::json;

constexpr std::string_view kSchemesPointer = "/components/securitySchemes";
// Beyond this many offered scopes, looking for a near miss of each unknown one costs too much.
constexpr std::size_t kMaxSuggestions = 256;

// The security lists of the traits written inline in the operation at `operation` (a trait given
// as a $ref is checked where it is written).
void addWrittenTraits(const RuleContext& context, const std::string& operation,
                      std::vector<std::string>& lists) {
  for (const auto& trait : asyncapi::traitEntries(context, operation)) {
    if (!asyncapi::isReference(*trait.node))
      lists.push_back(pointer::append(trait.pointer, "security"));
  }
}

// Every place a security list may be written: servers, operations, operation traits.
std::vector<std::string> securityListsV3(const RuleContext& context) {
  std::vector<std::string> lists;
  for (const auto& server : asyncapi::servers(context)) {
    lists.push_back(pointer::append(server.pointer, "security"));
  }
  for (const auto& operation : asyncapi::operations(context)) {
    lists.push_back(pointer::append(operation.pointer, "security"));
    addWrittenTraits(context, operation.pointer, lists);
  }
  for (const auto& trait : asyncapi::definitionsIn(context, {"/components/operationTraits"})) {
    lists.push_back(pointer::append(trait.pointer, "security"));
  }
  return lists;
}

// In 2.x, operations sit in channels under `publish` and `subscribe`.
std::vector<std::string> securityListsV2(const RuleContext& context) {
  std::vector<std::string> lists;
  for (const auto& server : asyncapi::servers(context)) {
    lists.push_back(pointer::append(server.pointer, "security"));
  }
  for (const auto& channel : asyncapi::channels(context)) {
    for (const auto* verb : {"publish", "subscribe"}) {
      const std::string operation = pointer::append(channel.pointer, verb);
      lists.push_back(pointer::append(operation, "security"));
      addWrittenTraits(context, operation, lists);
    }
  }
  for (const auto& trait : asyncapi::definitionsIn(context, {"/components/operationTraits"})) {
    lists.push_back(pointer::append(trait.pointer, "security"));
  }
  return lists;
}

std::string stringMember(const json& node, const char* key) {
  if (!node.is_object()) return "";
  const auto it = node.find(key);
  return it != node.end() && it->is_string() ? it->get<std::string>() : "";
}

// The scope names that the OAuth flows of `scheme` offer, under `scopesKey` in each flow
// (`availableScopes` in 3.x, `scopes` in 2.x). nullopt when a flow is malformed: the schema
// reports that, and a scope may well be meant for it.
std::optional<std::vector<std::string>> offeredScopes(const json& scheme, const char* scopesKey) {
  const auto flows = scheme.find("flows");
  if (flows == scheme.end() || !flows->is_object() || flows->empty()) return std::nullopt;
  std::vector<std::string> offered;
  for (const auto& [flowName, flow] : flows->items()) {
    if (!flow.is_object()) return std::nullopt;
    const auto scopes = flow.find(scopesKey);
    if (scopes == flow.end() || !scopes->is_object()) return std::nullopt;
    for (const auto& [scope, description] : scopes->items()) {
      offered.push_back(scope);
    }
  }
  return offered;
}

// Reports each scope of the array at `scopesPointer` that no flow of `scheme` offers.
void checkScopes(RuleContext& context, const std::string& scopesPointer, const json& scheme,
                 const char* scopesKey, const std::string& schemeName) {
  const json* scopes = context.at(scopesPointer);
  if (scopes == nullptr || !scopes->is_array()) return;
  const auto offered = offeredScopes(scheme, scopesKey);
  if (!offered) return;
  const std::unordered_set<std::string> known(offered->begin(), offered->end());
  for (std::size_t i = 0; i < scopes->size(); ++i) {
    const json& scope = (*scopes)[i];
    if (!scope.is_string() || known.contains(scope.get<std::string>())) continue;
    std::string message = fmt::format("scope '{}' is not offered by any flow of {}",
                                      scope.get<std::string>(), schemeName);
    const auto suggestion = offered->size() <= kMaxSuggestions
                                ? text::closest(scope.get<std::string>(), *offered)
                                : std::nullopt;
    if (suggestion) {
      message += fmt::format(" (did you mean '{}'?)", *suggestion);
    } else {
      message += fmt::format(": add it to a flow's {} or remove it", scopesKey);
    }
    context.report(pointer::append(scopesPointer, i), message);
  }
}

// A Security Scheme Object of AsyncAPI 3: its `scopes` must be offered by its flows.
// openIdConnect scopes are discovered at run time from the provider, so they cannot be checked.
void checkSchemeV3(RuleContext& context, const std::string& schemePointer,
                   const std::string& schemeName) {
  const json* scheme = context.at(schemePointer);
  if (scheme == nullptr || stringMember(*scheme, "type") != "oauth2") return;
  checkScopes(context, pointer::append(schemePointer, "scopes"), *scheme, "availableScopes",
              schemeName);
}

bool isComponentScheme(const Reference& reference) {
  const auto tokens = pointer::split(reference.target).value_or(std::vector<std::string>{});
  return tokens.size() == 3 && tokens[0] == "components" && tokens[1] == "securitySchemes";
}

bool looksLikeScheme(const json& node) {
  static const std::unordered_set<std::string> types{
      "userPassword", "apiKey",      "X509",   "symmetricEncryption", "asymmetricEncryption",
      "httpApiKey",   "http",        "oauth2", "openIdConnect",       "plain",
      "scramSha256",  "scramSha512", "gssapi"};
  return types.contains(stringMember(node, "type"));
}

// A reference in a security list, or in components.securitySchemes, must lead to a scheme
// defined under components.securitySchemes.
void checkSchemeReference(RuleContext& context, const std::string& itemPointer) {
  const Reference* reference = context.refs().at(itemPointer);
  if (reference == nullptr || reference->kind != RefKind::local || !reference->resolved()) return;
  const std::string at = pointer::append(itemPointer, "$ref");
  if (!isComponentScheme(*reference)) {
    const auto target = context.resolve(itemPointer);
    if (target && looksLikeScheme(*target->node)) {
      context.report(at,
                     fmt::format("'{}' is a security scheme outside components.securitySchemes: "
                                 "define it under components.securitySchemes and reference it "
                                 "there",
                                 reference->text));
    } else {
      context.report(at,
                     fmt::format("'{}' is not a security scheme: references to security schemes "
                                 "must point to '#/components/securitySchemes/<name>'",
                                 reference->text));
    }
    return;
  }
  const json* item = context.at(itemPointer);
  if (item != nullptr && item->contains("scopes")) {
    context.report(pointer::append(itemPointer, "scopes"),
                   "'scopes' beside '$ref' is ignored, as a reference cannot be extended: define "
                   "a scheme with these scopes under components.securitySchemes and reference that "
                   "one",
                   Anchor::key);
  }
}

void checkV3(RuleContext& context) {
  forEachMember(context.root(), kSchemesPointer,
                [&](const std::string& name, const std::string& schemePointer, const json& scheme) {
                  if (asyncapi::isReference(scheme)) {
                    checkSchemeReference(context, schemePointer);
                  } else {
                    checkSchemeV3(context, schemePointer,
                                  fmt::format("security scheme '{}'", name));
                  }
                });
  for (const auto& list : securityListsV3(context)) {
    const json* items = context.at(list);
    if (items == nullptr || !items->is_array()) continue;
    for (std::size_t i = 0; i < items->size(); ++i) {
      const std::string item = pointer::append(list, i);
      if (asyncapi::isReference((*items)[i])) {
        checkSchemeReference(context, item);
      } else {
        checkSchemeV3(context, item,
                      "the security scheme at " + pointer::displayPath(context.root(), item));
      }
    }
  }
}

// One `{schemeName: [scopes]}` member of a 2.x security requirement.
void checkRequirementV2(RuleContext& context, const std::string& name,
                        const std::string& requirementPointer,
                        const std::vector<std::string>& schemeNames) {
  const std::string schemePointer = pointer::append(kSchemesPointer, name);
  if (context.at(schemePointer) == nullptr) {
    std::string message =
        fmt::format("there is no security scheme '{}' in components.securitySchemes", name);
    if (const auto suggestion = text::closest(name, schemeNames)) {
      message += fmt::format(" (did you mean '{}'?)", *suggestion);
    }
    context.report(requirementPointer, message, Anchor::key);
    return;
  }
  const auto scheme = context.resolve(schemePointer);
  if (!scheme) return;
  const std::string type = stringMember(*scheme->node, "type");
  const std::string schemeName = fmt::format("security scheme '{}'", name);
  if (type == "oauth2") {
    checkScopes(context, requirementPointer, *scheme->node, "scopes", schemeName);
    return;
  }
  const json* scopes = context.at(requirementPointer);
  if (type.empty() || type == "openIdConnect" || scopes == nullptr || !scopes->is_array() ||
      scopes->empty()) {
    return;
  }
  context.report(requirementPointer,
                 fmt::format("{} is of type '{}', which takes no scopes: the list must be empty "
                             "(only oauth2 and openIdConnect requirements list scopes)",
                             schemeName, type));
}

void checkV2(RuleContext& context) {
  std::vector<std::string> schemeNames;
  forEachMember(context.root(), kSchemesPointer,
                [&](const std::string& name, const std::string&, const json&) {
                  schemeNames.push_back(name);
                });
  for (const auto& list : securityListsV2(context)) {
    const json* items = context.at(list);
    if (items == nullptr || !items->is_array()) continue;
    for (std::size_t i = 0; i < items->size(); ++i) {
      forEachMember(context.root(), pointer::append(list, i),
                    [&](const std::string& name, const std::string& requirement, const json&) {
                      checkRequirementV2(context, name, requirement, schemeNames);
                    });
    }
  }
}

class SecurityRequirementInvalid final : public DocumentRule {
 public:
  SecurityRequirementInvalid()
      : DocumentRule(
            {.id = "security-requirement-invalid",
             .severity = Severity::error,
             .summary =
                 "Security lists must use defined security schemes and scopes their flows offer",
             .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    if (context.majorVersion() == 3) checkV3(context);
    if (context.majorVersion() == 2) checkV2(context);
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::SecurityRequirementInvalid)
