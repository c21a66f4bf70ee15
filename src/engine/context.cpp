#include "engine/context.hpp"

namespace asynclint::engine {

RuleContext::RuleContext(const nlohmann::json& root, const RefIndex& refs,
                         schema::DocumentSchemas& schemas, const RuleInfo& rule,
                         const RuleSetting& setting, std::vector<Diagnostic>& out,
                         const PlaceLookup* places, DocumentMemo* memo)
    : DocumentView(root, refs, places),
      schemas_(schemas),
      rule_(rule),
      setting_(setting),
      out_(out),
      memo_(memo) {}

nlohmann::json RuleContext::option(std::string_view name) const {
  if (const auto it = setting_.options.find(name); it != setting_.options.end()) return *it;
  for (const auto& option : rule_.options) {
    if (option.name == name) return optionDefault(option);
  }
  return nullptr;
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

}  // namespace asynclint::engine
