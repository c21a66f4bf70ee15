#include "engine/context.hpp"

#include "source/json_pointer.hpp"

namespace asynclint::engine {

RuleContext::RuleContext(const nlohmann::json& root, const RefIndex& refs,
                         schema::DocumentSchemas& schemas, const RuleInfo& rule,
                         const RuleSetting& setting, std::vector<Diagnostic>& out,
                         const PlaceLookup* places)
    : root_(root),
      refs_(refs),
      schemas_(schemas),
      rule_(rule),
      setting_(setting),
      out_(out),
      places_(places) {
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
  const auto written = refs_.writtenLocation(std::string(pointer));
  if (!written) return std::nullopt;
  Resolved current{*written, at(*written)};
  // A chain longer than the number of references must have gone round a cycle.
  for (std::size_t hops = 0; hops <= refs_.all().size(); ++hops) {
    if (current.node == nullptr) return std::nullopt;
    const Reference* reference = refs_.at(current.pointer);
    if (reference == nullptr) return current;
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

}  // namespace asynclint::engine
