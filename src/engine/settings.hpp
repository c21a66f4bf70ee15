// How each rule runs in one file: on or off, at which severity, with which options. The
// configuration layer computes it; the engine and the app only read it.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"

namespace asynclint::engine {

class DocumentRule;

struct RuleSetting {
  bool enabled = false;
  Severity severity = Severity::warning;
  nlohmann::json options = nlohmann::json::object();  // only the options a user set
};

class RuleSettings {
 public:
  // Every registered rule as it ships: recommended rules on, each at its default severity.
  static RuleSettings defaults();

  // The setting of a registered rule; an unknown id reads as off.
  const RuleSetting& of(std::string_view id) const;
  RuleSetting& of(std::string_view id);

  // The one place a finding gets its configured severity: false (and `finding` left as it is)
  // when its rule is off.
  bool configure(Diagnostic& finding) const;
  // configure() over `findings`, dropping those whose rule is off.
  void configure(std::vector<Diagnostic>& findings) const;

  // Rules defined by a configuration (custom rules from Spectral rulesets, src/ruleset/): they
  // run beside the registered ones, each with its setting under its own id.
  void addCustomRule(std::shared_ptr<const DocumentRule> rule);
  const std::vector<std::shared_ptr<const DocumentRule>>& customRules() const { return custom_; }

 private:
  std::map<std::string, RuleSetting, std::less<>> byId_;
  std::vector<std::shared_ptr<const DocumentRule>> custom_;
};

}  // namespace asynclint::engine
