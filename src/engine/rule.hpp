// A rule: metadata plus a check over one document. Rules register themselves (see
// ASYNCLINT_REGISTER_RULE), so adding one touches no central list: rules/<id>.cpp, its doc
// rules/<id>.md and its fixtures testdata/rules/<id>/.
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

struct RuleInfo {
  std::string id;  // kebab-case <object>-<problem>, stable forever
  Severity severity = Severity::warning;
  bool recommended = true;  // on by default
  std::string summary;      // one line
  Versions versions = Versions::v3;
  std::vector<RuleOption> options;
  // Loader and schema findings: listed and documented like rules, but produced before the rules
  // run.
  bool builtin = false;
  Configurable configurable = Configurable::fully;
  // A check over all the services of a system at once (see src/system/system_rule.hpp): the
  // per-document engine passes it over.
  bool system = false;
  // A kind of change between two versions of a document, found by `asynclint diff` (see
  // src/diff/): the per-document engine passes it over.
  bool diff = false;
  // A custom rule (src/ruleset/): the ruleset file that defines it; empty for asynclint's rules.
  std::string origin = {};
};

class Rule {
 public:
  explicit Rule(RuleInfo info) : info_(std::move(info)) {}
  virtual ~Rule() = default;
  Rule(const Rule&) = delete;
  Rule& operator=(const Rule&) = delete;

  const RuleInfo& info() const { return info_; }
  // Reports findings through the context; never throws on a malformed document.
  virtual void check(RuleContext& context) const = 0;

 private:
  RuleInfo info_;
};

// Every registered rule, sorted by id.
std::vector<const Rule*> allRules();
const Rule* findRule(std::string_view id);
// The Markdown documentation of a rule (embedded from rules/<id>.md), empty when there is none.
std::string_view ruleDoc(std::string_view id);
// "unknown rule 'x' (did you mean 'y'?)", for an id that is not registered.
std::string unknownRuleMessage(std::string_view id);

void registerRule(std::unique_ptr<Rule> rule);

}  // namespace asynclint::engine

#define ASYNCLINT_CONCAT_INNER(a, b) a##b
#define ASYNCLINT_CONCAT(a, b) ASYNCLINT_CONCAT_INNER(a, b)
// Registers `Type` (default-constructible, derived from Rule) when the program starts.
#define ASYNCLINT_REGISTER_RULE(Type)                                      \
  namespace {                                                              \
  [[maybe_unused]] const bool ASYNCLINT_CONCAT(registered_, __LINE__) =    \
      (::asynclint::engine::registerRule(std::make_unique<Type>()), true); \
  }
