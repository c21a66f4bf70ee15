// A tag without a description, wherever tags are written.
#include <fmt/format.h>

#include <string>

#include "engine/checks.hpp"
#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

class TagDescriptionMissing final : public DocumentRule {
 public:
  TagDescriptionMissing()
      : DocumentRule({.id = "tag-description-missing",
                      .severity = Severity::hint,
                      .recommended = false,
                      .summary = "A tag has no `description`",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    // An example may well hold "tags": only structural ones are read.
    model::forEachStructuralNode(context.root(), [&](std::string_view field, const std::string& at,
                                                     const nlohmann::json& value) {
      if (field != "tags") return;
      // A list of tags almost everywhere; a map of them in AsyncAPI 3 components.
      if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
          checkTag(context, pointer::append(at, i), value[i], Anchor::value);
        }
      } else if (value.is_object() && at == "/components/tags") {
        for (const auto& [name, tag] : value.items()) {
          checkTag(context, pointer::append(at, name), tag, Anchor::key);
        }
      }
    });
  }

 private:
  // Tags given as a $ref are checked where they are written.
  static void checkTag(RuleContext& context, const std::string& at, const nlohmann::json& tag,
                       Anchor anchor) {
    if (!tag.is_object() || asyncapi::isReference(tag)) return;
    const auto name = tag.find("name");
    const std::string subject = name != tag.end() && name->is_string()
                                    ? fmt::format("tag '{}'", name->get_ref<const std::string&>())
                                    : std::string("tag");
    requireField(context, at,
                 {.anyOf = {"description"},
                  .missing = fmt::format("{} has no description: say what the things it groups "
                                         "have in common",
                                         subject),
                  .missingAnchor = anchor});
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::TagDescriptionMissing)
