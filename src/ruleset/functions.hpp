// Spectral's core functions (alphabetical, casing, defined, undefined, enumeration, falsy,
// truthy, length, pattern, schema, xor, or, typedEnum, unreferencedReusableObject), with
// Spectral's options and messages. Options are checked and prepared once, when a ruleset loads
// (regular expressions compiled, schemas parsed); a prepared function runs on any thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace asynclint::model {
class RefIndex;
}  // namespace asynclint::model
namespace asynclint::engine {
class RuleContext;
}  // namespace asynclint::engine

namespace asynclint::ruleset {

// What a function is given: the target value (nullptr: JavaScript's undefined, the field is
// missing) and its pointer, with the whole document for those that look around.
struct FunctionInput {
  const nlohmann::json* value = nullptr;
  std::string pointer;
  const nlohmann::json& root;
  const model::RefIndex& refs;
  // For what depends on the order keys are written in (the tree keeps them sorted); null: none.
  const engine::RuleContext* context = nullptr;
};

// A finding of a function: its message (with Spectral's #{{print(...)}} templates left in for
// the rule to fill) and, when not the target itself, the pointer it is about.
struct FunctionResult {
  std::string message;
  std::optional<std::string> pointer;
};

class Function {
 public:
  virtual ~Function() = default;
  virtual std::vector<FunctionResult> run(const FunctionInput& input) const = 0;
};

// Why `functionOptions` are not valid: the message, and the pointer inside them it is about
// ("" for the options themselves).
struct OptionError {
  std::string pointer;
  std::string message;
};

using Prepared = std::variant<std::shared_ptr<const Function>, OptionError>;

// The names of the core functions.
const std::vector<std::string>& coreFunctionNames();
bool isCoreFunction(std::string_view name);

// The function `name` (a core function) with its options checked; `options` is nullptr when the
// rule gives none.
Prepared prepareFunction(std::string_view name, const nlohmann::json* options);

// Spectral's printValue: strings as JSON, objects as Object{}, arrays as Array[], undefined.
std::string printValue(const nlohmann::json* value);

}  // namespace asynclint::ruleset
