#include "engine/asyncapi.hpp"

#include <algorithm>

#include "source/json_pointer.hpp"

namespace asynclint::engine::asyncapi {

bool isReference(const nlohmann::json& node) { return node.is_object() && node.contains("$ref"); }

std::vector<Definition> definitionsIn(const RuleContext& context, const std::vector<std::string>& mapPointers) {
  std::vector<Definition> found;
  for (const auto& mapPointer : mapPointers) {
    forEachMember(context.root(), mapPointer, [&](const std::string& key, const std::string& pointer, const nlohmann::json& value) {
      if (value.is_object() && !isReference(value)) found.push_back({key, pointer, &value});
    });
  }
  return found;
}

std::vector<Definition> channels(const RuleContext& context) {
  return definitionsIn(context, {"/channels", "/components/channels"});
}

std::vector<Definition> operations(const RuleContext& context) {
  return definitionsIn(context, {"/operations", "/components/operations"});
}

std::vector<Definition> servers(const RuleContext& context) {
  return definitionsIn(context, {"/servers", "/components/servers"});
}

std::vector<Definition> messages(const RuleContext& context) {
  std::vector<std::string> maps{"/components/messages"};
  for (const auto& channel : channels(context)) maps.push_back(pointer::append(channel.pointer, "messages"));
  return definitionsIn(context, maps);
}

std::vector<const nlohmann::json*> resolvedMembers(const RuleContext& context, const std::string& mapPointer) {
  std::vector<const nlohmann::json*> members;
  forEachMember(context.root(), mapPointer, [&](const std::string&, const std::string& pointer, const nlohmann::json&) {
    if (const auto resolved = context.resolve(pointer)) members.push_back(resolved->node);
  });
  return members;
}

std::vector<std::string> placeholders(const std::string& text) {
  std::vector<std::string> names;
  std::size_t open = text.find('{');
  while (open != std::string::npos) {
    const std::size_t close = text.find('}', open + 1);
    if (close == std::string::npos) break;
    std::string name = text.substr(open + 1, close - open - 1);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
    open = text.find('{', close + 1);
  }
  return names;
}

}  // namespace asynclint::engine::asyncapi
