// A payload written in a schema format that asynclint does not read (Avro, Protobuf, RAML, ...)
// is not checked: say so once, where the format is named.
#include <fmt/format.h>

#include <unordered_set>

#include "engine/asyncapi.hpp"
#include "source/json_pointer.hpp"
#include "text/strings.hpp"

namespace asynclint::engine {
namespace {

using nlohmann::json;

std::string trimmedLower(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return "";
  const auto end = text.find_last_not_of(" \t");
  return text::asciiLowercase(text.substr(begin, end - begin + 1));
}

// AsyncAPI schemas of any version, and JSON Schema draft-07, as the specification names them.
// Unlike schema::isJsonSchemaFormat, which the validator uses and which matches the names
// exactly, spelling variants count: media types are case-insensitive, parameters may be quoted.
bool isSupported(const std::string& format) {
  const std::size_t semicolon = format.find(';');
  const std::string mediaType = trimmedLower(std::string_view(format).substr(0, semicolon));
  if (mediaType == "application/vnd.aai.asyncapi" ||
      mediaType == "application/vnd.aai.asyncapi+json" ||
      mediaType == "application/vnd.aai.asyncapi+yaml") {
    return true;
  }
  if (mediaType != "application/schema+json" && mediaType != "application/schema+yaml") {
    return false;
  }
  if (semicolon == std::string::npos) return false;
  std::string parameter = trimmedLower(std::string_view(format).substr(semicolon + 1));
  std::erase(parameter, '"');  // a quoted parameter value means the same
  return parameter == "version=draft-07";
}

// AsyncAPI 3: the payload (through references) is a Multi Format Schema Object.
std::optional<std::string> formatPointerV3(const RuleContext& context,
                                           const asyncapi::Definition& message) {
  const auto payload = context.resolve(pointer::append(message.pointer, "payload"));
  if (!payload || !payload->node->is_object() || !payload->node->contains("schema")) {
    return std::nullopt;
  }
  return pointer::append(payload->pointer, "schemaFormat");
}

// AsyncAPI 2: the message names the format of its payload, or else its first trait that does
// (a trait never overrides what the message or an earlier trait sets).
std::optional<std::string> formatPointerV2(const RuleContext& context,
                                           const asyncapi::Definition& message) {
  if (!message.node->contains("payload")) return std::nullopt;
  if (message.node->contains("schemaFormat")) {
    return pointer::append(message.pointer, "schemaFormat");
  }
  for (const auto& trait : asyncapi::traitsOf(context, message.pointer)) {
    if (trait && trait->node->is_object() && trait->node->contains("schemaFormat")) {
      return pointer::append(trait->pointer, "schemaFormat");
    }
  }
  return std::nullopt;
}

class PayloadFormatUnsupported final : public Rule {
 public:
  PayloadFormatUnsupported()
      : Rule({"payload-format-unsupported",
              Severity::info,
              true,
              "A payload in a schema format that asynclint does not validate",
              Versions::all,
              {}}) {}

  void check(RuleContext& context) const override {
    const bool v3 = context.majorVersion() == 3;
    const auto messages = asyncapi::messagesForVersion(context);
    // Messages that share a payload share its format: one finding where the format is written.
    std::unordered_set<std::string> reported;
    for (const auto& message : messages) {
      const auto at = v3 ? formatPointerV3(context, message) : formatPointerV2(context, message);
      if (!at) continue;
      const json* format = context.at(*at);
      if (format == nullptr || !format->is_string() || isSupported(format->get<std::string>())) {
        continue;
      }
      if (!reported.insert(*at).second) continue;
      context.report(*at, fmt::format("payload in format '{}' is not validated by asynclint",
                                      format->get<std::string>()));
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::PayloadFormatUnsupported)
