#include "model/schema_format.hpp"

#include <algorithm>
#include <array>

#include "text/strings.hpp"

namespace asynclint::model {
namespace {

std::string_view trimmed(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") + 1 - begin);
}

bool isOpenApi30(std::string_view version) {
  return std::find(openApi30Releases.begin(), openApi30Releases.end(), version) !=
         openApi30Releases.end();
}

}  // namespace

std::string mediaTypeOf(std::string_view schemaFormat) {
  return text::asciiLowercase(trimmed(schemaFormat.substr(0, schemaFormat.find(';'))));
}

std::string versionOf(std::string_view schemaFormat) {
  std::size_t semicolon = schemaFormat.find(';');
  while (semicolon != std::string_view::npos) {
    const std::size_t next = schemaFormat.find(';', semicolon + 1);
    const std::string_view parameter = schemaFormat.substr(
        semicolon + 1, next == std::string_view::npos ? next : next - semicolon - 1);
    const std::size_t equals = parameter.find('=');
    if (equals != std::string_view::npos &&
        text::asciiLowercase(trimmed(parameter.substr(0, equals))) == "version") {
      std::string_view value = trimmed(parameter.substr(equals + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      return text::asciiLowercase(value);
    }
    semicolon = next;
  }
  return "";
}

SchemaLanguage schemaLanguage(std::string_view schemaFormat) {
  const std::string mediaType = mediaTypeOf(schemaFormat);
  const auto isFamily = [&](std::string_view base) {
    return mediaType == base || mediaType == std::string(base) + "+json" ||
           mediaType == std::string(base) + "+yaml";
  };
  if (isFamily("application/vnd.aai.asyncapi") || mediaType == "application/schema+json" ||
      mediaType == "application/schema+yaml") {
    return SchemaLanguage::jsonSchema;
  }
  if (isFamily("application/vnd.apache.avro")) return SchemaLanguage::avro;
  if (isFamily("application/vnd.oai.openapi")) {
    return isOpenApi30(versionOf(schemaFormat)) ? SchemaLanguage::openapi : SchemaLanguage::unknown;
  }
  if (mediaType == "application/raml+yaml") return SchemaLanguage::raml;
  if (mediaType == "application/vnd.google.protobuf") return SchemaLanguage::protobuf;
  return SchemaLanguage::unknown;
}

bool isJsonSchemaFormat(const std::string& schemaFormat) {
  return schemaFormat.starts_with("application/vnd.aai.asyncapi;version=") ||
         schemaFormat.starts_with("application/vnd.aai.asyncapi+json;version=") ||
         schemaFormat.starts_with("application/vnd.aai.asyncapi+yaml;version=") ||
         schemaFormat == "application/schema+json;version=draft-07" ||
         schemaFormat == "application/schema+yaml;version=draft-07";
}

bool isAnyJsonSchemaFormat(const std::string& schemaFormat) {
  return schemaLanguage(schemaFormat) == SchemaLanguage::jsonSchema;
}

}  // namespace asynclint::model
