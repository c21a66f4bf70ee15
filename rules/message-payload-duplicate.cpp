// Two differently named messages that carry the same payload schema.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

// "'created' (channel 'orders')", or "'OrderCreated'" for a component message.
std::string shortName(const asyncapi::Definition& message) {
  const auto channel = asyncapi::describeChannelOf(message);
  return fmt::format("'{}'{}", message.key, channel ? " (" + *channel + ")" : "");
}

// The message's `name` when it has one, else its key: two entries with one name are one event.
std::string eventName(const asyncapi::Definition& message) {
  const auto name = message.node->find("name");
  return name != message.node->end() && name->is_string() ? name->get<std::string>() : message.key;
}

// Keywords that describe a structure or a set of values.
constexpr std::array<std::string_view, 14> kStructuralKeywords{
    {"properties", "patternProperties", "additionalProperties", "items", "prefixItems", "allOf",
     "anyOf", "oneOf", "not", "if", "enum", "const", "required", "schema"}};

// A schema that only says "a string" or "an object" fits countless unrelated events; only a
// schema that describes a structure or a set of values says two events are alike.
bool describesStructure(const nlohmann::json& schema) {
  if (!schema.is_object()) return false;
  return std::any_of(kStructuralKeywords.begin(), kStructuralKeywords.end(),
                     [&](std::string_view keyword) { return schema.contains(keyword); });
}

std::string canonicalText(const nlohmann::json& node) {
  return node.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

struct FirstCarrier {
  const asyncapi::Definition* message = nullptr;
  std::string payloadPointer;
};

class MessagePayloadDuplicate final : public DocumentRule {
 public:
  MessagePayloadDuplicate()
      : DocumentRule({.id = "message-payload-duplicate",
                      .severity = Severity::info,
                      .summary = "Two messages carry the same payload schema",
                      .versions = Versions::v3}) {}

  void check(RuleContext& context) const override {
    const auto messages =
        context.inWrittenOrder(asyncapi::messages(context),
                               [](const asyncapi::Definition& message) { return message.pointer; });
    // Keyed by the canonical text of the payload (nlohmann::json sorts object keys), so equal
    // inline schemas and references to one schema meet in the same entry. A schema referenced
    // by many messages is written out once.
    std::unordered_map<std::string, FirstCarrier> carriers;
    std::unordered_map<const nlohmann::json*, const FirstCarrier*> carrierOfSchema;
    for (const auto& message : messages) {
      const std::string payloadPointer = pointer::append(message.pointer, "payload");
      const auto payload = context.resolve(payloadPointer);
      if (!payload || !describesStructure(*payload->node)) continue;
      const FirstCarrier*& known = carrierOfSchema[payload->node];
      if (known == nullptr) {
        const auto [entry, inserted] = carriers.try_emplace(canonicalText(*payload->node),
                                                            FirstCarrier{&message, payloadPointer});
        known = &entry->second;
        if (inserted) continue;
      }
      reportIfDistinctEvents(context, *known, message, payloadPointer);
    }
  }

 private:
  static void reportIfDistinctEvents(RuleContext& context, const FirstCarrier& first,
                                     const asyncapi::Definition& message,
                                     const std::string& payloadPointer) {
    if (eventName(*first.message) == eventName(message)) return;
    context.report(
        payloadPointer,
        fmt::format("messages {} and {} have the same payload: possible duplicate events",
                    shortName(*first.message), shortName(message)),
        Anchor::key,
        {RuleContext::note(first.payloadPointer,
                           fmt::format("the payload of {}", shortName(*first.message)))});
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::MessagePayloadDuplicate)
