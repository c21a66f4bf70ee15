// Navigation of AsyncAPI documents shared by the rules (AsyncAPI 3 unless a name says V2): where
// channels, operations, messages and servers are defined, what a channel or operation refers to,
// what traits bring, and how findings name things. Each definition is visited once, where it is
// written (entries that are only a $ref are skipped).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
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
// AsyncAPI 2: messages written in channel operations (`message`, or each of its `oneOf`) and in
// /components/messages.
std::vector<Definition> messagesV2(const RuleContext& context);
// messages() for an AsyncAPI 3 document, messagesV2() otherwise.
std::vector<Definition> messagesForVersion(const RuleContext& context);

// True for a document with no channels, operations or servers: it describes no application,
// only components that other documents reference (and give their defaults to).
bool isComponentLibrary(const RuleContext& context);

// How findings name a definition: "channel 'orders'", or "component channel 'orders'" for one
// written in components (`kind` is "channel", "operation", "server", ...).
std::string describe(std::string_view kind, const Definition& definition);
// The channel whose `messages` hold `message`, named as describe() does; nullopt for a message
// written in /components/messages.
std::optional<std::string> describeChannelOf(const Definition& message);
// "message 'created' of channel 'orders'", or "message 'OrderCreated'" for a message written in
// /components/messages.
std::string describeMessage(const Definition& message);

// The entries of the `traits` list of the message or operation at `owner`, as written (a
// `$ref` is not followed; `key` is empty).
std::vector<Definition> traitEntries(const RuleContext& context, const std::string& owner);
// The traits of the message or operation at `owner`, in order, each followed through references:
// nullopt for one whose reference is broken.
std::vector<std::optional<Resolved>> traitsOf(const RuleContext& context, const std::string& owner);
// True when a trait of the message or operation at `owner` passes `test`, or may: a trait whose
// reference is broken could be the one (ref-unresolved reports it). Traits are merged into what
// they apply to, so what a trait gives, its owner has.
bool someTraitMay(const RuleContext& context, const std::string& owner,
                  const std::function<bool(const nlohmann::json& trait)>& test);
// Where the member `key` of `message` is written: in the message, or else in the one trait that
// has it (a trait does not override the message, and when several traits have it, which one
// wins is unclear: nullopt). Traits whose reference is broken are passed over.
std::optional<std::string> effectiveMember(const RuleContext& context, const Definition& message,
                                           const char* key);

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

// True when `object` has `key` with something in it: a blank string says nothing, and a value of
// the wrong type counts as present (the schema reports its type).
bool hasContent(const nlohmann::json& object, const char* key);

// The `{name}` placeholders of an address or URL, in order, without duplicates. Empty braces
// give an empty name.
std::vector<std::string> placeholders(const std::string& text);

}  // namespace asynclint::engine::asyncapi
