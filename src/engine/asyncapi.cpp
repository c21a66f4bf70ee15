#include "engine/asyncapi.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "schema/document_schemas.hpp"
#include "source/json_pointer.hpp"
#include "text/strings.hpp"

namespace asynclint::engine::asyncapi {

bool isReference(const nlohmann::json& node) {
  return node.is_object() && node.contains("$ref");
}

bool hasContent(const nlohmann::json& object, const char* key) {
  const auto member = object.find(key);
  if (member == object.end()) return false;
  return !member->is_string() || !text::isBlank(member->get_ref<const std::string&>());
}

std::vector<Definition> definitionsIn(const RuleContext& context,
                                      const std::vector<std::string>& mapPointers) {
  std::vector<Definition> found;
  for (const auto& mapPointer : mapPointers) {
    forEachMember(
        context.root(), mapPointer,
        [&](const std::string& key, const std::string& pointer, const nlohmann::json& value) {
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
  for (const auto& channel : channels(context))
    maps.push_back(pointer::append(channel.pointer, "messages"));
  return definitionsIn(context, maps);
}

std::vector<Definition> messagesV2(const RuleContext& context) {
  std::vector<Definition> found = definitionsIn(context, {"/components/messages"});
  for (const auto& channel : channels(context)) {
    for (const auto* verb : {"publish", "subscribe"}) {
      const std::string message = channel.pointer + "/" + verb + "/message";
      const nlohmann::json* node = context.at(message);
      if (node == nullptr || !node->is_object() || isReference(*node)) continue;
      const auto oneOf = node->find("oneOf");
      if (oneOf == node->end() || !oneOf->is_array()) {
        found.push_back({"", message, node});
        continue;
      }
      for (std::size_t i = 0; i < oneOf->size(); ++i) {
        const nlohmann::json& item = (*oneOf)[i];
        if (!item.is_object() || isReference(item)) continue;
        found.push_back({"", pointer::append(message + "/oneOf", i), &item});
      }
    }
  }
  return found;
}

std::vector<Definition> messagesForVersion(const RuleContext& context) {
  return context.majorVersion() == 3 ? messages(context) : messagesV2(context);
}

bool isComponentLibrary(const RuleContext& context) {
  const nlohmann::json& root = context.root();
  return !root.contains("channels") && !root.contains("operations") && !root.contains("servers");
}

namespace {

std::string describeNamed(std::string_view kind, const std::string& key, bool inComponents) {
  return fmt::format("{}{} '{}'", inComponents ? "component " : "", kind, key);
}

}  // namespace

std::string describe(std::string_view kind, const Definition& definition) {
  return describeNamed(kind, definition.key, definition.pointer.starts_with("/components/"));
}

std::optional<std::string> describeChannelOf(const Definition& message) {
  const auto tokens = pointer::split(message.pointer).value_or(std::vector<std::string>{});
  if (tokens.size() == 4 && tokens[0] == "channels") {
    return describeNamed("channel", tokens[1], false);
  }
  if (tokens.size() == 5 && tokens[0] == "components" && tokens[1] == "channels") {
    return describeNamed("channel", tokens[2], true);
  }
  return std::nullopt;
}

std::string describeMessage(const Definition& message) {
  const auto channel = describeChannelOf(message);
  return fmt::format("message '{}'{}", message.key, channel ? " of " + *channel : "");
}

std::vector<Definition> traitEntries(const RuleContext& context, const std::string& owner) {
  std::vector<Definition> entries;
  const std::string traits = pointer::append(owner, "traits");
  const nlohmann::json* list = context.at(traits);
  if (list == nullptr || !list->is_array()) return entries;
  for (std::size_t i = 0; i < list->size(); ++i) {
    entries.push_back({"", pointer::append(traits, i), &(*list)[i]});
  }
  return entries;
}

std::vector<std::optional<Resolved>> traitsOf(const RuleContext& context,
                                              const std::string& owner) {
  std::vector<std::optional<Resolved>> traits;
  for (const auto& entry : traitEntries(context, owner)) {
    traits.push_back(context.resolve(entry.pointer));
  }
  return traits;
}

bool someTraitMay(const RuleContext& context, const std::string& owner,
                  const std::function<bool(const nlohmann::json& trait)>& test) {
  const auto traits = traitsOf(context, owner);
  return std::any_of(traits.begin(), traits.end(), [&](const std::optional<Resolved>& trait) {
    return !trait || test(*trait->node);
  });
}

std::optional<std::string> effectiveMember(const RuleContext& context, const Definition& message,
                                           const char* key) {
  if (message.node->contains(key)) return pointer::append(message.pointer, key);
  std::optional<std::string> found;
  for (const auto& trait : traitsOf(context, message.pointer)) {
    if (!trait || !trait->node->is_object() || !trait->node->contains(key)) continue;
    if (found) return std::nullopt;
    found = pointer::append(trait->pointer, key);
  }
  return found;
}

std::optional<std::string> jsonSchemaAt(const RuleContext& context, const std::string& pointer) {
  const auto resolved = context.resolve(pointer);
  if (!resolved || !resolved->node->is_object()) return std::nullopt;
  const auto format = resolved->node->find("schemaFormat");
  if (format == resolved->node->end()) return resolved->pointer;
  if (!format->is_string() || !schema::isJsonSchemaFormat(format->get<std::string>()))
    return std::nullopt;
  const auto inner = context.resolve(pointer::append(resolved->pointer, "schema"));
  if (!inner || !inner->node->is_object()) return std::nullopt;
  return inner->pointer;
}

namespace {

void walkSchema(const nlohmann::json& schema, const std::string& pointer,
                const std::function<void(const std::string&, const nlohmann::json&)>& visit) {
  if (!schema.is_object() || isReference(schema)) return;
  visit(pointer, schema);
  for (const auto* keyword : {"items", "additionalItems", "additionalProperties", "not", "if",
                              "then", "else", "contains", "propertyNames"}) {
    if (const auto it = schema.find(keyword); it != schema.end())
      walkSchema(*it, pointer::append(pointer, keyword), visit);
  }
  for (const auto* keyword : {"allOf", "anyOf", "oneOf", "items"}) {
    const auto it = schema.find(keyword);
    if (it == schema.end() || !it->is_array()) continue;
    for (std::size_t i = 0; i < it->size(); ++i) {
      walkSchema((*it)[i], pointer::append(pointer::append(pointer, keyword), i), visit);
    }
  }
  for (const auto* keyword : {"properties", "patternProperties", "definitions", "dependencies"}) {
    const auto it = schema.find(keyword);
    if (it == schema.end() || !it->is_object()) continue;
    for (const auto& [name, child] : it->items()) {
      walkSchema(child, pointer::append(pointer::append(pointer, keyword), name), visit);
    }
  }
}

}  // namespace

void forEachSchema(const RuleContext& context,
                   const std::function<void(const std::string&, const nlohmann::json&)>& visit) {
  forEachMember(context.root(), "/components/schemas",
                [&](const std::string&, const std::string& pointer, const nlohmann::json& schema) {
                  // A component schema may be a Multi Format Schema Object.
                  if (schema.is_object() && schema.contains("schemaFormat")) {
                    const auto format = schema.find("schemaFormat");
                    if (format->is_string() &&
                        schema::isJsonSchemaFormat(format->get<std::string>()) &&
                        schema.contains("schema")) {
                      walkSchema(schema["schema"], pointer::append(pointer, "schema"), visit);
                    }
                    return;
                  }
                  walkSchema(schema, pointer, visit);
                });
  std::vector<Definition> holders = messages(context);
  for (auto& trait : definitionsIn(context, {"/components/messageTraits"}))
    holders.push_back(std::move(trait));
  for (const auto& holder : holders) {
    for (const auto* part : {"payload", "headers"}) {
      const std::string partPointer = pointer::append(holder.pointer, part);
      const nlohmann::json* node = context.at(partPointer);
      if (node == nullptr || !node->is_object() || isReference(*node)) continue;
      const auto format = node->find("schemaFormat");
      if (format == node->end()) {
        walkSchema(*node, partPointer, visit);
      } else if (format->is_string() && schema::isJsonSchemaFormat(format->get<std::string>()) &&
                 node->contains("schema")) {
        walkSchema((*node)["schema"], pointer::append(partPointer, "schema"), visit);
      }
    }
  }
}

std::vector<const nlohmann::json*> resolvedMembers(const RuleContext& context,
                                                   const std::string& mapPointer) {
  std::vector<const nlohmann::json*> members;
  forEachMember(context.root(), mapPointer,
                [&](const std::string&, const std::string& pointer, const nlohmann::json&) {
                  if (const auto resolved = context.resolve(pointer))
                    members.push_back(resolved->node);
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
    if (std::find(names.begin(), names.end(), name) == names.end())
      names.push_back(std::move(name));
    open = text.find('{', close + 1);
  }
  return names;
}

}  // namespace asynclint::engine::asyncapi
