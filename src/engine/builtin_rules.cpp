// The findings of the loader, of schema validation, of the configuration and of suppressions,
// listed and documented like rules.
#include "engine/rule.hpp"
#include "rule_ids.hpp"

namespace asynclint::engine {
namespace {

struct Builtin {
  const char* id;
  Severity severity;
  Configurable configurable;
  const char* summary;
};

const bool registered = [] {
  constexpr auto error = Severity::error;
  constexpr auto no = Configurable::no;
  const Builtin builtins[] = {
      {ids::fileUnreadable, error, no,
       "The file does not exist, is a directory, or cannot be read"},
      {ids::encoding, error, no,
       "The file is not UTF-8 text (invalid UTF-8, NUL bytes, UTF-16 or UTF-32)"},
      {ids::syntax, error, no,
       "YAML or JSON syntax error, or more than one YAML document in a file"},
      {ids::limits, error, no, "The input exceeds a bound that protects against hostile documents"},
      {ids::duplicateKey, error, no, "A key is defined twice in the same mapping"},
      {ids::documentRoot, error, no, "The file is empty or its root is not a mapping"},
      {ids::asyncapiVersion, error, Configurable::severityOnly,
       "The `asyncapi` field is missing, not a string, or names an unsupported version"},
      {ids::schema, error, Configurable::severityOnly,
       "The document does not match the official JSON Schema of its AsyncAPI version"},
      {ids::refFileUnresolved, error, no,
       "A reference to another file names a file that cannot be read or parsed, or a part it "
       "lacks"},
      {ids::refOutsideRoot, error, no,
       "A reference names a file outside the root folder; it is not read"},
      {ids::refRemoteDisabled, error, no,
       "A reference names an http(s) URL and remote fetching is off"},
      {ids::refFileCycle, error, no,
       "References across files go round without reaching a value, or a non-schema contains "
       "itself"},
      {ids::internalError, error, no, "A bug stopped the check of a file; please report it"},
      {ids::config, error, no,
       "The configuration file (.asynclint.yaml) is malformed or names an unknown rule or option"},
      {ids::suppressionUnused, Severity::warning, Configurable::fully,
       "An inline suppression or x-asynclint-ignore that suppresses nothing"},
  };
  for (const auto& builtin : builtins) {
    registerRule(std::make_unique<Rule>(RuleInfo{.id = std::string(builtin.id),
                                                 .severity = builtin.severity,
                                                 .summary = builtin.summary,
                                                 .versions = Versions::all,
                                                 .kind = RuleKind::builtin,
                                                 .configurable = builtin.configurable}));
  }
  return true;
}();

}  // namespace
}  // namespace asynclint::engine
