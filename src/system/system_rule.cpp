#include "system/system_rule.hpp"

#include <fmt/format.h>

#include <map>

namespace asynclint::system {
namespace {

std::map<std::string_view, const SystemRule*>& systemRegistry() {
  static std::map<std::string_view, const SystemRule*> rules;
  return rules;
}

}  // namespace

SystemRule::SystemRule(std::string id, Severity severity, std::string summary)
    : Rule({.id = std::move(id),
            .severity = severity,
            .summary = std::move(summary),
            .versions = engine::Versions::all,
            .kind = engine::RuleKind::system}) {}

void registerSystemRule(std::unique_ptr<SystemRule> rule) {
  const SystemRule& registered = *rule;
  engine::registerRule(std::move(rule));
  systemRegistry().emplace(registered.info().id, &registered);
}

SystemContext::SystemContext(const std::vector<ServiceModel>& services,
                             const AddressIndex& addresses, const Locator& locate,
                             const engine::RuleInfo& rule, std::vector<Diagnostic>& out)
    : services_(services), addresses_(addresses), locate_(locate), rule_(rule), out_(out) {}

std::string SystemContext::where(const ServicePlace& place) const {
  const Diagnostic located = locate_(place);
  return fmt::format("{}:{}", located.file, located.range.start.line);
}

void SystemContext::report(const ServicePlace& place, std::string message,
                           std::vector<SystemNote> notes) {
  Diagnostic diagnostic = locate_(place);
  diagnostic.rule = rule_.id;
  diagnostic.severity = rule_.severity;
  diagnostic.message = std::move(message);
  for (auto& note : notes) {
    const Diagnostic located = locate_(note.place);
    diagnostic.related.push_back(
        {located.file, located.pointer, located.range, std::move(note.message)});
  }
  out_.push_back(std::move(diagnostic));
}

std::vector<const SystemRule*> allSystemRules() {
  std::vector<const SystemRule*> rules;
  for (const auto& [id, rule] : systemRegistry())
    rules.push_back(rule);
  return rules;
}

std::vector<Diagnostic> runSystemRules(const std::vector<ServiceModel>& services,
                                       const Locator& locate,
                                       const std::function<bool(const std::string&)>& enabled) {
  std::vector<Diagnostic> findings;
  const AddressIndex addresses(services);
  for (const auto* rule : allSystemRules()) {
    if (enabled && !enabled(rule->info().id)) continue;
    SystemContext context(services, addresses, locate, rule->info(), findings);
    rule->checkSystem(context);
  }
  return findings;
}

}  // namespace asynclint::system
