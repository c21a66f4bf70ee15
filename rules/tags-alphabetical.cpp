// The document's list of tags, not sorted by name.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "engine/context.hpp"
#include "source/json_pointer.hpp"
#include "text/strings.hpp"

namespace asynclint::engine {
namespace {

// The name of each tag of the list at `listPointer`, following references; nullopt when a tag is
// a broken reference or has no string name (other findings).
std::optional<std::vector<std::string>> tagNames(const RuleContext& context,
                                                 const std::string& listPointer) {
  const nlohmann::json* list = context.at(listPointer);
  if (list == nullptr || !list->is_array()) return std::nullopt;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto tag = context.resolve(pointer::append(listPointer, i));
    if (!tag || !tag->node->is_object()) return std::nullopt;
    const auto name = tag->node->find("name");
    if (name == tag->node->end() || !name->is_string()) return std::nullopt;
    names.push_back(name->get<std::string>());
  }
  return names;
}

class TagsAlphabetical final : public DocumentRule {
 public:
  TagsAlphabetical()
      : DocumentRule(
            {.id = "tags-alphabetical",
             .severity = Severity::hint,
             .recommended = false,
             .summary =
                 "The document's tags (`info.tags` in AsyncAPI 3, root `tags` in 2) are not sorted "
                 "by name",
             .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    if (context.majorVersion() == 0) return;
    const std::string list = context.majorVersion() == 2 ? "/tags" : "/info/tags";
    const auto names = tagNames(context, list);
    if (!names) return;
    for (std::size_t i = 1; i < names->size(); ++i) {
      if (text::asciiLowercase((*names)[i]) >= text::asciiLowercase((*names)[i - 1])) continue;
      context.report(
          pointer::append(list, i),
          fmt::format("tag '{}' is listed after '{}': sort {} by name so that readers "
                      "find each tag where they expect it",
                      (*names)[i], (*names)[i - 1], list == "/tags" ? "tags" : "info.tags"),
          Anchor::value);
      return;
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::TagsAlphabetical)
