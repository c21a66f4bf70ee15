// Within one `tags` list, each tag name appears once; so within components.tags.
#include <fmt/format.h>

#include <unordered_map>
#include <unordered_set>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

using nlohmann::json;

// Members that hold schemas, example data or protocol-specific values, never tag lists.
bool holdsData(const std::string& key) {
  return key == "payload" || key == "headers" || key == "schema" || key == "schemas" ||
         key == "examples" || key == "bindings" || key == "default" || key == "enum" ||
         key == "const" || key.starts_with("x-");
}

struct Tag {
  std::string name;
  std::string namePointer;  // where the name is written, or the `$ref` that leads to it
};

// The tag written at `pointer`, through a reference; nullopt when it has no name.
std::optional<Tag> tagAt(const RuleContext& context, const std::string& pointer) {
  const json* written = context.at(pointer);
  if (written == nullptr || !written->is_object()) return std::nullopt;
  const auto tag = context.resolve(pointer);
  if (!tag || !tag->node->is_object()) return std::nullopt;
  const auto name = tag->node->find("name");
  if (name == tag->node->end() || !name->is_string()) return std::nullopt;
  const bool reference = asyncapi::isReference(*written);
  return Tag{name->get<std::string>(), pointer::append(pointer, reference ? "$ref" : "name")};
}

struct Scope {
  std::string where;  // "operations.sendOrder.tags"
  bool list = true;   // a list, where the schema reports items identical as written; else a map
};

// Reports each tag of `entries` (pointers in document order) whose name an earlier one has.
void checkEntries(RuleContext& context, const std::vector<std::string>& entries,
                  const Scope& scope) {
  struct First {
    std::string entry;
    std::string pointer;
    std::unordered_set<std::size_t> writtenForms;  // hashes of the tags with this name
  };
  std::unordered_map<std::string, First> seen;
  for (const auto& entry : entries) {
    const auto tag = tagAt(context, entry);
    if (!tag) continue;
    const auto [it, inserted] = seen.try_emplace(tag->name, First{entry, tag->namePointer, {}});
    const bool identical =
        !it->second.writtenForms.insert(std::hash<json>{}(*context.at(entry))).second;
    if (inserted || (identical && scope.list)) continue;
    if (scope.list) {
      context.report(tag->namePointer,
                     fmt::format("tag '{}' appears twice in {}: remove one, or merge their "
                                 "descriptions",
                                 tag->name, scope.where),
                     Anchor::value, {RuleContext::note(it->second.pointer, "first listed here")});
      continue;
    }
    context.report(
        tag->namePointer,
        fmt::format("components.tags '{}' and '{}' both define tag '{}': remove one, "
                    "or rename it",
                    pointer::lastToken(entry), pointer::lastToken(it->second.entry), tag->name),
        Anchor::value, {RuleContext::note(it->second.pointer, "also defined here")});
  }
}

void checkList(RuleContext& context, const std::string& listPointer, const json& list) {
  std::vector<std::string> entries;
  for (std::size_t i = 0; i < list.size(); ++i) {
    entries.push_back(pointer::append(listPointer, i));
  }
  checkEntries(context, entries, {pointer::displayPath(context.root(), listPointer)});
}

// Walks the document structure for `tags` lists, skipping the members that hold data.
void walk(RuleContext& context, const std::string& at, const json& node) {
  if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      walk(context, pointer::append(at, i), node[i]);
    }
    return;
  }
  if (!node.is_object()) return;
  for (const auto& [key, value] : node.items()) {
    if (holdsData(key)) continue;
    const std::string member = pointer::append(at, key);
    if (key == "tags" && value.is_array()) {
      checkList(context, member, value);
    } else {
      walk(context, member, value);
    }
  }
}

class TagNamesUnique final : public DocumentRule {
 public:
  TagNamesUnique()
      : DocumentRule({.id = "tag-names-unique",
                      .severity = Severity::error,
                      .summary = "Tag names must be unique within each tags list",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    walk(context, "", context.root());
    // AsyncAPI 3 keeps reusable tags in a map, whose definitions must not share a name either
    // (an entry that references another is the same tag, not a second one).
    std::vector<std::string> components;
    for (const auto& tag : asyncapi::definitionsIn(context, {"/components/tags"})) {
      components.push_back(tag.pointer);
    }
    components = context.inWrittenOrder(std::move(components),
                                        [](const std::string& pointer) { return pointer; });
    checkEntries(context, components, {"components.tags", false});
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::TagNamesUnique)
