// `info` without a description, or with a blank one.
#include <string>

#include "engine/checks.hpp"
#include "engine/context.hpp"
#include "text/strings.hpp"

namespace asynclint::engine {
namespace {

class InfoDescriptionMissing final : public DocumentRule {
 public:
  InfoDescriptionMissing()
      : DocumentRule({.id = "info-description-missing",
                      .severity = Severity::warning,
                      .summary = "`info` has no `description`, or a blank one",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    requireField(context, "/info",
                 {.anyOf = {"description"},
                  .missing = "info has no description: say what the application does and how to "
                             "use it (CommonMark is allowed)",
                  .empty = "info description is blank: say what the application does and how to "
                           "use it"});
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::InfoDescriptionMissing)
