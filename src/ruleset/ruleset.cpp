#include "ruleset/ruleset.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "rule_ids.hpp"
#include "ruleset/custom_rule.hpp"
#include "schema/phrasing.hpp"
#include "source/json_pointer.hpp"
#include "source/loader.hpp"
#include "text/suggest.hpp"

namespace asynclint::ruleset {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Spectral's asyncapi ruleset, rule by rule, and the asynclint rule that checks the same thing
// (docs/spectral-rulesets.md has the table with the differences).
const std::vector<std::pair<std::string, std::string>>& spectralAsyncapiTable() {
  static const std::vector<std::pair<std::string, std::string>> table{
      {"asyncapi-channel-no-empty-parameter", "channel-address-format"},
      {"asyncapi-3-channel-no-empty-parameter", "channel-address-format"},
      {"asyncapi-channel-no-query-nor-fragment", "channel-address-format"},
      {"asyncapi-3-channel-no-query-nor-fragment", "channel-address-format"},
      {"asyncapi-channel-no-trailing-slash", "channel-address-format"},
      {"asyncapi-3-channel-no-trailing-slash", "channel-address-format"},
      {"asyncapi-channel-parameters", "channel-parameters"},
      {"asyncapi-channel-servers", "channel-server-ref"},
      {"asyncapi-3-channel-servers", "channel-server-ref"},
      {"asyncapi-headers-schema-type-object", "message-headers-not-object"},
      {"asyncapi-3-headers-schema-type-object", "message-headers-not-object"},
      {"asyncapi-info-contact", "info-contact-missing"},
      {"asyncapi-info-description", "info-description-missing"},
      {"asyncapi-info-license", "info-license-missing"},
      {"asyncapi-info-license-url", "info-license-url-missing"},
      {"asyncapi-latest-version", "asyncapi-latest-version"},
      {"asyncapi-message-examples", "message-examples-invalid"},
      {"asyncapi-operation-description", "operation-description-missing"},
      {"asyncapi-3-operation-description", "operation-description-missing"},
      {"asyncapi-operation-security", "security-requirement-invalid"},
      {"asyncapi-3-operation-security", "security-requirement-invalid"},
      {"asyncapi-parameter-description", "parameter-description-missing"},
      {"asyncapi-payload-default", "schema-values-invalid"},
      {"asyncapi-payload-examples", "schema-values-invalid"},
      {"asyncapi-payload-unsupported-schemaFormat", "payload-format-unsupported"},
      {"asyncapi-3-payload-unsupported-schemaFormat", "payload-format-unsupported"},
      {"asyncapi-schema-default", "schema-values-invalid"},
      {"asyncapi-schema-examples", "schema-values-invalid"},
      {"asyncapi-server-no-empty-variable", "server-url-format"},
      {"asyncapi-3-server-no-empty-variable", "server-url-format"},
      {"asyncapi-server-no-trailing-slash", "server-url-format"},
      {"asyncapi-3-server-no-trailing-slash", "server-url-format"},
      {"asyncapi-server-not-example-com", "server-host-example"},
      {"asyncapi-3-server-not-example-com", "server-host-example"},
      {"asyncapi-server-security", "security-requirement-invalid"},
      {"asyncapi-server-variables", "server-variables"},
      {"asyncapi-servers", "servers-missing"},
      {"asyncapi-tag-description", "tag-description-missing"},
      {"asyncapi-3-tag-description", "tag-description-missing"},
      {"asyncapi-tags-alphabetical", "tags-alphabetical"},
      {"asyncapi-3-tags-alphabetical", "tags-alphabetical"},
      {"asyncapi-tags-uniqueness", "tag-names-unique"},
      {"asyncapi-3-tags-uniqueness", "tag-names-unique"},
      {"asyncapi-unused-components-schema", "component-unused"},
      {"asyncapi-unused-components-server", "component-unused"},
      {"asyncapi-3-document-resolved", "ref-unresolved"},
      {"asyncapi-3-document-unresolved", "ref-unresolved"},
  };
  return table;
}

// Spectral's own rules without an asynclint counterpart: a bare severity for them changes
// nothing here (asynclint's schema check covers the document schema).
bool isUnmappedSpectralRule(std::string_view name) {
  static const std::set<std::string, std::less<>> names{"asyncapi-schema",
                                                        "asyncapi-payload",
                                                        "asyncapi-info-contact-properties",
                                                        "asyncapi-tags",
                                                        "asyncapi-3-tags",
                                                        "asyncapi-message-messageId-uniqueness",
                                                        "asyncapi-operation-operationId",
                                                        "asyncapi-operation-operationId-uniqueness",
                                                        "asyncapi-document-resolved",
                                                        "asyncapi-document-unresolved"};
  return names.count(name) > 0;
}

std::optional<Severity> severityFrom(const json& value, bool& off, bool& valid) {
  valid = true;
  off = false;
  if (value.is_boolean()) {
    off = !value.get<bool>();
    return std::nullopt;
  }
  if (value.is_number_integer()) {
    const auto n = value.get<long long>();
    if (n == -1) {
      off = true;
      return std::nullopt;
    }
    if (n >= 0 && n <= 3) return static_cast<Severity>(n);
  } else if (value.is_string()) {
    const std::string name = value.get<std::string>();
    if (name == "off") {
      off = true;
      return std::nullopt;
    }
    if (name == "error") return Severity::error;
    if (name == "warn") return Severity::warning;
    if (name == "info") return Severity::info;
    if (name == "hint") return Severity::hint;
  }
  valid = false;
  return std::nullopt;
}

const char* kSeverityHelp = "error, warn, info, hint, off, or 0 to 3";

enum class Mode { recommended, all, off };

std::vector<std::string> keysOf(const std::vector<const char*>& names) {
  return {names.begin(), names.end()};
}

class Loader {
 public:
  explicit Loader(ReadFiles* alreadyRead = nullptr) : alreadyRead_(alreadyRead) {}

  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> notices;

  // The rules of `file` and of what it extends, in Spectral's order: extended first.
  bool load(const fs::path& file, Mode mode) {
    const fs::path identity = fs::weakly_canonical(fs::absolute(file));
    if (std::find(chain_.begin(), chain_.end(), identity) != chain_.end()) {
      error("/extends", Anchor::value,
            fmt::format("extends goes round a cycle: {} extends itself through its chain",
                        file.filename().string()));
      return false;
    }
    if (origin_.empty()) origin_ = file;
    LoadResult loaded = takeOrLoad(identity, file);
    std::erase_if(loaded.diagnostics,
                  [](const Diagnostic& d) { return d.rule == ids::documentRoot; });
    if (!loaded.document || !loaded.diagnostics.empty()) {
      for (auto& diagnostic : loaded.diagnostics) {
        diagnostic.file = file.string();
        if (loaded.document) loaded.document->place(diagnostic);
        diagnostic.rule = ids::config;
        errors.push_back(std::move(diagnostic));
      }
      return false;
    }
    documents_.push_back(std::make_unique<Document>(std::move(*loaded.document)));
    chain_.push_back(identity);
    const Document* saved = document_;
    const fs::path savedFile = file_;
    document_ = documents_.back().get();
    file_ = file;
    const bool ok = loadDocument(mode);
    document_ = saved;
    file_ = savedFile;
    chain_.pop_back();
    return ok;
  }

  // What a configuration file says in the ruleset language: the `extends` entries at
  // `extendsPointers` (rulesets) and the rule definitions among the members at `rulesPointer`.
  bool loadEmbedded(const Document& document, const std::vector<std::string>& extendsPointers,
                    const std::string& rulesPointer) {
    document_ = &document;
    file_ = document.path;
    origin_ = document.path;
    const std::size_t before = errors.size();
    for (const auto& at : extendsPointers) {
      if (const json* entry = pointer::find(document.root, at))
        extendEntry(*entry, at, Mode::recommended);
    }
    const json* rules = pointer::find(document.root, rulesPointer);
    if (rules != nullptr && rules->is_object()) {
      for (const auto& [name, value] : rules->items()) {
        if (isRuleDefinition(value))
          define(name, value, pointer::append(rulesPointer, name), {}, Mode::recommended);
      }
    }
    return errors.size() == before;
  }

  Ruleset result() {
    Ruleset ruleset;
    // The formats the rules name: the only ones Spectral recognizes a document by when it
    // chooses the target of an alias.
    std::set<std::string> registered = extendedFormats_;
    for (const auto& [name, definition] : definitions_)
      registered.insert(definition.formats.begin(), definition.formats.end());
    const bool named = definitions_.contains(std::string(unrecognizedFormatRule));
    for (auto& [name, definition] : definitions_) {
      definition.registeredFormats.assign(registered.begin(), registered.end());
      ruleset.rules.push_back(makeCustomRule(std::move(definition)));
    }
    if (!registered.empty() && !named) {
      ruleset.rules.push_back(
          makeFormatCheck({registered.begin(), registered.end()}, origin_.string()));
    }
    ruleset.builtin = std::move(builtin_);
    ruleset.overrides = std::move(overrides_);
    ruleset.exceptions = std::move(exceptions_);
    ruleset.notices = std::move(notices);
    return ruleset;
  }

 private:
  LoadResult takeOrLoad(const fs::path& identity, const fs::path& file) {
    if (alreadyRead_ != nullptr) {
      if (auto read = alreadyRead_->extract(identity)) return std::move(read.mapped());
    }
    return loadFile(file.string());
  }

  ReadFiles* alreadyRead_ = nullptr;
  std::map<std::string, RuleDefinition> definitions_;
  SeverityChanges builtin_;
  std::vector<FileOverride> overrides_;
  std::vector<Exception> exceptions_;
  std::vector<fs::path> chain_;
  std::vector<std::unique_ptr<Document>> documents_;
  const Document* document_ = nullptr;
  fs::path file_;
  fs::path origin_;                        // the ruleset (or configuration) loaded first
  std::set<std::string> extendedFormats_;  // registered by spectral:asyncapi

  void place(Diagnostic& diagnostic, std::string pointer, Anchor anchor) const {
    diagnostic.rule = ids::config;
    diagnostic.severity = Severity::error;
    diagnostic.file = file_.string();
    diagnostic.pointer = std::move(pointer);
    diagnostic.anchor = anchor;
    if (document_ != nullptr) document_->place(diagnostic);
  }

  void error(std::string pointer, Anchor anchor, std::string message) {
    Diagnostic diagnostic;
    diagnostic.message = std::move(message);
    place(diagnostic, std::move(pointer), anchor);
    errors.push_back(std::move(diagnostic));
  }

  void notice(std::string pointer, Anchor anchor, std::string message) {
    Diagnostic diagnostic;
    diagnostic.message = std::move(message);
    place(diagnostic, std::move(pointer), anchor);
    notices.push_back(std::move(diagnostic));
  }

  void unknownKeys(const json& object, const std::string& at, const std::vector<std::string>& known,
                   std::string_view what) {
    for (const auto& [key, value] : object.items()) {
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::string message = fmt::format("{} has no property '{}'", what, key);
      if (const auto suggestion = text::closest(key, known))
        message += fmt::format(" (did you mean '{}'?)", *suggestion);
      error(pointer::append(at, key), Anchor::key, std::move(message));
    }
  }

  bool loadDocument(Mode mode) {
    const json& root = document_->root;
    if (!root.is_object()) {
      error("", Anchor::value,
            fmt::format("a ruleset must be a mapping; found {}", schema::describeFound(root)));
      return false;
    }
    const std::size_t before = errors.size();
    unknownKeys(
        root, "",
        keysOf({"rules", "extends", "aliases", "overrides", "except", "formats", "functions",
                "functionsDir", "documentationUrl", "description", "parserOptions"}),
        "a ruleset");
    if (errors.size() != before) return false;
    if (const auto extends = root.find("extends"); extends != root.end())
      readExtends(*extends, mode);
    const std::map<std::string, std::vector<Given>> aliases = readAliases(root);
    std::vector<std::string> formats;
    if (const auto f = root.find("formats"); f != root.end()) formats = readFormats(*f, "/formats");
    const std::set<std::string> jsFunctions = readFunctions(root);
    if (const auto rules = root.find("rules"); rules != root.end()) {
      if (!rules->is_object()) {
        error("/rules", Anchor::value, "'rules' must be a mapping of rule names to rules");
      } else {
        for (const auto& [name, value] : rules->items()) {
          const std::string at = pointer::append("/rules", name);
          if (value.is_object()) {
            define(name, value, at, aliases, mode, formats, jsFunctions);
          } else {
            setSeverity(name, value, at, builtin_, true);
          }
        }
      }
    }
    if (const auto overrides = root.find("overrides"); overrides != root.end())
      readOverrides(*overrides);
    if (const auto except = root.find("except"); except != root.end()) readExcept(*except);
    return errors.size() == before;
  }

  void readExtends(const json& extends, Mode mode) {
    if (!extends.is_array()) {
      extendEntry(extends, "/extends", mode);
      return;
    }
    for (std::size_t i = 0; i < extends.size(); ++i)
      extendEntry(extends[i], pointer::append("/extends", i), mode);
  }

  // One `extends` entry at `at`: a path, spectral:asyncapi, or [ruleset, off|recommended|all].
  void extendEntry(const json& entry, const std::string& at, Mode mode) {
    json target = entry;
    Mode entryMode = mode;
    if (entry.is_array()) {
      if (entry.size() != 2 || !entry[0].is_string() || !entry[1].is_string()) {
        error(at, Anchor::value, "an extends entry in a list is [ruleset, off|recommended|all]");
        return;
      }
      target = entry[0];
      const std::string m = entry[1].get<std::string>();
      if (m == "off") {
        entryMode = Mode::off;
      } else if (m == "all") {
        entryMode = Mode::all;
      } else if (m == "recommended") {
        entryMode = Mode::recommended;
      } else {
        error(pointer::append(at, 1), Anchor::value,
              fmt::format("'{}' is not off, recommended or all", m));
        return;
      }
    }
    if (!target.is_string()) {
      error(at, Anchor::value, "an extends entry is a path, spectral:asyncapi, or [ruleset, mode]");
      return;
    }
    extendOne(target.get<std::string>(), entryMode, at);
  }

  void extendOne(const std::string& name, Mode mode, const std::string& at) {
    if (name == "spectral:asyncapi") {
      // Its formats count among the ruleset's, as in Spectral, whatever the mode.
      extendedFormats_.insert(asyncapiFormats().begin(), asyncapiFormats().end());
      // asynclint's own rules stand for Spectral's: off turns them off, all turns them on.
      if (mode == Mode::recommended) return;
      for (const auto& [spectral, asynclint] : spectralAsyncapiTable()) {
        if (mode == Mode::off) {
          builtin_[asynclint] = std::nullopt;
        } else if (const auto* rule = engine::findRule(asynclint)) {
          builtin_[asynclint] = rule->info().severity;
        }
      }
      return;
    }
    if (name.starts_with("spectral:")) {
      notice(at, Anchor::value,
             fmt::format("'{}' is a ruleset for other kinds of documents; asynclint checks "
                         "AsyncAPI documents and leaves it out",
                         name));
      return;
    }
    if (name.find("://") != std::string::npos) {
      error(at, Anchor::value,
            fmt::format("cannot extend '{}': asynclint reads rulesets from files only", name));
      return;
    }
    const fs::path target = (file_.parent_path() / name).lexically_normal();
    std::error_code code;
    if (!fs::is_regular_file(target, code)) {
      error(at, Anchor::value,
            fmt::format("cannot extend '{}': no such file (write a path relative to this ruleset, "
                        "or spectral:asyncapi)",
                        name));
      return;
    }
    load(target, mode);
  }

  std::vector<std::string> readFormats(const json& value, const std::string& at) {
    std::vector<std::string> formats;
    if (!value.is_array()) {
      error(at, Anchor::value, "'formats' must be a list of format names, such as aas2 or aas3");
      return formats;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      const json& format = value[i];
      if (!format.is_string() || !isKnownFormat(format.get<std::string>())) {
        error(pointer::append(at, i), Anchor::value,
              fmt::format("unknown format {} (AsyncAPI formats: aas2, aas2_0 to aas2_6, aas3, "
                          "aas3_0, aas3_1)",
                          format.dump()));
        continue;
      }
      formats.push_back(format.get<std::string>());
    }
    return formats;
  }

  std::set<std::string> readFunctions(const json& root) {
    std::set<std::string> names;
    if (const auto functions = root.find("functions"); functions != root.end()) {
      if (functions->is_array()) {
        for (const auto& name : *functions) {
          if (name.is_string()) names.insert(name.get<std::string>());
        }
      } else {
        error("/functions", Anchor::value, "'functions' must be a list of function names");
      }
    }
    return names;
  }

  std::map<std::string, std::vector<Given>> readAliases(const json& root) {
    std::map<std::string, std::vector<Given>> aliases;
    const auto found = root.find("aliases");
    if (found == root.end()) return aliases;
    if (!found->is_object()) {
      error("/aliases", Anchor::value, "'aliases' must be a mapping of names to JSONPaths");
      return aliases;
    }
    // An alias may use any other, written before or after it (Spectral has no order, and the
    // parsed mapping has lost it anyway): each is read once the aliases it uses are, and those
    // left when no more can be read use each other in a cycle.
    std::set<std::string> pending;
    for (const auto& [name, value] : found->items())
      pending.insert(name);
    bool progress = true;
    while (!pending.empty() && progress) {
      progress = false;
      for (auto name = pending.begin(); name != pending.end();) {
        const auto uses = aliasesUsedBy((*found)[*name]);
        const bool ready = std::none_of(uses.begin(), uses.end(), [&](const std::string& used) {
          return pending.contains(used);
        });
        if (!ready) {
          ++name;
          continue;
        }
        aliases[*name] = readAlias((*found)[*name], pointer::append("/aliases", *name), aliases);
        name = pending.erase(name);
        progress = true;
      }
    }
    for (const auto& name : pending) {
      error(pointer::append("/aliases", name), Anchor::value,
            fmt::format("alias '#{}' uses itself, through a cycle of aliases", name));
    }
    return aliases;
  }

  std::vector<Given> readAlias(const json& value, const std::string& at,
                               const std::map<std::string, std::vector<Given>>& aliases) {
    if (!value.is_object()) return readGiven(value, at, aliases);
    std::vector<Given> givens;
    const auto targets = value.find("targets");
    if (targets == value.end() || !targets->is_array()) {
      error(at, Anchor::value,
            "an alias written as a mapping needs 'targets': a list of "
            "{formats, given}");
      return givens;
    }
    for (std::size_t i = 0; i < targets->size(); ++i) {
      const json& target = (*targets)[i];
      const std::string targetAt = pointer::append(pointer::append(at, "targets"), i);
      if (!target.is_object() || !target.contains("formats") || !target.contains("given")) {
        error(targetAt, Anchor::value, "an alias target needs 'formats' and 'given'");
        continue;
      }
      const auto formats = readFormats(target["formats"], pointer::append(targetAt, "formats"));
      for (auto given : readGiven(target["given"], pointer::append(targetAt, "given"), aliases)) {
        given.formats = formats;
        given.scopedAlias = at;
        given.target = i;
        givens.push_back(std::move(given));
      }
    }
    return givens;
  }

  // The names of the aliases an alias definition uses (`#Name...` strings anywhere in it).
  static std::set<std::string> aliasesUsedBy(const json& value) {
    std::set<std::string> names;
    if (value.is_string()) {
      const std::string text = value.get<std::string>();
      if (text.starts_with("#")) names.insert(aliasName(text));
    } else if (value.is_structured()) {
      for (const auto& item : value) {
        for (auto& name : aliasesUsedBy(item))
          names.insert(std::move(name));
      }
    }
    return names;
  }

  // Whether a `field` is a JSONPath from the target ($, $.x, $..x, $[...]) rather than a property
  // path: JSONPath-Plus reads `$ref` or `$id` as a property name, and so does Spectral.
  static bool isJsonPathField(std::string_view field) {
    return field == "$" || field.starts_with("$.") || field.starts_with("$[");
  }

  // "Name" of "#Name.more[path]".
  static std::string aliasName(const std::string& text) {
    const std::size_t end = text.find_first_of(".[", 1);
    return text.substr(1, end == std::string::npos ? std::string::npos : end - 1);
  }

  // A `given`: a JSONPath, an #Alias (with more path after it), or a list of them.
  std::vector<Given> readGiven(const json& value, const std::string& at,
                               const std::map<std::string, std::vector<Given>>& aliases) {
    std::vector<Given> givens;
    if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        for (auto& given : readGiven(value[i], pointer::append(at, i), aliases))
          givens.push_back(std::move(given));
      }
      return givens;
    }
    if (!value.is_string()) {
      error(at, Anchor::value, "'given' must be a JSONPath or a list of them");
      return givens;
    }
    const std::string text = value.get<std::string>();
    if (text.starts_with("#")) {
      const std::string name = aliasName(text);
      const std::string rest = text.substr(1 + name.size());
      const auto alias = aliases.find(name);
      if (alias == aliases.end()) {
        std::vector<std::string> names;
        for (const auto& [known, paths] : aliases)
          names.push_back(known);
        std::string message = fmt::format("unknown alias '#{}'", name);
        if (const auto suggestion = text::closest(name, names))
          message += fmt::format(" (did you mean '#{}'?)", *suggestion);
        error(at, Anchor::value, std::move(message));
        return givens;
      }
      for (const auto& given : alias->second) {
        if (rest.empty()) {
          givens.push_back(given);
          continue;
        }
        auto path = parsePath(given.path.text() + rest, at);
        if (!path) continue;
        Given longer = given;
        longer.path = std::move(*path);
        givens.push_back(std::move(longer));
      }
      return givens;
    }
    if (auto path = parsePath(text, at)) givens.push_back({std::move(*path), {}, "", 0});
    return givens;
  }

  std::optional<jsonpath::Path> parsePath(const std::string& text, const std::string& at) {
    auto parsed = jsonpath::Path::parse(text);
    if (auto* failure = std::get_if<jsonpath::ParseError>(&parsed)) {
      error(at, Anchor::value,
            fmt::format("invalid JSONPath {} at column {}: {}", json(text).dump(), failure->column,
                        failure->message));
      return std::nullopt;
    }
    return std::get<jsonpath::Path>(std::move(parsed));
  }

  void define(const std::string& name, const json& value, const std::string& at,
              const std::map<std::string, std::vector<Given>>& aliases, Mode mode,
              const std::vector<std::string>& rulesetFormats = {},
              const std::set<std::string>& jsFunctions = {}) {
    const std::size_t before = errors.size();
    unknownKeys(value, at,
                keysOf({"description", "message", "severity", "given", "then", "resolved",
                        "formats", "recommended", "documentationUrl", "type", "extensions"}),
                fmt::format("rule '{}'", name));
    if (engine::findRule(name) != nullptr) {
      error(at, Anchor::key,
            fmt::format("'{}' is the id of one of asynclint's rules; give the custom rule another "
                        "name",
                        name));
    }
    RuleDefinition definition;
    definition.name = name;
    definition.origin = file_.string();
    definition.pointer = at;
    if (!value.contains("given"))
      error(at, Anchor::key, fmt::format("rule '{}' has no 'given'", name));
    if (!value.contains("then"))
      error(at, Anchor::key, fmt::format("rule '{}' has no 'then'", name));
    for (const char* key : {"description", "message"}) {
      const auto it = value.find(key);
      if (it == value.end()) continue;
      if (!it->is_string()) {
        error(pointer::append(at, key), Anchor::value, fmt::format("'{}' must be a string", key));
        continue;
      }
      (std::string_view(key) == "description" ? definition.description : definition.message) =
          it->get<std::string>();
    }
    if (const auto severity = value.find("severity"); severity != value.end()) {
      bool off = false;
      bool valid = false;
      const auto parsed = severityFrom(*severity, off, valid);
      if (!valid || severity->is_boolean()) {
        error(pointer::append(at, "severity"), Anchor::value,
              fmt::format("the severity must be {}", kSeverityHelp));
      } else {
        definition.severity = parsed.value_or(Severity::warning);
        definition.enabled = !off;
      }
    }
    for (const char* key : {"resolved", "recommended"}) {
      const auto it = value.find(key);
      if (it == value.end()) continue;
      if (!it->is_boolean()) {
        error(pointer::append(at, key), Anchor::value,
              fmt::format("'{}' must be true or false", key));
        continue;
      }
      (std::string_view(key) == "resolved" ? definition.resolved : definition.recommended) =
          it->get<bool>();
    }
    definition.formats = rulesetFormats;
    if (const auto formats = value.find("formats"); formats != value.end())
      definition.formats = readFormats(*formats, pointer::append(at, "formats"));
    if (const auto given = value.find("given"); given != value.end()) {
      definition.given = readGiven(*given, pointer::append(at, "given"), aliases);
    }
    bool runnable = true;
    if (const auto then = value.find("then"); then != value.end())
      runnable = readThen(name, *then, pointer::append(at, "then"), jsFunctions, definition);
    if (errors.size() != before) return;
    const bool on = mode == Mode::all || (mode == Mode::recommended && definition.recommended);
    definition.enabled = definition.enabled && on;
    if (!runnable) definition.enabled = false;
    definitions_[name] = std::move(definition);
  }

  bool readThen(const std::string& rule, const json& value, const std::string& at,
                const std::set<std::string>& jsFunctions, RuleDefinition& definition) {
    const json list = value.is_array() ? value : json::array({value});
    bool runnable = true;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string thenAt = value.is_array() ? pointer::append(at, i) : at;
      const json& then = list[i];
      if (!then.is_object()) {
        error(thenAt, Anchor::value, "'then' must be a mapping with 'function', or a list of them");
        continue;
      }
      unknownKeys(then, thenAt, keysOf({"field", "function", "functionOptions"}), "'then'");
      Then clause;
      if (const auto field = then.find("field"); field != then.end()) {
        if (!field->is_string()) {
          error(pointer::append(thenAt, "field"), Anchor::value, "'field' must be a string");
          continue;
        }
        clause.field = field->get<std::string>();
        if (isJsonPathField(*clause.field)) {
          clause.fieldPath = parsePath(*clause.field, pointer::append(thenAt, "field"));
          if (!clause.fieldPath) continue;
        }
      }
      const auto function = then.find("function");
      if (function == then.end() || !function->is_string()) {
        error(thenAt, Anchor::key, "'then' needs 'function': the name of a function");
        continue;
      }
      clause.functionName = function->get<std::string>();
      const std::string functionAt = pointer::append(thenAt, "function");
      if (!isCoreFunction(clause.functionName)) {
        if (jsFunctions.count(clause.functionName) > 0) {
          notice(functionAt, Anchor::value,
                 fmt::format("rule '{}' uses the JavaScript function '{}', which asynclint cannot "
                             "run; the rule is skipped",
                             rule, clause.functionName));
          runnable = false;
          continue;
        }
        std::string message = fmt::format("unknown function '{}'", clause.functionName);
        if (const auto suggestion = text::closest(clause.functionName, coreFunctionNames()))
          message += fmt::format(" (did you mean '{}'?)", *suggestion);
        error(functionAt, Anchor::value, std::move(message));
        continue;
      }
      const auto options = then.find("functionOptions");
      const std::string optionsAt = pointer::append(thenAt, "functionOptions");
      auto prepared =
          prepareFunction(clause.functionName, options == then.end() ? nullptr : &*options);
      if (auto* problem = std::get_if<OptionError>(&prepared)) {
        const bool exists =
            options != then.end() && pointer::find(*options, problem->pointer) != nullptr;
        error(exists ? optionsAt + problem->pointer
                     : (options != then.end() ? optionsAt : functionAt),
              exists && !problem->pointer.empty() ? Anchor::key : Anchor::value, problem->message);
        continue;
      }
      clause.function = std::get<std::shared_ptr<const Function>>(std::move(prepared));
      definition.then.push_back(std::move(clause));
    }
    return runnable;
  }

  // A bare severity (or true/false) for a rule already defined, or one of asynclint's.
  void setSeverity(const std::string& name, const json& value, const std::string& at,
                   SeverityChanges& builtin, bool allowDefinitions) {
    bool off = false;
    bool valid = false;
    const auto severity = severityFrom(value, off, valid);
    if (!valid) {
      error(at, Anchor::value,
            fmt::format("the severity of '{}' must be {}, true or false", name, kSeverityHelp));
      return;
    }
    if (allowDefinitions) {
      if (const auto it = definitions_.find(name); it != definitions_.end()) {
        it->second.enabled = !off && it->second.then.size() > 0;
        if (severity) it->second.severity = *severity;
        return;
      }
    }
    std::string id = name;
    if (const auto mapped = asynclintRuleFor(name)) id = *mapped;
    if (const auto* rule = engine::findRule(id)) {
      builtin[id] =
          off ? std::nullopt : std::optional<Severity>(severity.value_or(rule->info().severity));
      return;
    }
    if (isUnmappedSpectralRule(name)) return;
    std::vector<std::string> names;
    for (const auto& [known, definition] : definitions_)
      names.push_back(known);
    for (const auto* rule : engine::allRules())
      names.push_back(rule->info().id);
    std::string message = fmt::format(
        "unknown rule '{}': not defined here, in what this ruleset "
        "extends, nor one of asynclint's",
        name);
    if (const auto suggestion = text::closest(name, names))
      message += fmt::format(" (did you mean '{}'?)", *suggestion);
    error(at, Anchor::key, std::move(message));
  }

  void readOverrides(const json& overrides) {
    if (!overrides.is_array()) {
      error("/overrides", Anchor::value, "'overrides' must be a list of {files, rules}");
      return;
    }
    for (std::size_t i = 0; i < overrides.size(); ++i) {
      const std::string at = pointer::append("/overrides", i);
      const json& entry = overrides[i];
      if (!entry.is_object() || !entry.contains("files") || !entry["files"].is_array()) {
        error(at, Anchor::value, "an override needs 'files': a list of globs");
        continue;
      }
      unknownKeys(entry, at, keysOf({"files", "rules"}), "an override");
      FileOverride override{fs::absolute(file_).parent_path().lexically_normal(), {}, {}};
      const json rules = entry.value("rules", json::object());
      for (std::size_t g = 0; g < entry["files"].size(); ++g) {
        const json& glob = entry["files"][g];
        if (!glob.is_string()) continue;
        const std::string text = glob.get<std::string>();
        if (text.find('#') == std::string::npos) {
          override.files.push_back(text);
        } else {
          readPartOfFile(text, rules, pointer::append(pointer::append(at, "files"), g));
        }
      }
      if (override.files.empty()) continue;
      for (const auto& [name, value] : rules.items()) {
        const std::string ruleAt = pointer::append(pointer::append(at, "rules"), name);
        if (value.is_object()) {
          error(ruleAt, Anchor::key,
                "an override can change the severity of a rule, not define one: define it under "
                "'rules'");
          continue;
        }
        if (definitions_.count(name) > 0) {
          bool off = false;
          bool valid = false;
          const auto severity = severityFrom(value, off, valid);
          if (!valid) {
            error(ruleAt, Anchor::value, fmt::format("the severity must be {}", kSeverityHelp));
            continue;
          }
          override.rules[name] =
              off ? std::nullopt
                  : std::optional<Severity>(severity.value_or(definitions_[name].severity));
          continue;
        }
        setSeverity(name, value, ruleAt, override.rules, false);
      }
      overrides_.push_back(std::move(override));
    }
  }

  // An override for part of a file (`file#/pointer`), as Spectral allows: rules it turns off are
  // an `except` of that part. Changing a severity there, or a glob with a pointer, is not
  // supported: one notice says so, rather than a silent no-match.
  void readPartOfFile(const std::string& where, const json& rules, const std::string& at) {
    const std::string file = where.substr(0, where.find('#'));
    const bool allOff = std::all_of(rules.begin(), rules.end(), [](const json& value) {
      bool off = false;
      bool valid = false;
      severityFrom(value, off, valid);
      return valid && off;
    });
    if (file.find_first_of("*?[{") != std::string::npos || !allOff) {
      notice(at, Anchor::value,
             fmt::format("'{}': an override for part of a file can only turn rules off, in a "
                         "file named without wildcards; this one is not applied",
                         where));
      return;
    }
    Exception exception;
    exception.file = (fs::absolute(file_).parent_path() / file).lexically_normal();
    exception.pointer = where.substr(where.find('#') + 1);
    for (const auto& [name, value] : rules.items())
      exception.rules.push_back(name);
    exceptions_.push_back(std::move(exception));
  }

  void readExcept(const json& except) {
    if (!except.is_object()) {
      error("/except", Anchor::value, "'except' must be a mapping of file#pointer to rule names");
      return;
    }
    const fs::path folder = fs::absolute(file_).parent_path();
    for (const auto& [where, rules] : except.items()) {
      const std::string at = pointer::append("/except", where);
      const auto hash = where.find('#');
      Exception exception;
      exception.file = (folder / where.substr(0, hash)).lexically_normal();
      exception.pointer = hash == std::string::npos ? "" : where.substr(hash + 1);
      if (!rules.is_array()) {
        error(at, Anchor::value, "an except entry is a list of rule names");
        continue;
      }
      for (const auto& rule : rules) {
        if (rule.is_string()) exception.rules.push_back(rule.get<std::string>());
      }
      exceptions_.push_back(std::move(exception));
    }
  }
};

}  // namespace

bool isRuleDefinition(const json& value) {
  return value.is_object() && (value.contains("given") || value.contains("then"));
}

bool looksLikeRuleset(const json& root) {
  if (!root.is_object()) return false;
  for (const char* key : {"aliases", "functions", "functionsDir", "formats", "except",
                          "documentationUrl", "parserOptions"}) {
    if (root.contains(key)) return true;
  }
  if (const auto extends = root.find("extends"); extends != root.end()) {
    if (extends->is_array()) return true;
    if (extends->is_string() && extends->get<std::string>().starts_with("spectral:")) return true;
  }
  if (const auto rules = root.find("rules"); rules != root.end() && rules->is_object()) {
    for (const auto& [name, value] : rules->items()) {
      if (isRuleDefinition(value)) return true;
    }
  }
  return false;
}

std::optional<std::string> asynclintRuleFor(std::string_view spectralRule) {
  for (const auto& [spectral, asynclint] : spectralAsyncapiTable()) {
    if (spectral == spectralRule) return asynclint;
  }
  return std::nullopt;
}

void merge(Ruleset& into, Ruleset more) {
  std::erase_if(into.rules, [&](const auto& rule) {
    return std::any_of(more.rules.begin(), more.rules.end(),
                       [&](const auto& other) { return other->info().id == rule->info().id; });
  });
  for (auto& rule : more.rules)
    into.rules.push_back(std::move(rule));
  for (auto& [id, severity] : more.builtin)
    into.builtin[id] = severity;
  for (auto& override : more.overrides)
    into.overrides.push_back(std::move(override));
  for (auto& exception : more.exceptions)
    into.exceptions.push_back(std::move(exception));
  for (auto& notice : more.notices)
    into.notices.push_back(std::move(notice));
}

LoadedRuleset loadRuleset(const fs::path& file) {
  Loader loader;
  LoadedRuleset loaded;
  std::error_code code;
  if (!fs::is_regular_file(file, code)) {
    Diagnostic diagnostic;
    diagnostic.rule = ids::config;
    diagnostic.file = file.string();
    diagnostic.message = "cannot read the ruleset: no such file";
    loaded.errors.push_back(std::move(diagnostic));
    return loaded;
  }
  const bool ok = loader.load(file, Mode::recommended);
  loaded.errors = std::move(loader.errors);
  if (ok && loaded.errors.empty()) loaded.ruleset = loader.result();
  return loaded;
}

LoadedRuleset loadEmbedded(const Document& document,
                           const std::vector<std::string>& extendsPointers,
                           const std::string& rulesPointer, ReadFiles* alreadyRead) {
  Loader loader(alreadyRead);
  LoadedRuleset loaded;
  const bool ok = loader.loadEmbedded(document, extendsPointers, rulesPointer);
  loaded.errors = std::move(loader.errors);
  if (ok && loaded.errors.empty()) loaded.ruleset = loader.result();
  return loaded;
}

}  // namespace asynclint::ruleset
