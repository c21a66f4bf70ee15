// `info` without a license.
#include "engine/checks.hpp"
#include "engine/context.hpp"

namespace asynclint::engine {
namespace {

class InfoLicenseMissing final : public DocumentRule {
 public:
  InfoLicenseMissing()
      : DocumentRule({.id = "info-license-missing",
                      .severity = Severity::warning,
                      .summary = "`info` has no `license`",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    requireField(context, "/info",
                 {.anyOf = {"license"},
                  .presenceIsEnough = true,
                  .missing = "info has no license: add license with the name (and url) of the "
                             "terms under which the API may be used"});
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::InfoLicenseMissing)
