#include "model/asyncapi.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "source/json_pointer.hpp"
#include "text/strings.hpp"

namespace asynclint::model::asyncapi {

bool isReference(const nlohmann::json& node) {
  return node.is_object() && node.contains("$ref");
}

bool saysSomething(const nlohmann::json& value) {
  if (value.is_string()) return !text::isBlank(value.get_ref<const std::string&>());
  if (value.is_object() || value.is_array()) return !value.empty();
  return true;
}

bool hasContent(const nlohmann::json& object, const char* key) {
  const auto member = object.find(key);
  return member != object.end() && saysSomething(*member);
}

std::vector<Definition> definitionsIn(const DocumentView& document,
                                      const std::vector<std::string>& mapPointers) {
  std::vector<Definition> found;
  for (const auto& mapPointer : mapPointers) {
    forEachMember(
        document.root(), mapPointer,
        [&](const std::string& key, const std::string& pointer, const nlohmann::json& value) {
          if (value.is_object() && !isReference(value)) found.push_back({key, pointer, &value});
        });
  }
  return found;
}

std::vector<Definition> channels(const DocumentView& document) {
  return definitionsIn(document, {"/channels", "/components/channels"});
}

std::vector<Definition> operations(const DocumentView& document) {
  return definitionsIn(document, {"/operations", "/components/operations"});
}

std::vector<Definition> servers(const DocumentView& document) {
  return definitionsIn(document, {"/servers", "/components/servers"});
}

std::vector<Definition> messages(const DocumentView& document) {
  std::vector<std::string> maps{"/components/messages"};
  for (const auto& channel : channels(document))
    maps.push_back(pointer::append(channel.pointer, "messages"));
  return definitionsIn(document, maps);
}

std::vector<Definition> messagesV2(const DocumentView& document) {
  std::vector<Definition> found = definitionsIn(document, {"/components/messages"});
  for (const auto& channel : channels(document)) {
    for (const auto* verb : {"publish", "subscribe"}) {
      const std::string message = channel.pointer + "/" + verb + "/message";
      const nlohmann::json* node = document.at(message);
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

std::vector<Definition> operationsV2(const DocumentView& document) {
  std::vector<Definition> found;
  for (const auto& channel : channels(document)) {
    for (const auto* verb : {"publish", "subscribe"}) {
      const std::string operation = channel.pointer + "/" + verb;
      const nlohmann::json* node = document.at(operation);
      if (node != nullptr && node->is_object()) found.push_back({verb, operation, node});
    }
  }
  return found;
}

std::vector<Definition> messagesForVersion(const DocumentView& document) {
  return document.majorVersion() == 3 ? messages(document) : messagesV2(document);
}

std::vector<Definition> replies(const DocumentView& document) {
  std::vector<Definition> found;
  for (const auto& operation : operations(document)) {
    const std::string reply = pointer::append(operation.pointer, "reply");
    const nlohmann::json* node = document.at(reply);
    if (node != nullptr && node->is_object() && !isReference(*node)) {
      found.push_back({operation.key, reply, node});
    }
  }
  for (auto& reply : definitionsIn(document, {"/components/replies"})) {
    found.push_back(std::move(reply));
  }
  return found;
}

bool isComponentLibrary(const DocumentView& document) {
  const nlohmann::json& root = document.root();
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

std::vector<Definition> traitEntries(const DocumentView& document, const std::string& owner) {
  std::vector<Definition> entries;
  const std::string traits = pointer::append(owner, "traits");
  const nlohmann::json* list = document.at(traits);
  if (list == nullptr || !list->is_array()) return entries;
  for (std::size_t i = 0; i < list->size(); ++i) {
    entries.push_back({"", pointer::append(traits, i), &(*list)[i]});
  }
  return entries;
}

std::vector<std::optional<Resolved>> traitsOf(const DocumentView& document,
                                              const std::string& owner) {
  std::vector<std::optional<Resolved>> traits;
  for (const auto& entry : traitEntries(document, owner)) {
    traits.push_back(document.resolve(entry.pointer));
  }
  return traits;
}

bool someTraitMay(const DocumentView& document, const std::string& owner,
                  const std::function<bool(const nlohmann::json& trait)>& test) {
  const auto traits = traitsOf(document, owner);
  return std::any_of(traits.begin(), traits.end(), [&](const std::optional<Resolved>& trait) {
    return !trait || test(*trait->node);
  });
}

std::optional<std::string> effectiveMember(const DocumentView& document, const Definition& message,
                                           const char* key) {
  if (message.node->contains(key)) return pointer::append(message.pointer, key);
  std::optional<std::string> found;
  for (const auto& trait : traitsOf(document, message.pointer)) {
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
  return reading == SchemaReading::structure ? model::isAnyJsonSchemaFormat(text)
                                             : model::isJsonSchemaFormat(text);
}

// What makes an object a Multi Format Schema Object in `reading`.
bool isMultiFormatSchema(const DocumentView& document, const nlohmann::json& node,
                         SchemaReading reading) {
  if (reading == SchemaReading::validation) return node.contains("schemaFormat");
  return document.majorVersion() == 3 && node.contains("schema");
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

std::optional<std::string> schemaIn(const DocumentView& document, const nlohmann::json& node,
                                    const std::string& pointer, SchemaReading reading) {
  if (!node.is_object() || !isMultiFormatSchema(document, node, reading)) return pointer;
  // Without a `schemaFormat`, the schema is an AsyncAPI Schema.
  const auto format = node.find("schemaFormat");
  if (format != node.end() && !readsFormat(reading, *format)) return std::nullopt;
  if (!node.contains("schema")) return std::nullopt;
  return pointer::append(pointer, "schema");
}

std::optional<Resolved> schemaAt(const DocumentView& document, const std::string& pointer,
                                 SchemaReading reading) {
  const auto place = document.resolve(pointer);
  if (!place || !place->node->is_object()) return std::nullopt;
  const auto inner = schemaIn(document, *place->node, place->pointer, reading);
  if (!inner) return std::nullopt;
  // Resolving the place's own pointer again gives the place itself.
  const auto schema = document.resolve(*inner);
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
void walkPlace(const DocumentView& document, const std::string& pointer, SchemaReading reading,
               const SchemaVisitor& visit) {
  const nlohmann::json* node = document.at(pointer);
  if (node == nullptr) return;
  const auto schema = schemaIn(document, *node, pointer, reading);
  if (!schema) return;
  if (const nlohmann::json* found = document.at(*schema)) forEachSubschema(*found, *schema, visit);
}

// AsyncAPI 2: the message names its payload's format, or else one of its traits does.
bool payloadInJsonSchemaV2(const DocumentView& document, const Definition& message,
                           SchemaReading reading) {
  std::vector<const nlohmann::json*> holders{message.node};
  for (const auto& trait : traitsOf(document, message.pointer)) {
    if (trait) holders.push_back(trait->node);
  }
  return std::all_of(holders.begin(), holders.end(), [&](const nlohmann::json* holder) {
    if (!holder->is_object()) return true;
    const auto format = holder->find("schemaFormat");
    return format == holder->end() || readsFormat(reading, *format);
  });
}

}  // namespace

std::optional<Resolved> payloadSchemaAt(const DocumentView& document, const Definition& message,
                                        SchemaReading reading) {
  if (document.majorVersion() != 3 && !payloadInJsonSchemaV2(document, message, reading)) {
    return std::nullopt;
  }
  return schemaAt(document, pointer::append(message.pointer, "payload"), reading);
}

namespace {

// Message traits in components and, for the structure reading, written inside `messages`.
std::vector<std::string> messageTraitPlaces(const DocumentView& document,
                                            const std::vector<Definition>& messages,
                                            SchemaReading reading) {
  std::vector<std::string> traits;
  for (const auto& trait : definitionsIn(document, {"/components/messageTraits"})) {
    traits.push_back(trait.pointer);
  }
  if (reading == SchemaReading::validation) return traits;
  for (const auto& message : messages) {
    for (const auto& trait : traitEntries(document, message.pointer)) {
      traits.push_back(trait.pointer);
    }
  }
  return traits;
}

void walkParametersV2(const DocumentView& document, SchemaReading reading,
                      const SchemaVisitor& visit) {
  std::vector<std::string> parameterMaps{"/components/parameters"};
  for (const auto& channel : channels(document)) {
    parameterMaps.push_back(pointer::append(channel.pointer, "parameters"));
  }
  for (const auto& parameter : definitionsIn(document, parameterMaps)) {
    walkPlace(document, pointer::append(parameter.pointer, "schema"), reading, visit);
  }
}

}  // namespace

void forEachSchema(const DocumentView& document, SchemaReading reading,
                   const SchemaVisitor& visit) {
  forEachMember(document.root(), "/components/schemas",
                [&](const std::string&, const std::string& pointer, const nlohmann::json&) {
                  walkPlace(document, pointer, reading, visit);
                });
  // The validation reading has always passed over a payload or headers given as a $ref, even
  // with a `schema` written beside it.
  const auto walk = [&](const std::string& pointer) {
    const nlohmann::json* node = document.at(pointer);
    if (reading == SchemaReading::validation && node != nullptr && isReference(*node)) return;
    walkPlace(document, pointer, reading, visit);
  };
  const bool v3 = document.majorVersion() == 3;
  const auto messages = messagesForVersion(document);
  for (const auto& message : messages) {
    walk(pointer::append(message.pointer, "headers"));
    if (v3 || payloadInJsonSchemaV2(document, message, reading))
      walk(pointer::append(message.pointer, "payload"));
  }
  for (const auto& trait : messageTraitPlaces(document, messages, reading)) {
    walk(pointer::append(trait, "headers"));
    // Traits may not have a payload; the validation reading has always looked anyway.
    if (reading == SchemaReading::validation) walk(pointer::append(trait, "payload"));
  }
  if (!v3) walkParametersV2(document, reading, visit);
}

std::vector<const nlohmann::json*> resolvedMembers(const DocumentView& document,
                                                   const std::string& mapPointer) {
  std::vector<const nlohmann::json*> members;
  forEachMember(document.root(), mapPointer,
                [&](const std::string&, const std::string& pointer, const nlohmann::json&) {
                  if (const auto resolved = document.resolve(pointer))
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

std::optional<Resolved> replyChannel(const DocumentView& document, const Definition& reply) {
  const std::string channelPointer = pointer::append(reply.pointer, "channel");
  if (document.refs().at(channelPointer) == nullptr) return std::nullopt;
  auto channel = document.resolve(channelPointer);
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

std::optional<std::string> payloadFormatPointer(const DocumentView& document,
                                                const Definition& message) {
  if (document.majorVersion() == 3) {
    const auto payload = document.resolve(pointer::append(message.pointer, "payload"));
    if (!payload || !payload->node->is_object() || !payload->node->contains("schema")) {
      return std::nullopt;
    }
    return pointer::append(payload->pointer, "schemaFormat");
  }
  if (!message.node->contains("payload")) return std::nullopt;
  if (message.node->contains("schemaFormat")) {
    return pointer::append(message.pointer, "schemaFormat");
  }
  for (const auto& trait : traitsOf(document, message.pointer)) {
    if (trait && trait->node->is_object() && trait->node->contains("schemaFormat")) {
      return pointer::append(trait->pointer, "schemaFormat");
    }
  }
  return std::nullopt;
}

std::optional<FormattedPayload> formattedPayload(const DocumentView& document,
                                                 const Definition& message) {
  const auto at = payloadFormatPointer(document, message);
  if (!at) return std::nullopt;
  const nlohmann::json* format = document.at(*at);
  if (format == nullptr || !format->is_string()) return std::nullopt;
  const std::string schemaPointer = document.majorVersion() == 3
                                        ? pointer::append(pointer::parent(*at), "schema")
                                        : pointer::append(message.pointer, "payload");
  const auto& text = format->get_ref<const std::string&>();
  return FormattedPayload{*at, text, model::schemaLanguage(text), document.resolve(schemaPointer)};
}

namespace {

// AsyncAPI 3: the Multi Format Schema Objects of components.schemas in `language`.
std::vector<Resolved> componentSchemasIn(const DocumentView& document,
                                         model::SchemaLanguage language) {
  std::vector<Resolved> schemas;
  forEachMember(document.root(), "/components/schemas",
                [&](const std::string&, const std::string& at, const nlohmann::json& node) {
                  if (!node.is_object()) return;
                  const auto format = node.find("schemaFormat");
                  if (format == node.end() || !format->is_string() ||
                      model::schemaLanguage(format->get<std::string>()) != language) {
                    return;
                  }
                  if (const auto schema = document.resolve(pointer::append(at, "schema"))) {
                    schemas.push_back(*schema);
                  }
                });
  return schemas;
}

}  // namespace

std::vector<Resolved> schemasIn(const DocumentView& document, model::SchemaLanguage language) {
  std::vector<Resolved> schemas;
  for (const auto& message : messagesForVersion(document)) {
    const auto payload = formattedPayload(document, message);
    if (payload && payload->language == language && payload->schema) {
      schemas.push_back(*payload->schema);
    }
  }
  if (document.majorVersion() == 3) {
    const auto components = componentSchemasIn(document, language);
    schemas.insert(schemas.end(), components.begin(), components.end());
  }
  std::unordered_set<std::string> seen;
  std::erase_if(schemas,
                [&](const Resolved& schema) { return !seen.insert(schema.pointer).second; });
  return schemas;
}

}  // namespace asynclint::model::asyncapi
