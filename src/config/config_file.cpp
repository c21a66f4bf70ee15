#include "config/config_file.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "config/config_schema.hpp"
#include "engine/rule.hpp"
#include "rule_ids.hpp"
#include "ruleset/ruleset.hpp"
#include "schema/phrasing.hpp"
#include "schema/schema_validator.hpp"
#include "source/json_pointer.hpp"
#include "source/loader.hpp"
#include "text/suggest.hpp"

namespace asynclint::config {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const schema::SchemaValidator& configSchema() {
  static const auto validator = schema::SchemaValidator::fromSchemaText(configSchemaText());
  return *validator;
}

std::optional<Preset> presetNamed(std::string_view name) {
  if (name == "recommended") return Preset::recommended;
  if (name == "all") return Preset::all;
  if (name == "off") return Preset::off;
  return std::nullopt;
}

// One name per file, however it is written, to recognize a cycle of `extends`.
fs::path identity(const fs::path& file) {
  std::error_code error;
  const fs::path resolved = fs::weakly_canonical(file, error);
  return error ? fs::absolute(file, error).lexically_normal() : resolved;
}

bool sameType(const json& a, const json& b) {
  return a.type() == b.type() || (a.is_number() && b.is_number());
}

class Reader {
 public:
  // Globs of every file in an extends chain are relative to the folder of the first one, so
  // that a shared base configuration can say `legacy/**` for each project that extends it.
  explicit Reader(const fs::path& firstFile)
      : globFolder(fs::absolute(firstFile).parent_path().lexically_normal()) {}

  const fs::path globFolder;
  std::vector<Diagnostic> errors;

  // Reads `file` into `config`, files it extends first; false on any error.
  bool read(const fs::path& file, Config& config) {
    LoadResult loaded = takeOrLoad(file);
    // An empty configuration is fine: the loader's complaint is about AsyncAPI documents.
    std::erase_if(loaded.diagnostics, [](const Diagnostic& diagnostic) {
      return diagnostic.rule == ids::documentRoot;
    });
    const bool clean = loaded.diagnostics.empty() && loaded.document.has_value();
    for (auto& diagnostic : loaded.diagnostics)
      report(loaded.document ? &*loaded.document : nullptr, file, std::move(diagnostic));
    if (!clean) return false;
    document_ = &*loaded.document;
    file_ = file;
    const json& root = document_->root;
    if (root.is_null()) return true;  // an empty file changes nothing
    if (!validShape(root)) return false;
    chain_.push_back(identity(file));
    std::vector<std::string> rulesetEntries;
    const bool extended =
        !root.contains("extends") || readExtends(root["extends"], config, rulesetEntries);
    chain_.pop_back();
    // The rulesets are read even when a configuration it extends has errors: all are reported.
    const bool rulesets = readRulesetLanguage(rulesetEntries, config);
    if (!extended || !rulesets) return false;
    if (!knownRulesAndOptions(root, config)) return false;
    addOwnSettings(root, globFolder, config);
    return true;
  }

 private:
  std::vector<fs::path> chain_;  // files being read, to catch a cycle of `extends`
  ruleset::ReadFiles read_;      // files read to tell what they are, not yet taken
  const Document* document_ = nullptr;
  fs::path file_;

  void report(const Document* document, const fs::path& file, Diagnostic diagnostic) {
    if (diagnostic.file.empty()) diagnostic.file = file.string();
    if (document != nullptr) document->place(diagnostic);
    errors.push_back(std::move(diagnostic));
  }

  void error(std::string pointer, Anchor anchor, std::string message) {
    Diagnostic diagnostic;
    diagnostic.rule = ids::config;
    diagnostic.message = std::move(message);
    diagnostic.pointer = std::move(pointer);
    diagnostic.anchor = anchor;
    report(document_, file_, std::move(diagnostic));
  }

  bool validShape(const json& root) {
    if (!root.is_object()) {
      error("", Anchor::value,
            fmt::format("the configuration must be a mapping; found {}",
                        schema::describeFound(root)));
      return false;
    }
    auto findings = configSchema().validate(root);
    for (auto& finding : findings)
      error(finding.pointer, finding.anchor, finding.message);
    return findings.empty();
  }

  // The rulesets that `extends` names and the custom rules defined in `rules`, loaded through
  // the ruleset reader so that they mean what they mean in a Spectral ruleset.
  bool readRulesetLanguage(const std::vector<std::string>& extendsEntries, Config& config) {
    const json* rules = pointer::find(document_->root, "/rules");
    const bool definesRules = rules != nullptr && rules->is_object() &&
                              std::any_of(rules->begin(), rules->end(), [](const json& value) {
                                return ruleset::isRuleDefinition(value);
                              });
    if (extendsEntries.empty() && !definesRules) return true;
    auto loaded = ruleset::loadEmbedded(*document_, extendsEntries, "/rules", &read_);
    for (auto& diagnostic : loaded.errors)
      errors.push_back(std::move(diagnostic));
    if (!loaded.ruleset) return false;
    addRuleset(config, std::move(*loaded.ruleset));
    return true;
  }

  bool knownRulesAndOptions(const json& root, const Config& config) {
    const std::size_t before = errors.size();
    std::vector<std::string> custom;
    for (const auto& rule : config.customRules)
      custom.push_back(rule->info().id);
    checkRules(root, "/rules", custom, Definitions::allowed);
    if (const auto overrides = root.find("overrides"); overrides != root.end()) {
      for (std::size_t i = 0; i < overrides->size(); ++i)
        checkRules(root, pointer::append(pointer::append("/overrides", i), "rules"), custom,
                   Definitions::refused);
    }
    return errors.size() == before;
  }

  // Whether a `rules` block may define custom rules (only the top-level one does).
  enum class Definitions { allowed, refused };

  void checkRules(const json& root, const std::string& rulesPointer,
                  const std::vector<std::string>& custom, Definitions definitions) {
    const json* rules = pointer::find(root, rulesPointer);
    if (rules == nullptr || !rules->is_object()) return;
    for (const auto& [id, value] : rules->items()) {
      const std::string rulePointer = pointer::append(rulesPointer, id);
      if (ruleset::isRuleDefinition(value)) {
        if (definitions == Definitions::refused)
          error(rulePointer, Anchor::key,
                fmt::format("custom rule '{}' must be defined in the top-level rules; overrides "
                            "only change severities",
                            id));
        continue;
      }
      const bool isCustom = std::find(custom.begin(), custom.end(), id) != custom.end();
      const bool off =
          value == "off" || (value.is_object() && value.value("severity", "") == "off");
      if (isCustom) {
        if (value.is_object() && value.contains("options"))
          error(pointer::append(rulePointer, "options"), Anchor::key,
                fmt::format("custom rule '{}' takes its options in its definition "
                            "(functionOptions), not here",
                            id));
        continue;
      }
      if (const auto problem = ruleChangeProblem(id, off)) {
        error(rulePointer, Anchor::key, *problem);
        continue;
      }
      if (value.is_object() && value.contains("options"))
        checkOptions(id, value["options"], pointer::append(rulePointer, "options"));
    }
  }

  void checkOptions(const std::string& id, const json& options, const std::string& optionsPointer) {
    const auto& declared = engine::findRule(id)->info().options;
    std::vector<std::string> names;
    for (const auto& option : declared)
      names.push_back(option.name);
    for (const auto& [optionName, value] : options.items()) {
      const std::string& name = optionName;  // clang before 16 cannot capture a structured binding
      const std::string optionPointer = pointer::append(optionsPointer, name);
      const auto option = std::find_if(declared.begin(), declared.end(),
                                       [&](const engine::RuleOption& o) { return o.name == name; });
      if (option == declared.end()) {
        std::string message = fmt::format("rule '{}' has no option '{}'", id, name);
        if (names.empty()) {
          message += " (it takes no options)";
        } else if (const auto suggestion = text::closest(name, names)) {
          message += fmt::format(" (did you mean '{}'?)", *suggestion);
        } else {
          message += "; its options: " + text::quotedList(names, "and");
        }
        error(optionPointer, Anchor::key, std::move(message));
        continue;
      }
      const json expected = engine::optionDefault(*option);
      if (!sameType(value, expected)) {
        error(optionPointer, Anchor::value,
              fmt::format("option '{}' of rule '{}' must be {}; found {}", name, id,
                          schema::typeOf(expected), schema::describeFound(value)));
      }
    }
  }

  // `extends`: one entry or a list. Presets and configuration files are read here; the pointers
  // of the entries that name rulesets (spectral:..., [ruleset, mode], or a file that reads as
  // a Spectral ruleset) go to `rulesetEntries`, for the ruleset reader.
  bool readExtends(const json& extends, Config& config, std::vector<std::string>& rulesetEntries) {
    if (!extends.is_array()) return extendOne(extends, "/extends", config, rulesetEntries);
    bool ok = true;
    for (std::size_t i = 0; i < extends.size(); ++i)
      ok = extendOne(extends[i], pointer::append("/extends", i), config, rulesetEntries) && ok;
    return ok;
  }

  bool extendOne(const json& entry, const std::string& at, Config& config,
                 std::vector<std::string>& rulesetEntries) {
    if (!entry.is_string()) {  // [ruleset, mode]: the ruleset reader checks it
      rulesetEntries.push_back(at);
      return true;
    }
    const std::string name = entry.get<std::string>();
    if (const auto preset = presetNamed(name)) {
      config.preset = *preset;
      return true;
    }
    if (name.starts_with("spectral:") || name.find("://") != std::string::npos) {
      rulesetEntries.push_back(at);
      return true;
    }
    const fs::path target = (file_.parent_path() / name).lexically_normal();
    std::error_code code;
    if (!fs::is_regular_file(target, code)) {
      error(at, Anchor::value,
            fmt::format("cannot extend '{}': no such file (write recommended, all, off, a "
                        "configuration or ruleset file relative to this file, or "
                        "spectral:asyncapi)",
                        name));
      return false;
    }
    if (readsAsRuleset(target)) {
      rulesetEntries.push_back(at);
      return true;
    }
    if (std::find(chain_.begin(), chain_.end(), identity(target)) != chain_.end()) {
      std::string cycle;
      for (const auto& file : chain_)
        cycle += file.filename().string() + " -> ";
      error(at, Anchor::value, "extends goes round a cycle: " + cycle + target.filename().string());
      return false;
    }
    const Document* document = document_;
    const fs::path file = file_;
    const bool ok = read(target, config);
    document_ = document;
    file_ = file;
    return ok;
  }

  // A file that parses and looks like a Spectral ruleset (see ruleset::looksLikeRuleset) or is
  // named like one (.spectral.yaml, *.ruleset.json, ...); the rest is read as a configuration.
  // The file read here is kept (read_), for whichever reader takes it next.
  bool readsAsRuleset(const fs::path& file) {
    const std::string name = file.filename().string();
    if (name.find("spectral") != std::string::npos || name.find("ruleset") != std::string::npos)
      return true;
    const auto& loaded =
        read_.insert_or_assign(identity(file), loadFile(file.string())).first->second;
    return loaded.document && ruleset::looksLikeRuleset(loaded.document->root);
  }

  LoadResult takeOrLoad(const fs::path& file) {
    if (auto read = read_.extract(identity(file))) return std::move(read.mapped());
    return loadFile(file.string());
  }

  static RuleChanges changesOf(const json& rules) {
    RuleChanges changes;
    for (const auto& [id, value] : rules.items()) {
      if (ruleset::isRuleDefinition(value)) continue;  // a custom rule, read as a ruleset's
      const json severity = value.is_object() ? value.value("severity", json()) : value;
      RuleChange change;
      change.off = severity == "off";
      if (severity.is_string()) change.severity = parseSeverity(severity.get<std::string>());
      if (value.is_object()) change.options = value.value("options", json::object());
      changes[id] = std::move(change);
    }
    return changes;
  }

  static void addOwnSettings(const json& root, const fs::path& absoluteFolder, Config& config) {
    if (const auto rules = root.find("rules"); rules != root.end() && rules->is_object())
      config.layers.push_back({absoluteFolder, {}, changesOf(*rules)});
    const json overrides = root.value("overrides", json::array());
    for (const auto& override : overrides.is_array() ? overrides : json::array()) {
      const json rules = override.value("rules", json::object());
      config.layers.push_back({absoluteFolder, override["files"].get<std::vector<std::string>>(),
                               changesOf(rules.is_object() ? rules : json::object())});
    }
    if (const auto ignore = root.find("ignore"); ignore != root.end() && ignore->is_array())
      config.ignore.push_back({absoluteFolder, ignore->get<std::vector<std::string>>(), {}});
    if (const auto rootFolder = root.find("root"); rootFolder != root.end())
      config.root = (absoluteFolder / rootFolder->get<std::string>()).lexically_normal();
    if (const auto remote = root.find("allow-remote"); remote != root.end())
      config.allowRemote = remote->get<bool>();
    if (const auto system = root.find("system"); system != root.end())
      config.system = system->get<bool>();
  }
};

}  // namespace

const std::vector<std::string>& configFileNames() {
  static const std::vector<std::string> names{".asynclint.yaml", ".asynclint.yml",
                                              ".asynclint.json"};
  return names;
}

LoadedConfig readConfigFile(const fs::path& file) {
  Reader reader(file);
  Config config;
  config.path = file;
  LoadedConfig loaded;
  if (reader.read(file, config)) loaded.config = std::move(config);
  loaded.errors = std::move(reader.errors);
  return loaded;
}

}  // namespace asynclint::config
