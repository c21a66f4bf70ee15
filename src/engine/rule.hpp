// The rule registry: the metadata of every id that a finding can carry (built-in findings, rules
// over one document, system rules, kinds of change, custom rules), and the rules over one
// document. Rules register themselves (see ASYNCLINT_REGISTER_RULE), so adding one touches no
// central list: rules/<id>.cpp, its doc rules/<id>.md and its fixtures testdata/rules/<id>/.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"

namespace asynclint::engine {

class RuleContext;

// Which AsyncAPI versions a rule checks.
enum class Versions { all, v2, v3 };

struct RuleOption {
  std::string name;
  std::string defaultValue;  // JSON text ("true", "10", "[\"a\"]"); other text is a string
  std::string description;
};

// The default of an option as a value: its JSON text parsed, or the text itself as a string.
nlohmann::json optionDefault(const RuleOption& option);

// What a configuration file may change about a rule. Input errors (unreadable file, syntax,
// duplicate key...) are not rules to tune; a schema violation can change severity but is always
// reported.
enum class Configurable { fully, severityOnly, no };

// Who produces the findings of an id.
enum class RuleKind {
  document,  // a DocumentRule: the engine runs it over each document
  builtin,   // the loader, schema validation, the configuration and suppressions, before the rules
  system,    // a check over all the services of a system at once (src/system/system_rule.hpp)
  diff,      // a kind of change between two versions of a document (src/diff/)
  custom,    // a rule of a Spectral ruleset (src/ruleset/): a DocumentRule that is data
};

struct RuleInfo {
  std::string id = {};  // kebab-case <object>-<problem>, stable forever
  Severity severity = Severity::warning;
  bool recommended = true;   // on by default
  std::string summary = {};  // one line
  Versions versions = Versions::v3;
  std::vector<RuleOption> options = {};
  RuleKind kind = RuleKind::document;
  Configurable configurable = Configurable::fully;
  // A custom rule (src/ruleset/): the ruleset file that defines it; empty for asynclint's rules.
  std::string origin = {};
};

// An id's metadata. Rules that check something derive from it (DocumentRule, SystemRule).
class Rule {
 public:
  explicit Rule(RuleInfo info) : info_(std::move(info)) {}
  virtual ~Rule() = default;
  Rule(const Rule&) = delete;
  Rule& operator=(const Rule&) = delete;

  const RuleInfo& info() const { return info_; }

 private:
  RuleInfo info_;
};

// A check over one document, run by the engine.
class DocumentRule : public Rule {
 public:
  using Rule::Rule;
  // Reports findings through the context; never throws on a malformed document.
  virtual void check(RuleContext& context) const = 0;
};

// Every registered id's metadata, sorted by id.
std::vector<const Rule*> allRules();
// The registered rules over one document, sorted by id.
std::vector<const DocumentRule*> documentRules();
const Rule* findRule(std::string_view id);
// The Markdown documentation of a rule (embedded from rules/<id>.md), empty when there is none.
std::string_view ruleDoc(std::string_view id);
// "unknown rule 'x' (did you mean 'y'?)", for an id that is not registered.
std::string unknownRuleMessage(std::string_view id);

// Registers an id (the registry owns its rule); an id registered twice is a bug and stops the
// program at start-up.
void registerRule(std::unique_ptr<Rule> rule);
void registerDocumentRule(std::unique_ptr<DocumentRule> rule);

}  // namespace asynclint::engine

#define ASYNCLINT_CONCAT_INNER(a, b) a##b
#define ASYNCLINT_CONCAT(a, b) ASYNCLINT_CONCAT_INNER(a, b)
// Registers `Type` (default-constructible, derived from DocumentRule) when the program starts.
#define ASYNCLINT_REGISTER_RULE(Type)                                              \
  namespace {                                                                      \
  [[maybe_unused]] const bool ASYNCLINT_CONCAT(registered_, __LINE__) =            \
      (::asynclint::engine::registerDocumentRule(std::make_unique<Type>()), true); \
  }
