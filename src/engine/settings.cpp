#include "engine/settings.hpp"

#include "engine/rule.hpp"

namespace asynclint::engine {

RuleSettings RuleSettings::defaults() {
  RuleSettings settings;
  for (const Rule* rule : allRules()) {
    const RuleInfo& info = rule->info();
    settings.byId_[info.id] = RuleSetting{info.recommended, info.severity};
  }
  return settings;
}

const RuleSetting& RuleSettings::of(std::string_view id) const {
  static const RuleSetting off;
  const auto it = byId_.find(id);
  return it == byId_.end() ? off : it->second;
}

RuleSetting& RuleSettings::of(std::string_view id) {
  const auto it = byId_.find(id);
  if (it != byId_.end()) return it->second;
  return byId_.emplace(std::string(id), RuleSetting{}).first->second;
}

void RuleSettings::addCustomRule(std::shared_ptr<const DocumentRule> rule) {
  custom_.push_back(std::move(rule));
}

}  // namespace asynclint::engine
