// Spectral rulesets (YAML or JSON): custom rules that asynclint runs natively through its rule
// engine, with `extends` (files, `spectral:asyncapi`, [ruleset, off|recommended|all]),
// `aliases`, `overrides`, `except`, and bare severities that tune extended rules or asynclint's
// own. Rules that need JavaScript (`functions`, `functionsDir`) cannot run: each gets one
// notice, and the others run. See docs/spectral-rulesets.md.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"
#include "engine/rule.hpp"
#include "source/document.hpp"
#include "source/loader.hpp"

namespace asynclint::ruleset {

// A severity set on a rule by name: nullopt turns it off.
using SeverityChanges = std::map<std::string, std::optional<Severity>, std::less<>>;

// `overrides` entry: severities for the files that match one of the globs, relative to `folder`.
struct FileOverride {
  std::filesystem::path folder;
  std::vector<std::string> files;
  SeverityChanges rules;
};

// `except`: rules that do not report at or under a pointer of a file (no pointer: the whole file).
struct Exception {
  std::filesystem::path file;  // absolute, normal
  std::string pointer;
  std::vector<std::string> rules;
};

struct Ruleset {
  // The custom rules: each one's RuleInfo carries its name as id, its severity, whether it is on
  // (`recommended`) and the ruleset file that defines it (`origin`).
  std::vector<std::shared_ptr<const engine::DocumentRule>> rules;
  SeverityChanges builtin;  // asynclint's own rules, by asynclint id
  std::vector<FileOverride> overrides;
  std::vector<Exception> exceptions;
  // Findings that do not stop the run: rules that cannot run natively (JavaScript functions).
  std::vector<Diagnostic> notices;
};

struct LoadedRuleset {
  std::optional<Ruleset> ruleset;  // absent when there are errors
  std::vector<Diagnostic> errors;  // each placed in the ruleset file it is about
};

LoadedRuleset loadRuleset(const std::filesystem::path& file);

// Files the configuration reader has already read (to tell a ruleset from a configuration), by
// their canonical path: the ruleset loader takes a file from here rather than read it again.
using ReadFiles = std::map<std::filesystem::path, LoadResult>;

// The ruleset language inside a configuration file (.asynclint.yaml): its `extends` entries at
// `extendsPointers` that name rulesets (files, spectral:asyncapi, [ruleset, mode]), then the
// members of the object at `rulesPointer` that define rules (see isRuleDefinition). Errors are
// placed in `document`, or in the ruleset file they are about.
LoadedRuleset loadEmbedded(const Document& document,
                           const std::vector<std::string>& extendsPointers,
                           const std::string& rulesPointer, ReadFiles* alreadyRead = nullptr);

// True when `root` reads as a Spectral ruleset rather than an asynclint configuration: rules
// with `given`/`then`, `spectral:` in extends, or keys only rulesets have.
bool looksLikeRuleset(const nlohmann::json& root);
// True when a `rules` entry defines a custom rule (an object with `given` or `then`).
bool isRuleDefinition(const nlohmann::json& value);

// The option under which a custom rule finds the pointers that `except` exempts in a file.
inline constexpr const char* exceptOption = "except";

// Adds `more` (loaded later, so winning) to `into`.
void merge(Ruleset& into, Ruleset more);

// asynclint's rule standing for a rule of Spectral's `spectral:asyncapi` ruleset, if any.
std::optional<std::string> asynclintRuleFor(std::string_view spectralRule);

}  // namespace asynclint::ruleset
