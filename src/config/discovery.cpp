#include "config/discovery.hpp"

#include "config/config_file.hpp"

namespace asynclint::config {
namespace fs = std::filesystem;
namespace {

// A found configuration file as messages name it: relative to the current folder when inside it.
fs::path shown(const fs::path& file) {
  const fs::path relative = file.lexically_relative(fs::current_path());
  return relative.empty() || *relative.begin() == ".." ? file : relative;
}

// Every --ruleset file, merged in order (a later one wins).
ruleset::LoadedRuleset readRulesets(const std::vector<std::string>& files) {
  ruleset::LoadedRuleset all;
  all.ruleset.emplace();
  for (const auto& file : files) {
    auto loaded = ruleset::loadRuleset(fs::path(file));
    for (auto& error : loaded.errors)
      all.errors.push_back(std::move(error));
    if (loaded.ruleset) ruleset::merge(*all.ruleset, std::move(*loaded.ruleset));
  }
  if (!all.errors.empty()) all.ruleset.reset();
  return all;
}

}  // namespace

const ruleset::LoadedRuleset& ConfigResolver::commandLineRulesets() {
  if (!commandLineRulesets_) commandLineRulesets_ = readRulesets(choice_.rulesets);
  return *commandLineRulesets_;
}

ConfigResolver::ConfigResolver(ConfigChoice choice, RuleChanges commandLine)
    : choice_(std::move(choice)), commandLine_(std::move(commandLine)) {}

const Resolution& ConfigResolver::forFile(const std::string& file) {
  if (file == "-" || file.empty()) return forCurrentFolder();
  if (choice_.none) return load(std::nullopt);
  if (choice_.file) return load(fs::path(*choice_.file));
  return load(nearestConfig(fs::absolute(file).lexically_normal().parent_path()));
}

std::vector<std::string> ConfigResolver::customRuleNames() {
  const Resolution& resolution = forCurrentFolder();
  std::vector<std::string> names;
  if (!resolution.config) return names;
  for (const auto& rule : resolution.config->customRules)
    names.push_back(rule->info().id);
  return names;
}

void ConfigResolver::setCommandLine(RuleChanges commandLine) {
  commandLine_ = std::move(commandLine);
  if (commandLine_.empty()) return;
  for (auto& [file, resolution] : byConfigFile_) {
    if (!resolution.config) continue;
    Config config = *resolution.config;
    config.layers.push_back({fs::current_path(), {}, commandLine_});
    resolution.config = std::make_shared<const Config>(std::move(config));
  }
}

const Resolution& ConfigResolver::forCurrentFolder() {
  if (choice_.none) return load(std::nullopt);
  if (choice_.file) return load(fs::path(*choice_.file));
  return load(nearestConfig(fs::current_path()));
}

std::optional<fs::path> ConfigResolver::nearestConfig(const fs::path& folder) {
  if (const auto it = nearestByFolder_.find(folder); it != nearestByFolder_.end())
    return it->second;
  std::optional<fs::path> found;
  std::error_code error;
  for (const auto& name : configFileNames()) {
    if (fs::is_regular_file(folder / name, error)) {
      found = folder / name;
      break;
    }
  }
  const bool top = fs::exists(folder / ".git", error) || folder == folder.root_path() ||
                   !folder.has_parent_path() || folder.parent_path() == folder;
  if (!found && !top) found = nearestConfig(folder.parent_path());
  nearestByFolder_[folder] = found;
  return found;
}

const Resolution& ConfigResolver::load(const std::optional<fs::path>& configFile) {
  if (const auto it = byConfigFile_.find(configFile); it != byConfigFile_.end()) return it->second;
  Resolution resolution;
  Config config;
  if (configFile) {
    LoadedConfig loaded = readConfigFile(shown(*configFile));
    resolution.errors = std::move(loaded.errors);
    if (loaded.config) config = std::move(*loaded.config);
  }
  if (!choice_.rulesets.empty()) {
    const auto& rulesets = commandLineRulesets();
    for (const auto& error : rulesets.errors)
      resolution.errors.push_back(error);
    if (rulesets.ruleset) addRuleset(config, *rulesets.ruleset);
  }
  if (resolution.errors.empty()) {
    if (!commandLine_.empty()) config.layers.push_back({fs::current_path(), {}, commandLine_});
    resolution.config = std::make_shared<const Config>(std::move(config));
  }
  return byConfigFile_.emplace(configFile, std::move(resolution)).first->second;
}

}  // namespace asynclint::config
