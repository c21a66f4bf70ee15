#include "schema/enum_lookup.hpp"

namespace asynclint::schema {
namespace {

using valijson::adapters::NlohmannJsonAdapter;

void gather(const nlohmann::json& node, std::vector<const nlohmann::json*>& enums,
            std::vector<const nlohmann::json*>& consts) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "enum" && value.is_array()) enums.push_back(&value);
      if (key == "const") consts.push_back(&value);
      gather(value, enums, consts);
    }
  } else if (node.is_array()) {
    for (const auto& item : node)
      gather(item, enums, consts);
  }
}

}  // namespace

EnumLookup::EnumLookup(const nlohmann::json& schemaDocument) {
  gather(schemaDocument, enums_, consts_);
}

std::vector<nlohmann::json> EnumLookup::enumValues(
    const std::vector<const valijson::adapters::FrozenValue*>& frozen) const {
  for (const nlohmann::json* candidate : enums_) {
    if (candidate->size() != frozen.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < frozen.size() && same; ++i) {
      same = frozen[i]->equalTo(NlohmannJsonAdapter((*candidate)[i]), true);
    }
    if (same) return std::vector<nlohmann::json>(candidate->begin(), candidate->end());
  }
  return {};
}

std::optional<nlohmann::json> EnumLookup::constValue(
    const valijson::adapters::FrozenValue& frozen) const {
  for (const nlohmann::json* candidate : consts_) {
    if (frozen.equalTo(NlohmannJsonAdapter(*candidate), true)) return *candidate;
  }
  return std::nullopt;
}

}  // namespace asynclint::schema
