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

bool RuleSettings::configure(Diagnostic& finding) const {
  const RuleSetting& setting = of(finding.rule);
  if (!setting.enabled) return false;
  finding.severity = setting.severity;
  return true;
}

void RuleSettings::configure(std::vector<Diagnostic>& findings) const {
  std::erase_if(findings, [this](Diagnostic& finding) { return !configure(finding); });
}

void RuleSettings::addCustomRule(std::shared_ptr<const DocumentRule> rule) {
  custom_.push_back(std::move(rule));
}

}  // namespace asynclint::engine
