// A payload written in a schema format that asynclint does not read (Protobuf, RAML...)
// is not checked: say so once, where the format is named.
#include <fmt/format.h>

#include <unordered_set>

#include "engine/asyncapi.hpp"
#include "schema/schema_format.hpp"
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

// AsyncAPI schemas of any version, JSON Schema draft-07, as the specification names them, Avro
// (avro-schema-invalid) and OpenAPI 3.0 (the official schema checks their structure,
// message-examples-invalid the examples against both). Unlike schema::isJsonSchemaFormat, which the
// validator uses and which matches the names exactly, spelling variants count: media types are
// case-insensitive, parameters may be quoted.
bool isSupported(const std::string& format) {
  const auto language = schema::schemaLanguage(format);
  if (language == schema::SchemaLanguage::avro || language == schema::SchemaLanguage::openapi) {
    return true;
  }
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
    const auto messages = asyncapi::messagesForVersion(context);
    // Messages that share a payload share its format: one finding where the format is written.
    std::unordered_set<std::string> reported;
    for (const auto& message : messages) {
      const auto at = asyncapi::payloadFormatPointer(context, message);
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
