// A message's headers are a map of names to values: their schema must be of type object.
#include <fmt/format.h>

#include <algorithm>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"
#include "text/suggest.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

using nlohmann::json;

// Something that has `headers`, with how to name it in a message.
struct Owner {
  std::string description;  // "message 'lightMeasured'"
  std::string pointer;
};

// Messages and message traits (in components and written inline in messages).
std::vector<Owner> owners(const RuleContext& context) {
  const auto messages = asyncapi::messagesForVersion(context);
  std::vector<Owner> found;
  auto name = [&](const asyncapi::Definition& definition, const char* kind) {
    return definition.key.empty() ? pointer::displayPath(context.root(), definition.pointer)
                                  : fmt::format("{} '{}'", kind, definition.key);
  };
  for (const auto& message : messages) {
    found.push_back({name(message, "message"), message.pointer});
    for (const auto& trait : asyncapi::traitEntries(context, message.pointer)) {
      if (trait.node->is_object() && !asyncapi::isReference(*trait.node)) {
        found.push_back({pointer::displayPath(context.root(), trait.pointer), trait.pointer});
      }
    }
  }
  for (const auto& trait : asyncapi::definitionsIn(context, {"/components/messageTraits"})) {
    found.push_back({name(trait, "message trait"), trait.pointer});
  }
  return found;
}

// The headers schema, reached through references and a Multi Format Schema Object, with the
// first reference written on the way (where a finding about a shared schema belongs).
struct HeadersSchema {
  Resolved schema;
  const Reference* via = nullptr;
};

std::optional<HeadersSchema> headersSchema(const RuleContext& context, const std::string& headers) {
  HeadersSchema found;
  found.via = context.refs().at(headers);
  const auto place = context.resolve(headers);
  if (!place || !place->node->is_object()) return std::nullopt;
  const auto inner =
      asyncapi::schemaIn(context, *place->node, place->pointer, asyncapi::SchemaReading::structure);
  if (!inner) return std::nullopt;
  // At the place itself (no Multi Format Schema Object) there is no reference left to find.
  if (found.via == nullptr) found.via = context.refs().at(*inner);
  const auto schema = context.resolve(*inner);
  if (!schema || !schema->node->is_object()) return std::nullopt;
  found.schema = *schema;
  return found;
}

// The types that `type` lists, when none of them is "object"; nullopt otherwise.
std::optional<std::vector<std::string>> nonObjectTypes(const json& type) {
  std::vector<std::string> types;
  if (type.is_string()) types.push_back(type.get<std::string>());
  if (type.is_array()) {
    for (const auto& item : type) {
      if (!item.is_string()) return std::nullopt;
      types.push_back(item.get<std::string>());
    }
  }
  if (types.empty() || std::find(types.begin(), types.end(), "object") != types.end()) {
    return std::nullopt;
  }
  return types;
}

class MessageHeadersNotObject final : public DocumentRule {
 public:
  MessageHeadersNotObject()
      : DocumentRule({.id = "message-headers-not-object",
                      .severity = Severity::error,
                      .summary = "A message's headers schema must be of type object",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    for (const auto& owner : owners(context)) {
      const std::string headers = pointer::append(owner.pointer, "headers");
      if (context.at(headers) == nullptr) continue;
      const auto found = headersSchema(context, headers);
      if (!found) continue;
      const auto type = found->schema.node->find("type");
      if (type == found->schema.node->end()) continue;
      const auto types = nonObjectTypes(*type);
      if (!types) continue;
      const std::string typeText = text::quotedList(*types);
      if (found->via != nullptr) {
        context.report(pointer::append(found->via->at, "$ref"),
                       fmt::format("the headers of {} must be a schema of type 'object', but '{}' "
                                   "has type {}",
                                   owner.description, found->via->text, typeText));
      } else if (context.majorVersion() == 3) {
        // In 2.x, the official schema itself requires written headers to be of type object.
        context.report(pointer::append(found->schema.pointer, "type"),
                       fmt::format("the headers of {} must be a schema of type 'object', not {}: "
                                   "headers map names to values",
                                   owner.description, typeText));
      }
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::MessageHeadersNotObject)
