#include "config/config_file.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "config/config_schema.hpp"
#include "engine/rule.hpp"
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
    LoadResult loaded = loadFile(file.string());
    // An empty configuration is fine: the loader's complaint is about AsyncAPI documents.
    std::erase_if(loaded.diagnostics,
                  [](const Diagnostic& diagnostic) { return diagnostic.rule == "document-root"; });
    const bool clean = loaded.diagnostics.empty() && loaded.document.has_value();
    for (auto& diagnostic : loaded.diagnostics)
      report(loaded.document ? &*loaded.document : nullptr, file, std::move(diagnostic));
    if (!clean) return false;
    document_ = &*loaded.document;
    file_ = file;
    const json& root = document_->root;
    if (root.is_null()) return true;  // an empty file changes nothing
    if (!validShape(root) || !knownRulesAndOptions(root)) return false;
    chain_.push_back(identity(file));
    const bool extended = !root.contains("extends") || readExtends(root["extends"], config);
    chain_.pop_back();
    if (!extended) return false;
    addOwnSettings(root, globFolder, config);
    return true;
  }

 private:
  std::vector<fs::path> chain_;  // files being read, to catch a cycle of `extends`
  const Document* document_ = nullptr;
  fs::path file_;

  void report(const Document* document, const fs::path& file, Diagnostic diagnostic) {
    if (diagnostic.file.empty()) diagnostic.file = file.string();
    if (document != nullptr) document->place(diagnostic);
    errors.push_back(std::move(diagnostic));
  }

  void error(std::string pointer, Anchor anchor, std::string message) {
    Diagnostic diagnostic;
    diagnostic.rule = "config";
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

  bool knownRulesAndOptions(const json& root) {
    const std::size_t before = errors.size();
    checkRules(root, "/rules");
    if (const auto overrides = root.find("overrides"); overrides != root.end()) {
      for (std::size_t i = 0; i < overrides->size(); ++i)
        checkRules(root, pointer::append(pointer::append("/overrides", i), "rules"));
    }
    return errors.size() == before;
  }

  void checkRules(const json& root, const std::string& rulesPointer) {
    const json* rules = pointer::find(root, rulesPointer);
    if (rules == nullptr || !rules->is_object()) return;
    for (const auto& [id, value] : rules->items()) {
      const std::string rulePointer = pointer::append(rulesPointer, id);
      const bool off =
          value == "off" || (value.is_object() && value.value("severity", "") == "off");
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

  bool readExtends(const json& extends, Config& config) {
    const std::string name = extends.get<std::string>();
    if (const auto preset = presetNamed(name)) {
      config.preset = *preset;
      return true;
    }
    const fs::path target = (file_.parent_path() / name).lexically_normal();
    if (std::find(chain_.begin(), chain_.end(), identity(target)) != chain_.end()) {
      std::string cycle;
      for (const auto& file : chain_)
        cycle += file.filename().string() + " -> ";
      error("/extends", Anchor::value,
            "extends goes round a cycle: " + cycle + target.filename().string());
      return false;
    }
    std::error_code code;
    if (!fs::is_regular_file(target, code)) {
      error("/extends", Anchor::value,
            fmt::format("cannot extend '{}': no such file (write recommended, all, off, or a "
                        "path relative to this file)",
                        name));
      return false;
    }
    const Document* document = document_;
    const fs::path file = file_;
    const bool ok = read(target, config);
    document_ = document;
    file_ = file;
    return ok;
  }

  static RuleChanges changesOf(const json& rules) {
    RuleChanges changes;
    for (const auto& [id, value] : rules.items()) {
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
