// `info` without a license.
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
    const nlohmann::json* info = context.at("/info");
    if (info == nullptr || !info->is_object() || info->contains("license")) return;
    context.report("/info",
                   "info has no license: add license with the name (and url) of the terms under "
                   "which the API may be used",
                   Anchor::key);
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::InfoLicenseMissing)
