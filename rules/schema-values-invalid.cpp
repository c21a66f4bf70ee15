// Values written inside a schema (default, examples, const, enum) that the schema itself rejects.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "schema/document_schemas.hpp"
#include "schema/phrasing.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

// The JSON Schema types a value has: an integer is also a number.
bool hasType(const nlohmann::json& value, const std::string& type) {
  const std::string actual = schema::typeOf(value);
  if (actual == type || (type == "number" && actual == "integer")) return true;
  // JSON Schema counts a number with no fractional part (1.0) as an integer.
  return type == "integer" && value.is_number_float() && std::isfinite(value.get<double>()) &&
         std::floor(value.get<double>()) == value.get<double>();
}

class SchemaValuesInvalid final : public DocumentRule {
 public:
  SchemaValuesInvalid()
      : DocumentRule({.id = "schema-values-invalid",
                      .severity = Severity::error,
                      .summary = "A schema's `default` or `examples` do not match the schema, or "
                                 "its `enum`/`const` "
                                 "values "
                                 "do not match its `type`",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    schema::DocumentSchemas& schemas = context.documentSchemas();
    asyncapi::forEachSchema(
        context, asyncapi::SchemaReading::validation,
        [&](const std::string& pointer, const nlohmann::json& schema) {
          checkTypes(context, pointer, schema);
          if (!schema.contains("default") && !schema.contains("examples")) return;
          if (schema.contains("default"))
            checkValue(context, schemas, pointer, pointer::append(pointer, "default"), "default");
          const auto examples = schema.find("examples");
          if (examples != schema.end() && examples->is_array()) {
            for (std::size_t i = 0; i < examples->size(); ++i) {
              checkValue(context, schemas, pointer,
                         pointer::append(pointer::append(pointer, "examples"), i),
                         fmt::format("example #{}", i + 1));
            }
          }
        });
  }

 private:
  static void checkValue(RuleContext& context, schema::DocumentSchemas& schemas,
                         const std::string& schemaPointer, const std::string& valuePointer,
                         const std::string& what) {
    for (const auto& failure : schemas.check(schemaPointer, valuePointer).failures) {
      context.report(failure.pointer,
                     fmt::format("{} does not match its schema: {}", what, failure.message),
                     failure.anchor);
    }
  }

  static void checkTypes(RuleContext& context, const std::string& pointer,
                         const nlohmann::json& schema) {
    const auto types = asyncapi::declaredTypes(schema);
    if (types.empty()) return;
    auto matches = [&](const nlohmann::json& value) {
      return std::any_of(types.begin(), types.end(),
                         [&](const std::string& type) { return hasType(value, type); });
    };
    const std::string typeText = types.size() == 1
                                     ? "'" + types.front() + "'"
                                     : fmt::format("one of '{}'", fmt::join(types, "', '"));
    if (const auto values = schema.find("enum"); values != schema.end() && values->is_array()) {
      for (std::size_t i = 0; i < values->size(); ++i) {
        if (matches((*values)[i])) continue;
        context.report(pointer::append(pointer::append(pointer, "enum"), i),
                       fmt::format("enum value {} does not match the schema's type {}",
                                   schema::describeFound((*values)[i]), typeText));
      }
    }
    if (const auto value = schema.find("const"); value != schema.end() && !matches(*value)) {
      context.report(pointer::append(pointer, "const"),
                     fmt::format("const value {} does not match the schema's type {}",
                                 schema::describeFound(*value), typeText));
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::SchemaValuesInvalid)
