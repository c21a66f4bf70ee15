// A `pattern` or `patternProperties` regular expression that cannot be read: values are then
// not checked against it, which must not pass silently.
#include <fmt/format.h>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"
#include "text/ecma_regex.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

class SchemaPatternInvalid final : public DocumentRule {
 public:
  SchemaPatternInvalid()
      : DocumentRule(
            {.id = "schema-pattern-invalid",
             .severity = Severity::warning,
             .summary = "A schema's `pattern` or `patternProperties` is not a regular expression",
             .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    asyncapi::forEachSchema(
        context, asyncapi::SchemaReading::structure,
        [&](const std::string& pointer, const nlohmann::json& schema) {
          if (!schema.is_object()) return;
          const auto pattern = schema.find("pattern");
          if (pattern != schema.end() && pattern->is_string()) {
            checkPattern(context, pattern->get<std::string>(), pointer::append(pointer, "pattern"),
                         Anchor::value);
          }
          const auto patternProperties = schema.find("patternProperties");
          if (patternProperties == schema.end() || !patternProperties->is_object()) return;
          const std::string members = pointer::append(pointer, "patternProperties");
          for (const auto& [key, value] : patternProperties->items()) {
            checkPattern(context, key, pointer::append(members, key), Anchor::key);
          }
        });
  }

 private:
  static void checkPattern(RuleContext& context, const std::string& pattern,
                           const std::string& pointer, Anchor anchor) {
    const std::string error = regex::compileError(pattern);
    if (error.empty()) return;
    context.report(pointer, fmt::format("{}: no value is checked against it", error), anchor);
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::SchemaPatternInvalid)
