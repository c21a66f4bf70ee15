#include "engine/context.hpp"

#include "source/json_pointer.hpp"

namespace asynclint::engine {

RuleContext::RuleContext(const nlohmann::json& root, const RefIndex& refs,
                         schema::DocumentSchemas& schemas, const RuleInfo& rule,
                         const RuleSetting& setting, std::vector<Diagnostic>& out,
                         const PlaceLookup* places, DocumentMemo* memo)
    : root_(root),
      refs_(refs),
      schemas_(schemas),
      rule_(rule),
      setting_(setting),
      out_(out),
      places_(places),
      memo_(memo) {
  if (root.is_object()) {
    const auto version = root.find("asyncapi");
    if (version != root.end() && version->is_string()) {
      const std::string text = version->get<std::string>();
      if (text.starts_with("2.")) majorVersion_ = 2;
      if (text.starts_with("3.")) majorVersion_ = 3;
    }
  }
}

nlohmann::json RuleContext::option(std::string_view name) const {
  if (const auto it = setting_.options.find(name); it != setting_.options.end()) return *it;
  for (const auto& option : rule_.options) {
    if (option.name == name) return optionDefault(option);
  }
  return nullptr;
}

const nlohmann::json* RuleContext::at(std::string_view pointer) const {
  return pointer::find(root_, pointer);
}

std::optional<Resolved> RuleContext::resolve(std::string_view pointer) const {
  Resolved current;
  if (refs_.at(pointer) != nullptr) {
    // The pointer of a `$ref` as written (what a walk over the tree meets): nothing to search.
    current.pointer = std::string(pointer);
  } else {
    auto written = refs_.writtenLocation(std::string(pointer));
    if (!written) return std::nullopt;
    current.node = at(*written);
    current.pointer = std::move(*written);
    if (current.node == nullptr) return std::nullopt;
  }
  // A chain longer than the number of references must have gone round a cycle.
  for (std::size_t hops = 0; hops <= refs_.all().size(); ++hops) {
    const Reference* reference = refs_.at(current.pointer);
    if (reference == nullptr)
      return current.node != nullptr ? std::optional(current) : std::nullopt;
    if (reference->kind != RefKind::local || !reference->resolved()) return std::nullopt;
    current = Resolved{reference->written, reference->node};
  }
  return std::nullopt;
}

void RuleContext::report(std::string pointer, std::string message, Anchor anchor,
                         std::vector<RelatedLocation> related) {
  Diagnostic diagnostic;
  diagnostic.rule = rule_.id;
  diagnostic.severity = setting_.severity;
  diagnostic.message = std::move(message);
  diagnostic.pointer = std::move(pointer);
  diagnostic.anchor = anchor;
  diagnostic.related = std::move(related);
  out_.push_back(std::move(diagnostic));
}

RelatedLocation RuleContext::note(std::string pointer, std::string message) {
  RelatedLocation location;
  location.pointer = std::move(pointer);
  location.message = std::move(message);
  return location;
}

void forEachMember(const nlohmann::json& root, std::string_view pointerText,
                   const std::function<void(const std::string&, const std::string&,
                                            const nlohmann::json&)>& visit) {
  const nlohmann::json* node = pointer::find(root, pointerText);
  if (node == nullptr || !node->is_object()) return;
  for (const auto& [key, value] : node->items())
    visit(key, pointer::append(pointerText, key), value);
}

std::optional<Resolved> RuleContext::follow(const nlohmann::json& holder) const {
  const Reference* reference = refs_.heldBy(holder);
  // A chain longer than the number of references must have gone round a cycle.
  for (std::size_t hops = 0; reference != nullptr && hops <= refs_.all().size(); ++hops) {
    if (reference->kind != RefKind::local || !reference->resolved()) return std::nullopt;
    const Reference* next = refs_.heldBy(*reference->node);
    if (next == nullptr) return Resolved{reference->written, reference->node};
    reference = next;
  }
  return std::nullopt;
}

}  // namespace asynclint::engine
