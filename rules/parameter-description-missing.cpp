// A channel parameter without a description.
#include <fmt/format.h>

#include <string>

#include "engine/checks.hpp"
#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

class ParameterDescriptionMissing final : public DocumentRule {
 public:
  ParameterDescriptionMissing()
      : DocumentRule({.id = "parameter-description-missing",
                      .severity = Severity::hint,
                      .recommended = false,
                      .summary = "A channel parameter has no `description`",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    // Parameters given as a $ref are checked where they are written.
    for (const auto& parameter : asyncapi::definitionsIn(context, {"/components/parameters"})) {
      requireField(context, parameter.pointer,
                   {.anyOf = {"description"},
                    .missing = fmt::format("component parameter '{}' has no description: say "
                                           "what it stands for and which values it takes",
                                           parameter.key)});
    }
    for (const auto& channel : asyncapi::channels(context)) {
      const std::string parameters = pointer::append(channel.pointer, "parameters");
      for (const auto& parameter : asyncapi::definitionsIn(context, {parameters})) {
        requireField(
            context, parameter.pointer,
            {.anyOf = {"description"},
             .missing = fmt::format("parameter '{}' of {} has no description: say what "
                                    "it stands for and which values it takes",
                                    parameter.key, asyncapi::describe("channel", channel))});
      }
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::ParameterDescriptionMissing)
