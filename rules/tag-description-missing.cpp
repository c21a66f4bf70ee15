// A tag without a description, wherever tags are written.
#include <fmt/format.h>

#include <functional>
#include <string>

#include "engine/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {
namespace {

using Visit = std::function<void(const std::string& key, const std::string& pointer,
                                 const nlohmann::json& value)>;

// As in the reference index: the values of these keys are data (an example may well hold
// "tags"), and the keys of these maps are names chosen by the author.
bool holdsData(const std::string& key) {
  return key == "examples" || key == "example" || key == "default" || key == "const" ||
         key == "enum" || key.starts_with("x-");
}
bool namesChildren(const std::string& key) {
  return key == "properties" || key == "patternProperties" || key == "definitions" ||
         key == "$defs" || key == "dependencies";
}

// Visits every member that is part of the document's structure (not data, not a name).
void forEachStructuralMember(const nlohmann::json& node, std::string& pointer, bool keysAreNames,
                             const Visit& visit) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (!keysAreNames && holdsData(key)) continue;
      const std::size_t length = pointer.size();
      pointer += '/';
      pointer += pointer::escapeToken(key);
      if (!keysAreNames) visit(key, pointer, value);
      forEachStructuralMember(value, pointer, !keysAreNames && namesChildren(key), visit);
      pointer.resize(length);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      const std::size_t length = pointer.size();
      pointer += '/';
      pointer += std::to_string(i);
      forEachStructuralMember(node[i], pointer, false, visit);
      pointer.resize(length);
    }
  }
}

class TagDescriptionMissing final : public Rule {
 public:
  TagDescriptionMissing()
      : Rule({"tag-description-missing",
              Severity::hint,
              false,
              "A tag has no `description`",
              Versions::all,
              {}}) {}

  void check(RuleContext& context) const override {
    std::string pointer;
    forEachStructuralMember(
        context.root(), pointer, false,
        [&](const std::string& key, const std::string& at, const nlohmann::json& value) {
          if (key != "tags") return;
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
    if (!tag.is_object() || asyncapi::isReference(tag) || asyncapi::hasContent(tag, "description"))
      return;
    const auto name = tag.find("name");
    const std::string subject = name != tag.end() && name->is_string()
                                    ? fmt::format("tag '{}'", name->get_ref<const std::string&>())
                                    : std::string("tag");
    context.report(at,
                   fmt::format("{} has no description: say what the things it groups have in "
                               "common",
                               subject),
                   anchor);
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::TagDescriptionMissing)
