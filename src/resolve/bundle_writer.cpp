#include "resolve/bundle_writer.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "source/scalar.hpp"

namespace asynclint::resolve {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

ordered_json scalar(const json& node) {
  switch (node.type()) {
    case json::value_t::string:
      return node.get_ref<const std::string&>();
    case json::value_t::boolean:
      return node.get<bool>();
    case json::value_t::number_integer:
      return node.get<std::int64_t>();
    case json::value_t::number_unsigned:
      return node.get<std::uint64_t>();
    case json::value_t::number_float:
      return node.get<double>();
    default:
      return nullptr;
  }
}

// `node` in written order; `written` is the node at the same place in the entry (or nullptr).
ordered_json ordered(const json& node, const json* written, const SourceMap& map) {
  if (node.is_array()) {
    ordered_json items = ordered_json::array();
    const bool alike = written != nullptr && written->is_array();
    for (std::size_t i = 0; i < node.size(); ++i)
      items.push_back(
          ordered(node[i], alike && i < written->size() ? &(*written)[i] : nullptr, map));
    return items;
  }
  if (!node.is_object()) return scalar(node);
  struct Member {
    std::uint32_t at = NodeSpans::none;  // where the key is written in the entry
    const std::string* key = nullptr;
    const json* value = nullptr;
    const json* written = nullptr;
  };
  std::vector<Member> members;
  const bool alike = written != nullptr && written->is_object();
  for (auto it = node.begin(); it != node.end(); ++it) {
    Member member{NodeSpans::none, &it.key(), &*it, nullptr};
    if (alike) {
      if (const auto there = written->find(it.key()); there != written->end()) {
        member.written = &*there;
        if (const NodeSpans* spans = map.find(member.written)) member.at = spans->key;
      }
    }
    members.push_back(member);
  }
  // Stable: keys not written in the entry keep the tree's sorted order, after the others.
  std::stable_sort(members.begin(), members.end(),
                   [](const Member& a, const Member& b) { return a.at < b.at; });
  ordered_json object = ordered_json::object();
  for (const auto& member : members)
    object[*member.key] = ordered(*member.value, member.written, map);
  return object;
}

void emitString(YAML::Emitter& out, const std::string& text) {
  const json typed = typeScalar("?", ScalarStyle::plain, text);
  if (!typed.is_string() || typed.get_ref<const std::string&>() != text) out << YAML::DoubleQuoted;
  out << text;
}

void emit(YAML::Emitter& out, const ordered_json& node) {
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

ordered_json inWrittenOrder(const json& tree, const Document& entry) {
  return ordered(tree, &entry.root, entry.sourceMap);
}

std::string toYaml(const ordered_json& tree) {
  YAML::Emitter out;
  out.SetIndent(2);
  emit(out, tree);
  std::string text = out.c_str();
  text += '\n';
  return text;
}

}  // namespace asynclint::resolve
