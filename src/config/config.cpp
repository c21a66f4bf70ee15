#include "config/config.hpp"

#include <fmt/format.h>

#include "config/glob.hpp"
#include "engine/rule.hpp"

namespace asynclint::config {
namespace fs = std::filesystem;
namespace {

// The path globs are matched against: relative to `folder`, or absolute when outside it.
std::string globPath(const fs::path& file, const fs::path& folder) {
  const fs::path relative = file.lexically_normal().lexically_relative(folder.lexically_normal());
  if (relative.empty() || *relative.begin() == "..")
    return file.lexically_normal().generic_string();
  return relative.generic_string();
}

bool matchesAny(const RuleLayer& layer, const fs::path& file) {
  const std::string path = globPath(file, layer.folder);
  for (const auto& glob : layer.files) {
    if (globMatch(glob, path)) return true;
  }
  return false;
}

void applyPreset(Preset preset, engine::RuleSettings& settings) {
  if (preset == Preset::recommended) return;
  for (const auto* rule : engine::allRules()) {
    if (rule->info().kind != engine::RuleKind::builtin)
      settings.of(rule->info().id).enabled = preset == Preset::all;
  }
}

void apply(const RuleChanges& changes, engine::RuleSettings& settings) {
  for (const auto& [id, change] : changes) {
    engine::RuleSetting& setting = settings.of(id);
    setting.enabled = !change.off;
    if (change.severity) setting.severity = *change.severity;
    setting.options.update(change.options);
  }
}

RuleChanges changesOf(const ruleset::SeverityChanges& severities) {
  RuleChanges changes;
  for (const auto& [id, severity] : severities) {
    RuleChange change;
    change.off = !severity.has_value();
    change.severity = severity;
    changes[id] = change;
  }
  return changes;
}

// The pointers that `except` exempts in `file`, as an option of each custom rule it names.
void applyExceptions(const Config& config, const fs::path& file, engine::RuleSettings& settings) {
  const fs::path normal = file.lexically_normal();
  for (const auto& exception : config.exceptions) {
    if (exception.file != normal) continue;
    for (const auto& rule : exception.rules) {
      auto& except = settings.of(rule).options[ruleset::exceptOption];
      if (!except.is_array()) except = nlohmann::json::array();
      except.push_back(exception.pointer);
    }
  }
}

}  // namespace

void addRuleset(Config& config, ruleset::Ruleset ruleset) {
  std::erase_if(config.customRules, [&](const auto& rule) {
    return std::any_of(ruleset.rules.begin(), ruleset.rules.end(),
                       [&](const auto& other) { return other->info().id == rule->info().id; });
  });
  for (auto& rule : ruleset.rules)
    config.customRules.push_back(std::move(rule));
  if (!ruleset.builtin.empty())
    config.layers.push_back({fs::current_path(), {}, changesOf(ruleset.builtin)});
  for (auto& override : ruleset.overrides)
    config.layers.push_back({override.folder, override.files, changesOf(override.rules)});
  for (auto& exception : ruleset.exceptions)
    config.exceptions.push_back(std::move(exception));
  for (auto& notice : ruleset.notices) {
    notice.severity = Severity::warning;
    config.notices.push_back(std::move(notice));
  }
}

engine::RuleSettings settingsFor(const Config& config, const std::optional<fs::path>& file) {
  auto settings = engine::RuleSettings::defaults();
  applyPreset(config.preset, settings);
  for (const auto& rule : config.customRules) {
    settings.of(rule->info().id) =
        engine::RuleSetting{rule->info().recommended, rule->info().severity};
    settings.addCustomRule(rule);
  }
  if (file) applyExceptions(config, *file, settings);
  for (const auto& layer : config.layers) {
    const bool applies = layer.files.empty() || (file && matchesAny(layer, *file));
    if (applies) apply(layer.rules, settings);
  }
  return settings;
}

bool isIgnored(const Config& config, const fs::path& file) {
  for (const auto& layer : config.ignore) {
    if (matchesAny(layer, file)) return true;
  }
  return false;
}

std::optional<std::string> ruleChangeProblem(std::string_view id, bool off) {
  const engine::Rule* rule = engine::findRule(id);
  if (rule == nullptr) return engine::unknownRuleMessage(id) + "; `asynclint rules` lists them";
  switch (rule->info().configurable) {
    case engine::Configurable::no:
      return fmt::format("'{}' reports input errors, which cannot be configured", id);
    case engine::Configurable::severityOnly:
      if (off) return fmt::format("'{}' cannot be turned off; only its severity can change", id);
      return std::nullopt;
    case engine::Configurable::fully:
      return std::nullopt;
  }
  return std::nullopt;
}

CommandLineRules parseRuleFlags(const std::vector<std::string>& flags,
                                const std::vector<std::string>& customRules) {
  CommandLineRules parsed;
  for (const auto& flag : flags) {
    const auto equals = flag.find('=');
    const std::string id = flag.substr(0, equals);
    const std::string value = equals == std::string::npos ? "" : flag.substr(equals + 1);
    RuleChange change;
    change.off = value == "off";
    change.severity = parseSeverity(value);
    if (!change.off && !change.severity) {
      parsed.error = fmt::format(
          "--rule '{}': expected <rule>=<severity>, the severity one of off, error, warning, "
          "info, hint",
          flag);
      return parsed;
    }
    const bool custom = std::find(customRules.begin(), customRules.end(), id) != customRules.end();
    if (const auto problem = custom ? std::nullopt : ruleChangeProblem(id, change.off)) {
      parsed.error = fmt::format("--rule '{}': {}", flag, *problem);
      return parsed;
    }
    parsed.rules[id] = change;
  }
  return parsed;
}

}  // namespace asynclint::config
