// `info` without a contact, or with a contact that names no way to reach anyone.
#include "engine/checks.hpp"
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
    requireField(context, "/info",
                 {.anyOf = {"contact"},
                  .presenceIsEnough = true,
                  .missing = "info has no contact: add contact with the name, url or email of the "
                             "people responsible for the API"});
    requireField(context, "/info/contact",
                 {.anyOf = {"name", "url", "email"},
                  .missing = "contact has none of name, url, email: add at least one so that "
                             "readers know whom to ask"});
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::InfoContactMissing)
