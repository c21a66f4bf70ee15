#include "system/model.hpp"

#include <algorithm>
#include <set>

#include "model/asyncapi.hpp"
#include "model/document.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::system {
namespace {

namespace asyncapi = model::asyncapi;
using model::DocumentView;

std::string stringMember(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto member = object.find(key);
  return member != object.end() && member->is_string() ? member->get<std::string>() : "";
}

std::vector<std::string> sortedUnique(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::erase(values, "");
  return values;
}

std::vector<std::string> allServerProtocols(const DocumentView& document) {
  std::vector<std::string> protocols;
  asynclint::model::forEachMember(document.root(), "/servers",
                                  [&](const std::string&, const std::string& pointer, const auto&) {
                                    if (const auto server = document.resolve(pointer))
                                      protocols.push_back(stringMember(*server->node, "protocol"));
                                  });
  return sortedUnique(std::move(protocols));
}

// The schema the message member `key` holds, references followed into a Multi Format Schema
// Object.
std::optional<std::string> schemaOf(const DocumentView& document, const std::string& message,
                                    const char* key) {
  const auto schema = asyncapi::schemaAt(document, pointer::append(message, key),
                                         asyncapi::SchemaReading::validation);
  if (!schema) return std::nullopt;
  return schema->pointer;
}

// The payload's format as named, and where its schema is when that format is not JSON Schema.
void readPayloadFormat(const DocumentView& document, const asyncapi::Definition& definition,
                       MessageModel& message) {
  const auto formatted = asyncapi::formattedPayload(document, definition);
  if (!formatted) return;
  message.schemaFormat = formatted->format;
  if (formatted->language != model::SchemaLanguage::jsonSchema && formatted->schema)
    message.formattedPayload = formatted->schema->pointer;
}

std::optional<MessageModel> messageAt(const DocumentView& document, const std::string& pointer) {
  const auto resolved = document.resolve(pointer);
  if (!resolved || !resolved->node->is_object()) return std::nullopt;
  MessageModel message;
  message.pointer = resolved->pointer;
  message.name = stringMember(*resolved->node, "name");
  if (message.name.empty()) message.name = pointer::lastToken(resolved->pointer);
  message.payload = schemaOf(document, resolved->pointer, "payload");
  message.headers = schemaOf(document, resolved->pointer, "headers");
  message.contentType = stringMember(*resolved->node, "contentType");
  if (message.contentType.empty())
    message.contentType = stringMember(document.root(), "defaultContentType");
  readPayloadFormat(document, {message.name, resolved->pointer, resolved->node}, message);
  return message;
}

// AsyncAPI 3: the operation's `messages`, else every message of its channel.
std::vector<MessageModel> messagesV3(const DocumentView& document, const std::string& operation,
                                     const std::string& channel) {
  std::vector<MessageModel> messages;
  const std::string listed = pointer::append(operation, "messages");
  const nlohmann::json* list = document.at(listed);
  if (list != nullptr && list->is_array()) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (auto message = messageAt(document, pointer::append(listed, i)))
        messages.push_back(std::move(*message));
    }
    return messages;
  }
  asynclint::model::forEachMember(
      document.root(), pointer::append(channel, "messages"),
      [&](const std::string&, const std::string& pointer, const nlohmann::json&) {
        if (auto message = messageAt(document, pointer)) messages.push_back(std::move(*message));
      });
  return messages;
}

std::vector<std::string> channelProtocolsV3(const DocumentView& document,
                                            const std::string& channel) {
  const std::string listed = pointer::append(channel, "servers");
  const nlohmann::json* list = document.at(listed);
  if (list == nullptr || !list->is_array() || list->empty()) return allServerProtocols(document);
  std::vector<std::string> protocols;
  for (std::size_t i = 0; i < list->size(); ++i) {
    if (const auto server = document.resolve(pointer::append(listed, i)))
      protocols.push_back(stringMember(*server->node, "protocol"));
  }
  return sortedUnique(std::move(protocols));
}

std::vector<std::string> allServerNames(const DocumentView& document) {
  std::vector<std::string> names;
  asynclint::model::forEachMember(
      document.root(), "/servers",
      [&](const std::string& name, const std::string&, const auto&) { names.push_back(name); });
  return names;
}

std::vector<std::string> channelServersV3(const DocumentView& document,
                                          const std::string& channel) {
  const std::string listed = pointer::append(channel, "servers");
  const nlohmann::json* list = document.at(listed);
  if (list == nullptr || !list->is_array() || list->empty()) return allServerNames(document);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < list->size(); ++i) {
    if (const auto server = document.resolve(pointer::append(listed, i)))
      names.push_back(pointer::lastToken(server->pointer));
  }
  return sortedUnique(std::move(names));
}

std::vector<OperationModel> operationsV3(const DocumentView& document) {
  std::vector<OperationModel> operations;
  for (const auto& definition : asyncapi::operations(document)) {
    if (definition.pointer.starts_with("/components/")) continue;  // not the application's own
    const std::string action = stringMember(*definition.node, "action");
    if (action != "send" && action != "receive") continue;
    const auto channel = document.resolve(pointer::append(definition.pointer, "channel"));
    if (!channel) continue;
    const std::string address = stringMember(*channel->node, "address");
    if (address.empty()) continue;
    operations.push_back({definition.key, definition.pointer,
                          action == "send" ? Action::send : Action::receive, address,
                          channelProtocolsV3(document, channel->pointer),
                          messagesV3(document, definition.pointer, channel->pointer),
                          pointer::lastToken(channel->pointer), channel->pointer,
                          channelServersV3(document, channel->pointer)});
  }
  return operations;
}

std::vector<MessageModel> messagesV2(const DocumentView& document, const std::string& operation) {
  const std::string message = pointer::append(operation, "message");
  const auto resolved = document.resolve(message);
  if (!resolved) return {};
  const auto oneOf = resolved->node->find("oneOf");
  if (oneOf == resolved->node->end() || !oneOf->is_array()) {
    if (auto single = messageAt(document, message)) return {std::move(*single)};
    return {};
  }
  std::vector<MessageModel> messages;
  for (std::size_t i = 0; i < oneOf->size(); ++i) {
    if (auto item = messageAt(document, pointer::append(resolved->pointer + "/oneOf", i)))
      messages.push_back(std::move(*item));
  }
  return messages;
}

std::vector<std::string> channelServersV2(const DocumentView& document,
                                          const nlohmann::json& channel) {
  const auto names = channel.find("servers");
  if (names == channel.end() || !names->is_array() || names->empty())
    return allServerNames(document);
  std::vector<std::string> found;
  for (const auto& name : *names) {
    if (name.is_string()) found.push_back(name.get<std::string>());
  }
  return sortedUnique(std::move(found));
}

std::vector<std::string> channelProtocolsV2(const DocumentView& document,
                                            const nlohmann::json& channel) {
  std::vector<std::string> protocols;
  for (const auto& name : channelServersV2(document, channel)) {
    if (const auto server = document.resolve(pointer::append("/servers", name)))
      protocols.push_back(stringMember(*server->node, "protocol"));
  }
  return sortedUnique(std::move(protocols));
}

std::vector<ServerModel> serversOf(const DocumentView& document) {
  std::vector<ServerModel> servers;
  asynclint::model::forEachMember(
      document.root(), "/servers",
      [&](const std::string& name, const std::string& pointer, const auto&) {
        const auto server = document.resolve(pointer);
        if (!server || !server->node->is_object()) return;
        const nlohmann::json& node = *server->node;
        std::string host = document.majorVersion() == 2
                               ? stringMember(node, "url")
                               : stringMember(node, "host") + stringMember(node, "pathname");
        servers.push_back({name, server->pointer, std::move(host), stringMember(node, "protocol")});
      });
  return servers;
}

// In AsyncAPI 2, `subscribe` is what others subscribe to: the application sends it.
std::vector<OperationModel> operationsV2(const DocumentView& document) {
  std::vector<OperationModel> operations;
  asynclint::model::forEachMember(
      document.root(), "/channels",
      [&](const std::string& address, const std::string& pointer, const nlohmann::json&) {
        const auto channel = document.resolve(pointer);
        if (!channel || !channel->node->is_object()) return;
        for (const auto* verb : {"publish", "subscribe"}) {
          const auto operation = document.resolve(pointer::append(channel->pointer, verb));
          if (!operation || !operation->node->is_object()) continue;
          std::string id = stringMember(*operation->node, "operationId");
          if (id.empty()) id = verb;
          operations.push_back(
              {id, operation->pointer,
               std::string_view(verb) == "subscribe" ? Action::send : Action::receive, address,
               channelProtocolsV2(document, *channel->node),
               messagesV2(document, operation->pointer), address, channel->pointer,
               channelServersV2(document, *channel->node)});
        }
      });
  return operations;
}

}  // namespace

std::string_view toString(Action action) {
  return action == Action::send ? "send" : "receive";
}

const nlohmann::json* ServiceModel::at(const std::string& pointer) const {
  return tree ? pointer::find(*tree, pointer) : nullptr;
}

ServiceModel buildServiceModel(std::string file, std::shared_ptr<const nlohmann::json> tree) {
  ServiceModel service;
  service.file = std::move(file);
  service.tree = std::move(tree);
  if (!service.tree) return service;
  const nlohmann::json& root = *service.tree;
  if (!root.is_object()) return service;
  const auto info = root.find("info");
  if (info != root.end()) {
    service.name = stringMember(*info, "title");
    service.version = stringMember(*info, "version");
  }
  if (service.name.empty()) service.name = service.file;
  const model::RefIndex refs(root);
  const DocumentView document(root, refs);
  if (document.majorVersion() == 3) service.operations = operationsV3(document);
  if (document.majorVersion() == 2) service.operations = operationsV2(document);
  service.servers = serversOf(document);
  return service;
}

namespace {

bool isSegmentCharacter(char c) {
  return c != '/' && c != '.';
}

}  // namespace

bool shapeFits(std::string_view shape, std::string_view concrete) {
  if (shape.empty()) return concrete.empty();
  if (shape.starts_with("{}")) {
    std::size_t taken = 0;
    while (taken < concrete.size() && isSegmentCharacter(concrete[taken])) {
      ++taken;
      if (shapeFits(shape.substr(2), concrete.substr(taken))) return true;
    }
    return false;
  }
  return !concrete.empty() && shape.front() == concrete.front() &&
         shapeFits(shape.substr(1), concrete.substr(1));
}

bool addressesMatch(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::string shapeA = asyncapi::withoutParameterNames(a);
  const std::string shapeB = asyncapi::withoutParameterNames(b);
  if (shapeA == shapeB) return true;
  const bool parameterizedA = shapeA.find("{}") != std::string::npos;
  const bool parameterizedB = shapeB.find("{}") != std::string::npos;
  if (parameterizedA && !parameterizedB) return shapeFits(shapeA, b);
  if (parameterizedB && !parameterizedA) return shapeFits(shapeB, a);
  return false;
}

std::string protocolFamily(const std::string& protocol) {
  static const std::set<std::pair<std::string, std::string>> secure{
      {"kafka-secure", "kafka"}, {"amqps", "amqp"},       {"wss", "ws"},
      {"https", "http"},         {"secure-mqtt", "mqtt"}, {"mqtts", "mqtt"},
      {"ibmmq-secure", "ibmmq"}, {"stomps", "stomp"},     {"jms-secure", "jms"}};
  for (const auto& [variant, family] : secure) {
    if (variant == protocol) return family;
  }
  return protocol;
}

const nlohmann::json* followRefs(const nlohmann::json& tree, const nlohmann::json* node) {
  for (int hops = 0; hops < 64; ++hops) {
    if (node == nullptr || !asyncapi::isReference(*node)) return node;
    const auto& target = (*node)["$ref"];
    if (!target.is_string()) return nullptr;
    const std::string text = target.get<std::string>();
    if (!text.starts_with('#')) return nullptr;
    node = pointer::find(tree, text.substr(1));
  }
  return nullptr;
}

}  // namespace asynclint::system
