#include <algorithm>
#include <cstdio>
#include <cstdlib>
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

std::map<std::string_view, const DocumentRule*>& documentRegistry() {
  static std::map<std::string_view, const DocumentRule*> rules;
  return rules;
}

}  // namespace

void registerRule(std::unique_ptr<Rule> rule) {
  const std::string id = rule->info().id;
  const auto [entry, added] = registry().try_emplace(id, std::move(rule));
  if (!added) {
    std::fprintf(stderr, "asynclint: rule id '%s' is registered twice\n", id.c_str());
    std::abort();
  }
}

void registerDocumentRule(std::unique_ptr<DocumentRule> rule) {
  const DocumentRule& registered = *rule;
  registerRule(std::move(rule));
  documentRegistry().emplace(registered.info().id, &registered);
}

std::vector<const Rule*> allRules() {
  std::vector<const Rule*> rules;
  for (const auto& [id, rule] : registry())
    rules.push_back(rule.get());
  return rules;
}

std::vector<const DocumentRule*> documentRules() {
  std::vector<const DocumentRule*> rules;
  for (const auto& [id, rule] : documentRegistry())
    rules.push_back(rule);
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
