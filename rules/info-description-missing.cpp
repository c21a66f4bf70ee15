// `info` without a description, or with a blank one.
#include <string>

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
    const nlohmann::json* info = context.at("/info");
    if (info == nullptr || !info->is_object()) return;
    const auto description = info->find("description");
    if (description == info->end()) {
      context.report("/info",
                     "info has no description: say what the application does and how to use it "
                     "(CommonMark is allowed)",
                     Anchor::key);
      return;
    }
    // A description of the wrong type is the schema's finding.
    if (description->is_string() && text::isBlank(description->get_ref<const std::string&>())) {
      context.report("/info/description",
                     "info description is blank: say what the application does and how to use it");
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::InfoDescriptionMissing)
