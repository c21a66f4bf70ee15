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

#include "model/document.hpp"
#include "model/schema_format.hpp"

namespace asynclint::model::asyncapi {

struct Definition {
  std::string key;      // its name in the map that holds it
  std::string pointer;  // where it is written
  const nlohmann::json* node = nullptr;
};

// Objects written (not referenced) in the maps at `mapPointers`, e.g. {"/channels",
// "/components/channels"}.
std::vector<Definition> definitionsIn(const DocumentView& document,
                                      const std::vector<std::string>& mapPointers);

std::vector<Definition> channels(const DocumentView& document);  // /channels, /components/channels
std::vector<Definition> operations(
    const DocumentView& document);  // /operations, /components/operations
std::vector<Definition> servers(const DocumentView& document);  // /servers, /components/servers
// Messages written in channels (root and components) and in /components/messages.
std::vector<Definition> messages(const DocumentView& document);
// AsyncAPI 2: messages written in channel operations (`message`, or each of its `oneOf`) and in
// /components/messages.
std::vector<Definition> messagesV2(const DocumentView& document);
// messages() for an AsyncAPI 3 document, messagesV2() otherwise.
std::vector<Definition> messagesForVersion(const DocumentView& document);

// Replies where they are written: inline in operations (root and components, in that order),
// then in /components/replies; a reply given as a $ref is visited where it is written. The `key`
// of an inline reply is its operation's.
std::vector<Definition> replies(const DocumentView& document);

// The channel that `reply` (one of replies()) references, followed through references; nullopt
// when its `channel` is not a reference, the reference is broken, or it is not an object.
std::optional<Resolved> replyChannel(const DocumentView& document, const Definition& reply);

// True for a document with no channels, operations or servers: it describes no application,
// only components that other documents reference (and give their defaults to).
bool isComponentLibrary(const DocumentView& document);

// How findings name a definition: "channel 'orders'", or "component channel 'orders'" for one
// written in components (`kind` is "channel", "operation", "server", ...).
std::string describe(std::string_view kind, const Definition& definition);
// The channel whose `messages` hold `message`, named as describe() does; nullopt for a message
// written in /components/messages.
std::optional<std::string> describeChannelOf(const Definition& message);
// "message 'created' of channel 'orders'", or "message 'OrderCreated'" for a message written in
// /components/messages.
std::string describeMessage(const Definition& message);
// "the reply of operation 'getUser'", or "component reply 'userReply'", for one of replies().
std::string describeReply(const Definition& reply);

// The entries of the `traits` list of the message or operation at `owner`, as written (a
// `$ref` is not followed; `key` is empty).
std::vector<Definition> traitEntries(const DocumentView& document, const std::string& owner);
// The traits of the message or operation at `owner`, in order, each followed through references:
// nullopt for one whose reference is broken.
std::vector<std::optional<Resolved>> traitsOf(const DocumentView& document,
                                              const std::string& owner);
// True when a trait of the message or operation at `owner` passes `test`, or may: a trait whose
// reference is broken could be the one (ref-unresolved reports it). Traits are merged into what
// they apply to, so what a trait gives, its owner has.
bool someTraitMay(const DocumentView& document, const std::string& owner,
                  const std::function<bool(const nlohmann::json& trait)>& test);
// Where the member `key` of `message` is written: in the message, or else in the one trait that
// has it (a trait does not override the message, and when several traits have it, which one
// wins is unclear: nullopt). Traits whose reference is broken are passed over.
std::optional<std::string> effectiveMember(const DocumentView& document, const Definition& message,
                                           const char* key);

// The final node of each entry of the map at `pointer` (following references), e.g. a
// channel's messages; entries whose reference is broken are left out.
std::vector<const nlohmann::json*> resolvedMembers(const DocumentView& document,
                                                   const std::string& pointer);

// How a place that may hold a Multi Format Schema Object (a message's `payload` or `headers`, a
// component schema) is read. The two readings differ where the specification is loose; each
// keeps what the rules that use it have always done.
enum class SchemaReading {
  // As the AsyncAPI 3 schema reads it (anySchema.json): an object with a `schema` member is a
  // Multi Format Schema Object (without `schemaFormat`, in AsyncAPI Schema), in any version of
  // JSON Schema or AsyncAPI Schema (model::isAnyJsonSchemaFormat). AsyncAPI 2 has no Multi
  // Format Schema Object. For rules about a schema's own keywords.
  structure,
  // As the validator reads it: an object with a `schemaFormat` member is a Multi Format Schema
  // Object, in one of the formats asynclint validates (model::isJsonSchemaFormat). For rules
  // that validate values against the schema.
  validation,
};

// The types a JSON schema's `type` names: the one string, or the strings of a list; empty when
// it has none.
std::vector<std::string> declaredTypes(const nlohmann::json& schema);

// The pointer of the JSON/AsyncAPI schema that `node`, written at `pointer`, holds: `pointer`
// itself, or its `schema` when `node` is a Multi Format Schema Object; nullopt when it is in a
// format that `reading` does not take (Avro, RAML, Protobuf...). References are not followed.
std::optional<std::string> schemaIn(const DocumentView& document, const nlohmann::json& node,
                                    const std::string& pointer, SchemaReading reading);

// The JSON/AsyncAPI schema object that the value at `pointer` holds (a message's `payload` or
// `headers`), following `$ref`s to it and into a Multi Format Schema Object; nullopt when there
// is none, when a reference is broken, or when it is in a format that `reading` does not take.
std::optional<Resolved> schemaAt(const DocumentView& document, const std::string& pointer,
                                 SchemaReading reading);

// The JSON/AsyncAPI schema of the payload of `message` (one of messagesForVersion()), as
// schemaAt() finds it; in 2.x, where the message (or one of its traits) names the payload's
// format, also nullopt when that format is one that `reading` does not take.
std::optional<Resolved> payloadSchemaAt(const DocumentView& document, const Definition& message,
                                        SchemaReading reading);

using SchemaVisitor = std::function<void(const std::string& pointer, const nlohmann::json& schema)>;

// Visits `schema`, written at `pointer`, and every subschema written inside it (properties, items,
// allOf, ...), once each; references are not followed.
void forEachSubschema(const nlohmann::json& schema, const std::string& pointer,
                      const SchemaVisitor& visit);

// Visits every schema written in the document that `reading` finds, and every subschema written
// inside it (properties, items, allOf, ...), once each, where it is written; references are not
// followed. Protocol bindings are not visited: their schema fields differ by protocol. Where:
// components.schemas, message headers and payloads, and
// - structure: the headers of message traits, in components and written inside messages;
// - validation: the headers and payloads of message traits in components; a payload or headers
//   given as a $ref is passed over, even with a `schema` written beside it.
// In AsyncAPI 2 also parameter schemas, and a message's payload only when neither the message
// nor its traits name a format other than JSON Schema.
void forEachSchema(const DocumentView& document, SchemaReading reading, const SchemaVisitor& visit);

// Where the format of the payload of `message` (one of messagesForVersion()) is named: in AsyncAPI
// 3 the `schemaFormat` of its payload's Multi Format Schema Object, followed through references
// (the pointer may name a member that is absent: no format means AsyncAPI Schema); in 2.x the
// message's `schemaFormat` or else that of its first trait that sets one (a trait never
// overrides what the message or an earlier trait sets). nullopt without a payload, or in 2.x
// when nothing names a format.
std::optional<std::string> payloadFormatPointer(const DocumentView& document,
                                                const Definition& message);

// A payload in a format named by `schemaFormat`, and the schema written in that format.
struct FormattedPayload {
  std::string formatPointer;
  std::string format;
  model::SchemaLanguage language = model::SchemaLanguage::unknown;
  std::optional<Resolved> schema;  // followed through references; nullopt when one is broken
};

// The payload of `message` when a `schemaFormat` (a string) names its format.
std::optional<FormattedPayload> formattedPayload(const DocumentView& document,
                                                 const Definition& message);

// The schemas written in `language`: the payloads of messages whose format is named in it (see
// formattedPayload) and, in AsyncAPI 3, the `schema` of the Multi Format Schema Objects in it in
// components.schemas; each followed through references and given once (messages may share a
// payload), in that order. Those whose reference is broken are left out.
std::vector<Resolved> schemasIn(const DocumentView& document, model::SchemaLanguage language);

// True when `node` is an object whose only member that matters is a "$ref".
bool isReference(const nlohmann::json& node);

// True when `value` says something: not a blank string, an empty mapping or an empty list. A
// value of another type says something (the schema reports its type).
bool saysSomething(const nlohmann::json& value);
// True when `object` has `key` with something in it (see saysSomething).
bool hasContent(const nlohmann::json& object, const char* key);

// The `{name}` placeholders of an address or URL, in order, without duplicates. Empty braces
// give an empty name.
std::vector<std::string> placeholders(const std::string& text);

// What a server's URL templates are made of: the fields that may hold `{variable}` placeholders
// (`host` and `pathname` in AsyncAPI 3, `url` in 2.x), the placeholders each one uses, and the
// server's `variables` (nullptr when it has none).
struct ServerTemplate {
  struct Field {
    std::string name;
    std::vector<std::string> placeholders;  // empty braces left out: a malformed template
  };
  std::vector<std::string> templated;  // every field that may hold placeholders, in order
  std::vector<Field> fields;           // those of them the server has
  const nlohmann::json* variables = nullptr;

  bool uses(const std::string& variable) const;
};
// nullopt when what the server uses is unknown: a templated field or `variables` of the wrong
// type (a schema finding), or a version without server templates.
std::optional<ServerTemplate> serverTemplate(const Definition& server, int majorVersion);

// The address with every `{name}` written as `{}`: "users.{id}" and "users.{userId}" are one
// address whatever the parameters are called.
std::string withoutParameterNames(const std::string& address);

// AsyncAPI 2: the operations written in channels (`publish` and `subscribe` objects), root and
// component channels; `key` is the verb.
std::vector<Definition> operationsV2(const DocumentView& document);

}  // namespace asynclint::model::asyncapi
