// Keywords that the schema's `type` makes pointless: `items` on an object, `properties` on an
// array. They validate nothing and usually mean the keyword sits one level off.
#include <fmt/format.h>

#include <algorithm>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"
#include "text/suggest.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

using nlohmann::json;

struct Keyword {
  const char* name;
  bool (*wellFormed)(const json&);  // malformed values are the schema's finding
};

constexpr auto isObject = [](const json& value) { return value.is_object(); };
constexpr auto isArray = [](const json& value) { return value.is_array(); };
constexpr auto isNumber = [](const json& value) { return value.is_number(); };
constexpr auto isBoolean = [](const json& value) { return value.is_boolean(); };
constexpr auto isSchema = [](const json& value) { return value.is_object() || value.is_boolean(); };
constexpr auto isSchemaOrList = [](const json& value) {
  return value.is_object() || value.is_boolean() || value.is_array();
};

constexpr Keyword kObjectKeywords[] = {
    {"properties", isObject},           {"patternProperties", isObject},
    {"additionalProperties", isSchema}, {"required", isArray},
    {"minProperties", isNumber},        {"maxProperties", isNumber},
    {"propertyNames", isSchema},        {"dependencies", isObject}};
constexpr Keyword kArrayKeywords[] = {{"items", isSchemaOrList}, {"additionalItems", isSchema},
                                      {"contains", isSchema},    {"minItems", isNumber},
                                      {"maxItems", isNumber},    {"uniqueItems", isBoolean}};

// The types that `type` allows, or nothing when it is absent or malformed.
std::vector<std::string> allowedTypes(const json& schema) {
  const auto type = schema.find("type");
  if (type == schema.end()) return {};
  if (type->is_string()) return {type->get<std::string>()};
  std::vector<std::string> types;
  if (!type->is_array()) return types;
  for (const auto& item : *type) {
    if (!item.is_string()) return {};
    types.push_back(item.get<std::string>());
  }
  return types;
}

bool allows(const std::vector<std::string>& types, const char* type) {
  return std::find(types.begin(), types.end(), type) != types.end();
}

void checkSchema(RuleContext& context, const std::string& pointer, const json& schema) {
  const auto types = allowedTypes(schema);
  if (types.empty()) return;
  const std::string typeText = text::quotedList(types);
  auto checkKeywords = [&](const auto& keywords, const char* appliesTo, const char* plural) {
    if (allows(types, appliesTo)) return;
    for (const auto& keyword : keywords) {
      const auto value = schema.find(keyword.name);
      if (value == schema.end() || !keyword.wellFormed(*value)) continue;
      std::string message =
          fmt::format("'{}' has no effect: this schema is of type {}, and '{}' applies to {} only",
                      keyword.name, typeText, keyword.name, plural);
      if (types.size() == 1 && types[0] == "array" && std::string_view(appliesTo) == "object") {
        message += " (does it belong under 'items'?)";
      }
      context.report(pointer::append(pointer, keyword.name), message, Anchor::key);
    }
  };
  checkKeywords(kObjectKeywords, "object", "objects");
  checkKeywords(kArrayKeywords, "array", "arrays");
}

class SchemaTypeKeywordsMismatch final : public DocumentRule {
 public:
  SchemaTypeKeywordsMismatch()
      : DocumentRule(
            {.id = "schema-type-keywords-mismatch",
             .severity = Severity::warning,
             .summary =
                 "A schema keyword that its `type` makes ineffective, such as `items` on an object",
             .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    asyncapi::forEachSchema(context, asyncapi::SchemaReading::structure,
                            [&](const std::string& pointer, const json& schema) {
                              checkSchema(context, pointer, schema);
                            });
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::SchemaTypeKeywordsMismatch)
