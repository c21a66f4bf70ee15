// The findings of the loader and of schema validation, listed and documented like rules.
#include "engine/rule.hpp"

namespace asynclint::engine {
namespace {

class BuiltinRule final : public Rule {
 public:
  BuiltinRule(std::string id, std::string summary)
      : Rule(RuleInfo{
            std::move(id), Severity::error, true, std::move(summary), Versions::all, {}, true}) {}
  void check(RuleContext&) const override {}
};

const bool registered = [] {
  const std::pair<const char*, const char*> builtins[] = {
      {"file-unreadable", "The file does not exist, is a directory, or cannot be read"},
      {"encoding", "The file is not UTF-8 text (invalid UTF-8, NUL bytes, UTF-16 or UTF-32)"},
      {"syntax", "YAML or JSON syntax error, or more than one YAML document in a file"},
      {"limits", "The input exceeds a bound that protects against hostile documents"},
      {"duplicate-key", "A key is defined twice in the same mapping"},
      {"document-root", "The file is empty or its root is not a mapping"},
      {"asyncapi-version",
       "The `asyncapi` field is missing, not a string, or names an unsupported version"},
      {"schema", "The document does not match the official JSON Schema of its AsyncAPI version"},
      {"ref-file-unresolved",
       "A reference to another file names a file that cannot be read or parsed, or a part it "
       "lacks"},
      {"ref-outside-root", "A reference names a file outside the root folder; it is not read"},
      {"ref-remote-disabled", "A reference names an http(s) URL and remote fetching is off"},
      {"ref-file-cycle",
       "References across files go round without reaching a value, or a non-schema contains "
       "itself"},
      {"internal-error", "A bug stopped the check of a file; please report it"},
  };
  for (const auto& [id, summary] : builtins)
    registerRule(std::make_unique<BuiltinRule>(id, summary));
  return true;
}();

}  // namespace
}  // namespace asynclint::engine
