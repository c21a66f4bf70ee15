// Navigation of AsyncAPI 3 documents shared by the rules: where channels, operations, messages
// and servers are defined, and what a channel or operation refers to. Each definition is
// visited once, where it is written (entries that are only a $ref are skipped).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/context.hpp"

namespace asynclint::engine::asyncapi {

struct Definition {
  std::string key;      // its name in the map that holds it
  std::string pointer;  // where it is written
  const nlohmann::json* node = nullptr;
};

// Objects written (not referenced) in the maps at `mapPointers`, e.g. {"/channels",
// "/components/channels"}.
std::vector<Definition> definitionsIn(const RuleContext& context,
                                      const std::vector<std::string>& mapPointers);

std::vector<Definition> channels(const RuleContext& context);  // /channels, /components/channels
std::vector<Definition> operations(
    const RuleContext& context);                              // /operations, /components/operations
std::vector<Definition> servers(const RuleContext& context);  // /servers, /components/servers
// Messages written in channels (root and components) and in /components/messages.
std::vector<Definition> messages(const RuleContext& context);

// The final node of each entry of the map at `pointer` (following references), e.g. a
// channel's messages; entries whose reference is broken are left out.
std::vector<const nlohmann::json*> resolvedMembers(const RuleContext& context,
                                                   const std::string& pointer);

// The pointer of the JSON/AsyncAPI schema that the value at `pointer` holds (a message's
// `payload` or `headers`), following `$ref`s and unwrapping a Multi Format Schema Object; nullopt
// when there is none, when a reference is broken, or when it is in a format asynclint does not
// validate (Avro, RAML, Protobuf...).
std::optional<std::string> jsonSchemaAt(const RuleContext& context, const std::string& pointer);

// Visits every JSON/AsyncAPI schema object written in the document (components.schemas, message
// and message trait payloads and headers) and every subschema written inside them (properties,
// items, allOf, ...), once each, where it is written; references are not followed.
void forEachSchema(
    const RuleContext& context,
    const std::function<void(const std::string& pointer, const nlohmann::json& schema)>& visit);

// True when `node` is an object whose only member that matters is a "$ref".
bool isReference(const nlohmann::json& node);

// The `{name}` placeholders of an address or URL, in order, without duplicates. Empty braces
// give an empty name.
std::vector<std::string> placeholders(const std::string& text);

}  // namespace asynclint::engine::asyncapi
