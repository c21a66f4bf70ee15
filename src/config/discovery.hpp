// Which configuration applies to each linted file: the one given with --config, none with
// --no-config, else the nearest .asynclint.yaml (.yml, .json) from the file's folder upward,
// stopping at the top of the git work tree (the first folder with a `.git` entry) or, outside
// one, at the filesystem root. Each configuration file is read once per run.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "diagnostic.hpp"

namespace asynclint::config {

struct ConfigChoice {
  std::optional<std::string> file;     // --config FILE
  bool none = false;                   // --no-config
  std::vector<std::string> ruleFlags;  // --rule id=severity, applied after the file
  std::vector<std::string> rulesets;   // --ruleset FILE: Spectral rulesets, after the file
};

struct Resolution {
  std::shared_ptr<const Config> config;  // null when the configuration has errors
  std::vector<Diagnostic> errors;        // the same for every file that shares the config
};

class ConfigResolver {
 public:
  // `commandLine` is the --rule layer, already checked (see parseRuleFlags).
  ConfigResolver(ConfigChoice choice, RuleChanges commandLine);

  // The configuration of the file at `file` ("-", standard input, is taken to be in the current
  // folder).
  const Resolution& forFile(const std::string& file);
  // The configuration of the current folder, for `asynclint rules`.
  const Resolution& forCurrentFolder();
  // The names of the custom rules that --rule may set: those of the --ruleset files and of the
  // configuration of the current folder (or --config); empty when one has errors (the run
  // reports them).
  std::vector<std::string> customRuleNames();
  // Sets the --rule layer (checked by parseRuleFlags) over every configuration, those read
  // already (customRuleNames reads the current folder's) and those to come: no file is read twice.
  void setCommandLine(RuleChanges commandLine);

 private:
  std::optional<std::filesystem::path> nearestConfig(const std::filesystem::path& folder);
  const Resolution& load(const std::optional<std::filesystem::path>& configFile);

  ConfigChoice choice_;
  RuleChanges commandLine_;
  std::map<std::filesystem::path, std::optional<std::filesystem::path>> nearestByFolder_;
  std::map<std::optional<std::filesystem::path>, Resolution> byConfigFile_;
  std::optional<ruleset::LoadedRuleset> commandLineRulesets_;  // read once, on first use
  const ruleset::LoadedRuleset& commandLineRulesets();
};

}  // namespace asynclint::config
