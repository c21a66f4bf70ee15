// `info` without a contact, or with a contact that names no way to reach anyone.
#include "engine/context.hpp"
#include "model/asyncapi.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

class InfoContactMissing final : public DocumentRule {
 public:
  InfoContactMissing()
      : DocumentRule({.id = "info-contact-missing",
                      .severity = Severity::warning,
                      .summary = "`info` has no `contact`, or a contact without name, url or email",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    const nlohmann::json* info = context.at("/info");
    if (info == nullptr || !info->is_object()) return;
    const auto contact = info->find("contact");
    if (contact == info->end()) {
      context.report("/info",
                     "info has no contact: add contact with the name, url or email of the people "
                     "responsible for the API",
                     Anchor::key);
      return;
    }
    if (!contact->is_object()) return;
    if (asyncapi::hasContent(*contact, "name") || asyncapi::hasContent(*contact, "url") ||
        asyncapi::hasContent(*contact, "email")) {
      return;
    }
    context.report("/info/contact",
                   "contact has none of name, url, email: add at least one so that readers know "
                   "whom to ask",
                   Anchor::key);
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::InfoContactMissing)
