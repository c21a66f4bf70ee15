// The configuration of a run: which rules are on, at which severity and with which options, for
// which files; read from .asynclint.yaml (see load.hpp) and from `--rule` on the command line.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"
#include "engine/settings.hpp"
#include "ruleset/ruleset.hpp"

namespace asynclint::config {

// What a configuration starts from before its `rules`.
enum class Preset { recommended, all, off };

// A rule as one `rules` entry sets it; what it leaves out stays as it was.
struct RuleChange {
  bool off = false;
  std::optional<Severity> severity;
  nlohmann::json options = nlohmann::json::object();
};
using RuleChanges = std::map<std::string, RuleChange, std::less<>>;

// A `rules` block, with the globs of its override when it has some (none: every file). Globs are
// matched against a file's path relative to `folder`, the folder of the file that wrote them.
struct RuleLayer {
  std::filesystem::path folder;
  std::vector<std::string> files;
  RuleChanges rules;
};

struct Config {
  std::filesystem::path path;  // the configuration file; empty for the built-in defaults
  Preset preset = Preset::recommended;
  std::vector<RuleLayer> layers;  // in the order they apply; extended files' layers first
  std::vector<RuleLayer> ignore;  // `files` of each: globs of files never linted
  std::optional<std::filesystem::path> root;  // absolute; for reference resolution
  bool allowRemote = false;
  bool system = false;  // validate runs the system rules too, as with --system
  // Custom rules from Spectral rulesets (extends, inline rules, --ruleset), in the order read.
  std::vector<std::shared_ptr<const engine::DocumentRule>> customRules;
  std::vector<ruleset::Exception> exceptions;  // `except` of the rulesets
  std::vector<Diagnostic> notices;  // findings about the rulesets that do not stop the run
};

// Adds a loaded ruleset: its rules (replacing rules of the same name), then its severities for
// asynclint's rules and its overrides, as layers after those already there.
void addRuleset(Config& config, ruleset::Ruleset ruleset);

// The rule settings for `file` (absolute); without a file, only the layers that apply to every
// file (what `asynclint rules` shows).
engine::RuleSettings settingsFor(const Config& config,
                                 const std::optional<std::filesystem::path>& file);

// True when `file` (absolute) matches an `ignore` glob.
bool isIgnored(const Config& config, const std::filesystem::path& file);

// `--rule id=severity` values as one layer for every file; the message of the first bad one.
struct CommandLineRules {
  RuleChanges rules;
  std::string error;
};
// `customRules`: the names of custom rules that --rule may also set.
CommandLineRules parseRuleFlags(const std::vector<std::string>& flags,
                                const std::vector<std::string>& customRules = {});

// Why `id` cannot be set to `value` ("off" or a severity), or nullopt when it can: unknown ids
// (with a did-you-mean), input errors and rules that cannot be turned off.
std::optional<std::string> ruleChangeProblem(std::string_view id, bool off);

}  // namespace asynclint::config
