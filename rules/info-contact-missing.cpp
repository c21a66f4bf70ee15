// `info` without a contact, or with a contact that names no way to reach anyone.
#include <string>

#include "engine/context.hpp"

namespace asynclint::engine {
namespace {

// True when `object` has `key` with something in it: a blank string says nothing. A value of
// the wrong type counts as present, since the schema reports it.
bool hasContent(const nlohmann::json& object, const char* key) {
  const auto member = object.find(key);
  if (member == object.end()) return false;
  if (!member->is_string()) return true;
  return member->get_ref<const std::string&>().find_first_not_of(" \t\r\n") != std::string::npos;
}

class InfoContactMissing final : public Rule {
 public:
  InfoContactMissing()
      : Rule({"info-contact-missing",
              Severity::warning,
              true,
              "`info` has no `contact`, or a contact without name, url or email",
              Versions::all,
              {}}) {}

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
    if (hasContent(*contact, "name") || hasContent(*contact, "url") ||
        hasContent(*contact, "email")) {
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
