#include "resolve/bundle_writer.hpp"

#include <yaml-cpp/yaml.h>

#include "source/scalar.hpp"

namespace asynclint::resolve {
namespace {

using nlohmann::json;

void emitString(YAML::Emitter& out, const std::string& text) {
  const json typed = typeScalar("?", ScalarStyle::plain, text);
  if (!typed.is_string() || typed.get_ref<const std::string&>() != text) out << YAML::DoubleQuoted;
  out << text;
}

void emit(YAML::Emitter& out, const json& node) {
  if (node.is_object()) {
    if (node.empty()) out << YAML::Flow;
    out << YAML::BeginMap;
    for (const auto& [key, value] : node.items()) {
      out << YAML::Key;
      emitString(out, key);
      out << YAML::Value;
      emit(out, value);
    }
    out << YAML::EndMap;
  } else if (node.is_array()) {
    if (node.empty()) out << YAML::Flow;
    out << YAML::BeginSeq;
    for (const auto& item : node)
      emit(out, item);
    out << YAML::EndSeq;
  } else if (node.is_string()) {
    emitString(out, node.get_ref<const std::string&>());
  } else if (node.is_null()) {
    out << YAML::Null;  // `~`: the text "null" would be quoted as a string
  } else {
    out << node.dump();  // true, false and numbers read back as themselves
  }
}

}  // namespace

std::string toYaml(const json& tree) {
  YAML::Emitter out;
  out.SetIndent(2);
  emit(out, tree);
  std::string text = out.c_str();
  text += '\n';
  return text;
}

}  // namespace asynclint::resolve
