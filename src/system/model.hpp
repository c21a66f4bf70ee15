// The system model: what each service (one AsyncAPI document) sends and receives, read from the
// resolved tree of its document. AsyncAPI 2 documents join the same model: in 2.x a channel's
// `subscribe` operation means the application sends, `publish` means it receives.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace asynclint::system {

enum class Action { send, receive };

std::string_view toString(Action action);

struct MessageModel {
  std::string name;                    // the message's `name`, else its key
  std::string pointer;                 // where it is written in the resolved tree
  std::optional<std::string> payload;  // pointer of its payload schema, references followed
  std::optional<std::string> headers;  // pointer of its headers schema, references followed
  // Its `contentType`, else the document's `defaultContentType`; empty when neither is given.
  std::string contentType;
  // The `schemaFormat` that names its payload's format (3.x: of the Multi Format Schema Object;
  // 2.x: of the message or its first trait that sets one); empty when none is named.
  std::string schemaFormat;
  // Pointer of the payload schema written in `schemaFormat` when that is not JSON Schema or
  // AsyncAPI Schema (Avro, OpenAPI...), references followed; `payload` is empty then.
  std::optional<std::string> formattedPayload;
};

struct OperationModel {
  std::string id;       // the operation's key (3.x), or its operationId or verb (2.x)
  std::string pointer;  // where the operation is written; findings are placed there
  Action action = Action::send;
  std::string address;                 // with `{param}` placeholders
  std::vector<std::string> protocols;  // of the servers the channel is on, sorted, unique
  std::vector<MessageModel> messages;
  std::string channel;         // the channel's key (2.x: its address)
  std::string channelPointer;  // where the channel is written, references followed
  // The names of the servers (keys of `servers`) the channel is on: all of them when it names
  // none.
  std::vector<std::string> servers;
};

struct ServerModel {
  std::string name;     // its key in `servers`
  std::string pointer;  // where it is written, references followed
  std::string host;     // 3.x: `host` and `pathname`; 2.x: `url`
  std::string protocol;
};

struct ServiceModel {
  std::string file;  // as shown in findings
  std::string name;  // info.title
  std::string version;
  // The resolved document: payload pointers point into it. Shared with the document it was read
  // from, not copied (a copy of a 10,000-channel tree costs more than reading its operations).
  std::shared_ptr<const nlohmann::json> tree;
  std::vector<OperationModel> operations;
  std::vector<ServerModel> servers;  // in the order of their keys

  // The node at a pointer of `tree`, or nullptr.
  const nlohmann::json* at(const std::string& pointer) const;
};

// The service that the resolved document `tree` describes; operations without a known address
// are left out.
ServiceModel buildServiceModel(std::string file, std::shared_ptr<const nlohmann::json> tree);

// True when two addresses name the same channel: equal, or equal with the parameter names
// ignored, or one parameterized and the other concrete with each `{param}` standing for one
// non-empty segment (no '/' or '.'): `orders.{region}.created` ~ `orders.eu.created`.
bool addressesMatch(const std::string& a, const std::string& b);

// True when the concrete address fits `shape` (an address with its placeholders written `{}`,
// see engine::asyncapi::withoutParameterNames), each placeholder standing for one non-empty
// segment.
bool shapeFits(std::string_view shape, std::string_view concrete);

// The family of a protocol: its secure variant counts as the same protocol (kafka-secure and
// kafka, amqps and amqp, wss and ws, https and http, secure-mqtt and mqtts and mqtt).
std::string protocolFamily(const std::string& protocol);

// The node at `pointer` in `tree` with local `$ref`s followed (at most a few dozen); nullptr when
// one is broken or points into another file.
const nlohmann::json* followRefs(const nlohmann::json& tree, const nlohmann::json* node);

}  // namespace asynclint::system
