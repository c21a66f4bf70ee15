#include <algorithm>
#include <map>

#include "engine/rule.hpp"
#include "engine/rule_docs.hpp"
#include "text/suggest.hpp"

namespace asynclint::engine {
namespace {

std::map<std::string, std::unique_ptr<Rule>, std::less<>>& registry() {
  static std::map<std::string, std::unique_ptr<Rule>, std::less<>> rules;
  return rules;
}

}  // namespace

void registerRule(std::unique_ptr<Rule> rule) {
  const std::string id = rule->info().id;
  registry()[id] = std::move(rule);
}

std::vector<const Rule*> allRules() {
  std::vector<const Rule*> rules;
  for (const auto& [id, rule] : registry())
    rules.push_back(rule.get());
  return rules;
}

const Rule* findRule(std::string_view id) {
  const auto it = registry().find(id);
  return it == registry().end() ? nullptr : it->second.get();
}

nlohmann::json optionDefault(const RuleOption& option) {
  auto parsed = nlohmann::json::parse(option.defaultValue, nullptr, false);
  return parsed.is_discarded() ? nlohmann::json(option.defaultValue) : parsed;
}

std::string unknownRuleMessage(std::string_view id) {
  std::vector<std::string> ids;
  for (const auto& [known, rule] : registry())
    ids.push_back(known);
  std::string message = "unknown rule '" + std::string(id) + "'";
  if (const auto suggestion = text::closest(id, ids))
    message += " (did you mean '" + *suggestion + "'?)";
  return message;
}

std::string_view ruleDoc(std::string_view id) {
  for (const auto& doc : embeddedRuleDocs()) {
    if (doc.id == id) return doc.text;
  }
  return {};
}

}  // namespace asynclint::engine
