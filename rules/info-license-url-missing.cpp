// A license without the URL of its text.
#include <fmt/format.h>

#include <string>

#include "engine/checks.hpp"
#include "engine/context.hpp"
#include "model/asyncapi.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

class InfoLicenseUrlMissing final : public DocumentRule {
 public:
  InfoLicenseUrlMissing()
      : DocumentRule({.id = "info-license-url-missing",
                      .severity = Severity::warning,
                      .recommended = false,
                      .summary = "The license in `info` has no `url`",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    const nlohmann::json* license = context.at("/info/license");
    if (license == nullptr || !license->is_object()) return;
    const auto name = license->find("name");
    const std::string subject =
        name != license->end() && name->is_string()
            ? fmt::format("license '{}'", name->get_ref<const std::string&>())
            : std::string("license");
    requireField(context, "/info/license",
                 {.anyOf = {"url"},
                  .missing = fmt::format("{} has no url: add the URL of the license text so that "
                                         "readers can read the terms",
                                         subject)});
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::InfoLicenseUrlMissing)
