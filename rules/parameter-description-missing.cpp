// A channel parameter without a description.
#include <fmt/format.h>

#include <string>

#include "engine/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {
namespace {

bool hasDescription(const nlohmann::json& parameter) {
  const auto description = parameter.find("description");
  if (description == parameter.end()) return false;
  if (!description->is_string()) return true;  // the schema reports the type
  return description->get_ref<const std::string&>().find_first_not_of(" \t\r\n") !=
         std::string::npos;
}

class ParameterDescriptionMissing final : public Rule {
 public:
  ParameterDescriptionMissing()
      : Rule({"parameter-description-missing",
              Severity::hint,
              false,
              "A channel parameter has no `description`",
              Versions::all,
              {}}) {}

  void check(RuleContext& context) const override {
    // Parameters given as a $ref are checked where they are written.
    for (const auto& parameter : asyncapi::definitionsIn(context, {"/components/parameters"})) {
      if (hasDescription(*parameter.node)) continue;
      context.report(parameter.pointer,
                     fmt::format("component parameter '{}' has no description: say what it "
                                 "stands for and which values it takes",
                                 parameter.key),
                     Anchor::key);
    }
    for (const auto& channel : asyncapi::channels(context)) {
      const std::string parameters = pointer::append(channel.pointer, "parameters");
      const bool component = channel.pointer.starts_with("/components/");
      for (const auto& parameter : asyncapi::definitionsIn(context, {parameters})) {
        if (hasDescription(*parameter.node)) continue;
        context.report(parameter.pointer,
                       fmt::format("parameter '{}' of {}channel '{}' has no description: say what "
                                   "it stands for and which values it takes",
                                   parameter.key, component ? "component " : "", channel.key),
                       Anchor::key);
      }
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::ParameterDescriptionMissing)
