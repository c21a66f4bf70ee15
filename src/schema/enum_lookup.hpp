#pragma once

#include <map>
#include <vector>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/internal/frozen_value.hpp>

namespace asynclint::schema {

// Recovers the literal values of a compiled `enum` or `const`, which valijson keeps only as
// opaque frozen values, by matching them against the `enum` and `const` values written in the
// schema's JSON text.
class EnumLookup {
 public:
  explicit EnumLookup(const nlohmann::json& schemaDocument);

  // The values whose every member equals the corresponding frozen value; empty when none match.
  std::vector<nlohmann::json> enumValues(
      const std::vector<const valijson::adapters::FrozenValue*>& frozen) const;
  std::optional<nlohmann::json> constValue(const valijson::adapters::FrozenValue& frozen) const;

 private:
  std::vector<const nlohmann::json*> enums_;
  std::vector<const nlohmann::json*> consts_;
};

}  // namespace asynclint::schema
