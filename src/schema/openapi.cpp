#include "schema/openapi.hpp"

#include <map>

#include "source/json_pointer.hpp"

namespace asynclint::schema::openapi {
namespace {

using nlohmann::json;

class Converter {
 public:
  explicit Converter(const json& root) : root_(root) {}

  json convert(const json& schema) {
    if (!schema.is_object()) return schema;
    if (const auto ref = schema.find("$ref"); ref != schema.end()) return reference(*ref);
    json result = json::object();
    for (const auto& [key, value] : schema.items()) {
      if (key == "properties" && value.is_object()) {
        json properties = json::object();
        for (const auto& [name, property] : value.items())
          properties[name] = convert(property);
        result[key] = std::move(properties);
      } else if ((key == "allOf" || key == "anyOf" || key == "oneOf") && value.is_array()) {
        json branches = json::array();
        for (const auto& branch : value)
          branches.push_back(convert(branch));
        result[key] = std::move(branches);
      } else if (key == "items" || key == "additionalProperties" || key == "not") {
        result[key] = convert(value);
      } else if (key != "nullable" && key != "exclusiveMinimum" && key != "exclusiveMaximum") {
        result[key] = value;
      }
    }
    exclusiveBound(schema, result, "minimum", "exclusiveMinimum");
    exclusiveBound(schema, result, "maximum", "exclusiveMaximum");
    if (isNullable(schema)) allowNull(result);
    return result;
  }

  json definitions() const { return definitions_; }

 private:
  const json& root_;
  std::map<std::string, std::string> names_;  // definition name by referenced pointer
  json definitions_ = json::object();

  json reference(const json& ref) {
    if (!ref.is_string() || !ref.get_ref<const std::string&>().starts_with("#")) {
      return json::object();
    }
    const std::string target = ref.get<std::string>().substr(1);
    if (const auto known = names_.find(target); known != names_.end()) {
      return {{"$ref", "#/definitions/" + known->second}};
    }
    const json* node = pointer::find(root_, target);
    if (node == nullptr) return json::object();
    const std::string name = "s" + std::to_string(names_.size());
    names_.emplace(target, name);
    definitions_[name] = json::object();  // a recursive schema refers to itself
    const bool multiFormat = node->is_object() && node->contains("schemaFormat");
    definitions_[name] = convert(multiFormat ? node->value("schema", json::object()) : *node);
    return {{"$ref", "#/definitions/" + name}};
  }

  // OpenAPI 3.0: `exclusiveMinimum: true` makes `minimum` exclusive; draft-07 writes the bound.
  static void exclusiveBound(const json& schema, json& result, const char* bound,
                             const char* exclusive) {
    const auto flag = schema.find(exclusive);
    if (flag == schema.end() || *flag != true || !schema.contains(bound)) return;
    result[exclusive] = schema[bound];
    result.erase(bound);
  }

  // OpenAPI 3.0.3: `nullable` adds null to the type, and has no effect without one.
  static void allowNull(json& result) {
    const auto type = result.find("type");
    if (type == result.end() || !type->is_string()) return;
    *type = json::array({*type, "null"});
    const auto values = result.find("enum");
    if (values != result.end() && values->is_array()) values->push_back(nullptr);
  }
};

}  // namespace

bool isNullable(const json& schema) {
  const auto nullable = schema.find("nullable");
  return nullable != schema.end() && *nullable == true;
}

json impliedJsonSchema(const json& schema, const json& root) {
  Converter converter(root);
  json result = {{"allOf", json::array({converter.convert(schema)})}};
  result["definitions"] = converter.definitions();
  return result;
}

}  // namespace asynclint::schema::openapi
