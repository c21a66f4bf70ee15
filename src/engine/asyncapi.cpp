#include "engine/asyncapi.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

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

std::vector<Definition> operationsV2(const RuleContext& context) {
  std::vector<Definition> found;
  for (const auto& channel : channels(context)) {
    for (const auto* verb : {"publish", "subscribe"}) {
      const std::string operation = channel.pointer + "/" + verb;
      const nlohmann::json* node = context.at(operation);
      if (node != nullptr && node->is_object()) found.push_back({verb, operation, node});
    }
  }
  return found;
}

void reportRepeatedIds(RuleContext& context, std::vector<std::string> owners,
                       std::string_view idKey, std::string_view what) {
  owners = context.inWrittenOrder(std::move(owners),
                                  [](const std::string& owner) { return owner; });
  std::unordered_map<std::string, std::string> firstOwner;
  for (const auto& owner : owners) {
    const std::string idPointer = pointer::append(owner, idKey);
    const nlohmann::json* id = context.at(idPointer);
    if (id == nullptr || !id->is_string()) continue;
    const auto [first, inserted] = firstOwner.try_emplace(id->get<std::string>(), owner);
    if (inserted) continue;
    context.report(
        idPointer,
        fmt::format("{} '{}' is already used by {}: give each {} its own {}", idKey,
                    id->get<std::string>(), pointer::displayPath(context.root(), first->second),
                    what, idKey),
        Anchor::value,
        {RuleContext::note(pointer::append(first->second, idKey), "first used here")});
  }
}

std::vector<Definition> messagesForVersion(const RuleContext& context) {
  return context.majorVersion() == 3 ? messages(context) : messagesV2(context);
}

std::vector<Definition> replies(const RuleContext& context) {
  std::vector<Definition> found;
  for (const auto& operation : operations(context)) {
    const std::string reply = pointer::append(operation.pointer, "reply");
    const nlohmann::json* node = context.at(reply);
    if (node != nullptr && node->is_object() && !isReference(*node)) {
      found.push_back({operation.key, reply, node});
    }
  }
  for (auto& reply : definitionsIn(context, {"/components/replies"})) {
    found.push_back(std::move(reply));
  }
  return found;
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

std::string describeReply(const Definition& reply) {
  if (reply.pointer.starts_with("/components/replies/")) return describe("reply", reply);
  return "the reply of " + describe("operation", reply);  // named after its operation
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

namespace {

bool readsFormat(SchemaReading reading, const nlohmann::json& format) {
  if (!format.is_string()) return false;
  const auto& text = format.get_ref<const std::string&>();
  return reading == SchemaReading::structure ? schema::isAnyJsonSchemaFormat(text)
                                             : schema::isJsonSchemaFormat(text);
}

// What makes an object a Multi Format Schema Object in `reading`.
bool isMultiFormatSchema(const RuleContext& context, const nlohmann::json& node,
                         SchemaReading reading) {
  if (reading == SchemaReading::validation) return node.contains("schemaFormat");
  return context.majorVersion() == 3 && node.contains("schema");
}

}  // namespace

std::vector<std::string> declaredTypes(const nlohmann::json& schema) {
  const auto type = schema.find("type");
  if (type == schema.end()) return {};
  if (type->is_string()) return {type->get<std::string>()};
  std::vector<std::string> types;
  if (type->is_array()) {
    for (const auto& item : *type) {
      if (item.is_string()) types.push_back(item.get<std::string>());
    }
  }
  return types;
}

std::optional<std::string> schemaIn(const RuleContext& context, const nlohmann::json& node,
                                    const std::string& pointer, SchemaReading reading) {
  if (!node.is_object() || !isMultiFormatSchema(context, node, reading)) return pointer;
  // Without a `schemaFormat`, the schema is an AsyncAPI Schema.
  const auto format = node.find("schemaFormat");
  if (format != node.end() && !readsFormat(reading, *format)) return std::nullopt;
  if (!node.contains("schema")) return std::nullopt;
  return pointer::append(pointer, "schema");
}

std::optional<Resolved> schemaAt(const RuleContext& context, const std::string& pointer,
                                 SchemaReading reading) {
  const auto place = context.resolve(pointer);
  if (!place || !place->node->is_object()) return std::nullopt;
  const auto inner = schemaIn(context, *place->node, place->pointer, reading);
  if (!inner) return std::nullopt;
  // Resolving the place's own pointer again gives the place itself.
  const auto schema = context.resolve(*inner);
  if (!schema || !schema->node->is_object()) return std::nullopt;
  return schema;
}

void forEachSubschema(const nlohmann::json& schema, const std::string& pointer,
                      const SchemaVisitor& visit) {
  if (!schema.is_object() || isReference(schema)) return;
  visit(pointer, schema);
  for (const auto* keyword : {"items", "additionalItems", "additionalProperties", "not", "if",
                              "then", "else", "contains", "propertyNames"}) {
    if (const auto it = schema.find(keyword); it != schema.end())
      forEachSubschema(*it, pointer::append(pointer, keyword), visit);
  }
  for (const auto* keyword : {"allOf", "anyOf", "oneOf", "items"}) {
    const auto it = schema.find(keyword);
    if (it == schema.end() || !it->is_array()) continue;
    for (std::size_t i = 0; i < it->size(); ++i) {
      forEachSubschema((*it)[i], pointer::append(pointer::append(pointer, keyword), i), visit);
    }
  }
  for (const auto* keyword : {"properties", "patternProperties", "definitions", "dependencies"}) {
    const auto it = schema.find(keyword);
    if (it == schema.end() || !it->is_object()) continue;
    for (const auto& [name, child] : it->items()) {
      forEachSubschema(child, pointer::append(pointer::append(pointer, keyword), name), visit);
    }
  }
}

namespace {

// The schema that the place at `pointer` holds, and the subschemas in it.
void walkPlace(const RuleContext& context, const std::string& pointer, SchemaReading reading,
               const SchemaVisitor& visit) {
  const nlohmann::json* node = context.at(pointer);
  if (node == nullptr) return;
  const auto schema = schemaIn(context, *node, pointer, reading);
  if (!schema) return;
  if (const nlohmann::json* found = context.at(*schema)) forEachSubschema(*found, *schema, visit);
}

// AsyncAPI 2: the message names its payload's format, or else one of its traits does.
bool payloadInJsonSchemaV2(const RuleContext& context, const Definition& message,
                           SchemaReading reading) {
  std::vector<const nlohmann::json*> holders{message.node};
  for (const auto& trait : traitsOf(context, message.pointer)) {
    if (trait) holders.push_back(trait->node);
  }
  return std::all_of(holders.begin(), holders.end(), [&](const nlohmann::json* holder) {
    if (!holder->is_object()) return true;
    const auto format = holder->find("schemaFormat");
    return format == holder->end() || readsFormat(reading, *format);
  });
}

}  // namespace

std::optional<Resolved> payloadSchemaAt(const RuleContext& context, const Definition& message,
                                        SchemaReading reading) {
  if (context.majorVersion() != 3 && !payloadInJsonSchemaV2(context, message, reading)) {
    return std::nullopt;
  }
  return schemaAt(context, pointer::append(message.pointer, "payload"), reading);
}

namespace {

// Message traits in components and, for the structure reading, written inside `messages`.
std::vector<std::string> messageTraitPlaces(const RuleContext& context,
                                            const std::vector<Definition>& messages,
                                            SchemaReading reading) {
  std::vector<std::string> traits;
  for (const auto& trait : definitionsIn(context, {"/components/messageTraits"})) {
    traits.push_back(trait.pointer);
  }
  if (reading == SchemaReading::validation) return traits;
  for (const auto& message : messages) {
    for (const auto& trait : traitEntries(context, message.pointer)) {
      traits.push_back(trait.pointer);
    }
  }
  return traits;
}

void walkParametersV2(const RuleContext& context, SchemaReading reading,
                      const SchemaVisitor& visit) {
  std::vector<std::string> parameterMaps{"/components/parameters"};
  for (const auto& channel : channels(context)) {
    parameterMaps.push_back(pointer::append(channel.pointer, "parameters"));
  }
  for (const auto& parameter : definitionsIn(context, parameterMaps)) {
    walkPlace(context, pointer::append(parameter.pointer, "schema"), reading, visit);
  }
}

}  // namespace

void forEachSchema(const RuleContext& context, SchemaReading reading, const SchemaVisitor& visit) {
  forEachMember(context.root(), "/components/schemas",
                [&](const std::string&, const std::string& pointer, const nlohmann::json&) {
                  walkPlace(context, pointer, reading, visit);
                });
  // The validation reading has always passed over a payload or headers given as a $ref, even
  // with a `schema` written beside it.
  const auto walk = [&](const std::string& pointer) {
    const nlohmann::json* node = context.at(pointer);
    if (reading == SchemaReading::validation && node != nullptr && isReference(*node)) return;
    walkPlace(context, pointer, reading, visit);
  };
  const bool v3 = context.majorVersion() == 3;
  const auto messages = messagesForVersion(context);
  for (const auto& message : messages) {
    walk(pointer::append(message.pointer, "headers"));
    if (v3 || payloadInJsonSchemaV2(context, message, reading))
      walk(pointer::append(message.pointer, "payload"));
  }
  for (const auto& trait : messageTraitPlaces(context, messages, reading)) {
    walk(pointer::append(trait, "headers"));
    // Traits may not have a payload; the validation reading has always looked anyway.
    if (reading == SchemaReading::validation) walk(pointer::append(trait, "payload"));
  }
  if (!v3) walkParametersV2(context, reading, visit);
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

std::optional<Resolved> replyChannel(const RuleContext& context, const Definition& reply) {
  const std::string channelPointer = pointer::append(reply.pointer, "channel");
  if (context.refs().at(channelPointer) == nullptr) return std::nullopt;
  auto channel = context.resolve(channelPointer);
  if (!channel || !channel->node->is_object()) return std::nullopt;
  return channel;
}

bool ServerTemplate::uses(const std::string& variable) const {
  return std::any_of(fields.begin(), fields.end(), [&](const Field& field) {
    return std::find(field.placeholders.begin(), field.placeholders.end(), variable) !=
           field.placeholders.end();
  });
}

std::optional<ServerTemplate> serverTemplate(const Definition& server, int majorVersion) {
  const std::vector<std::string> names = majorVersion == 3
                                             ? std::vector<std::string>{"host", "pathname"}
                                         : majorVersion == 2 ? std::vector<std::string>{"url"}
                                                             : std::vector<std::string>{};
  if (names.empty() || !server.node->is_object()) return std::nullopt;
  ServerTemplate result;
  result.templated = names;
  const auto variables = server.node->find("variables");
  if (variables != server.node->end()) {
    if (!variables->is_object()) return std::nullopt;
    result.variables = &*variables;
  }
  for (const auto& name : names) {
    const auto text = server.node->find(name);
    if (text == server.node->end()) continue;
    if (!text->is_string()) return std::nullopt;
    auto used = placeholders(text->get<std::string>());
    std::erase(used, std::string());
    result.fields.push_back({name, std::move(used)});
  }
  return result;
}

std::string withoutParameterNames(const std::string& address) {
  std::string shape;
  shape.reserve(address.size());
  std::size_t at = 0;
  while (at < address.size()) {
    const std::size_t open = address.find('{', at);
    const std::size_t close = open == std::string::npos ? open : address.find('}', open + 1);
    if (close == std::string::npos) {
      shape.append(address, at);
      break;
    }
    shape.append(address, at, open + 1 - at);
    shape += '}';
    at = close + 1;
  }
  return shape;
}

std::optional<std::string> payloadFormatPointer(const RuleContext& context,
                                                const Definition& message) {
  if (context.majorVersion() == 3) {
    const auto payload = context.resolve(pointer::append(message.pointer, "payload"));
    if (!payload || !payload->node->is_object() || !payload->node->contains("schema")) {
      return std::nullopt;
    }
    return pointer::append(payload->pointer, "schemaFormat");
  }
  if (!message.node->contains("payload")) return std::nullopt;
  if (message.node->contains("schemaFormat")) {
    return pointer::append(message.pointer, "schemaFormat");
  }
  for (const auto& trait : traitsOf(context, message.pointer)) {
    if (trait && trait->node->is_object() && trait->node->contains("schemaFormat")) {
      return pointer::append(trait->pointer, "schemaFormat");
    }
  }
  return std::nullopt;
}

std::optional<FormattedPayload> formattedPayload(const RuleContext& context,
                                                 const Definition& message) {
  const auto at = payloadFormatPointer(context, message);
  if (!at) return std::nullopt;
  const nlohmann::json* format = context.at(*at);
  if (format == nullptr || !format->is_string()) return std::nullopt;
  const std::string schemaPointer = context.majorVersion() == 3
                                        ? pointer::append(pointer::parent(*at), "schema")
                                        : pointer::append(message.pointer, "payload");
  const auto& text = format->get_ref<const std::string&>();
  return FormattedPayload{*at, text, schema::schemaLanguage(text), context.resolve(schemaPointer)};
}

namespace {

// AsyncAPI 3: the Multi Format Schema Objects of components.schemas in `language`.
std::vector<Resolved> componentSchemasIn(const RuleContext& context,
                                         schema::SchemaLanguage language) {
  std::vector<Resolved> schemas;
  forEachMember(context.root(), "/components/schemas",
                [&](const std::string&, const std::string& at, const nlohmann::json& node) {
                  if (!node.is_object()) return;
                  const auto format = node.find("schemaFormat");
                  if (format == node.end() || !format->is_string() ||
                      schema::schemaLanguage(format->get<std::string>()) != language) {
                    return;
                  }
                  if (const auto schema = context.resolve(pointer::append(at, "schema"))) {
                    schemas.push_back(*schema);
                  }
                });
  return schemas;
}

}  // namespace

std::vector<Resolved> schemasIn(const RuleContext& context, schema::SchemaLanguage language) {
  std::vector<Resolved> schemas;
  for (const auto& message : messagesForVersion(context)) {
    const auto payload = formattedPayload(context, message);
    if (payload && payload->language == language && payload->schema) {
      schemas.push_back(*payload->schema);
    }
  }
  if (context.majorVersion() == 3) {
    const auto components = componentSchemasIn(context, language);
    schemas.insert(schemas.end(), components.begin(), components.end());
  }
  std::unordered_set<std::string> seen;
  std::erase_if(schemas,
                [&](const Resolved& schema) { return !seen.insert(schema.pointer).second; });
  return schemas;
}

}  // namespace asynclint::engine::asyncapi
