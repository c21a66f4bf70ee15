#include "schema/schema_format.hpp"

#include <string>

#include "text/strings.hpp"

namespace asynclint::schema {

SchemaLanguage schemaLanguage(std::string_view schemaFormat) {
  std::string_view mediaType = schemaFormat.substr(0, schemaFormat.find(';'));
  const std::size_t begin = mediaType.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return SchemaLanguage::unknown;
  mediaType = mediaType.substr(begin, mediaType.find_last_not_of(" \t") + 1 - begin);
  const std::string lower = text::asciiLowercase(mediaType);
  const auto isFamily = [&](std::string_view base) {
    return lower == base || lower == std::string(base) + "+json" ||
           lower == std::string(base) + "+yaml";
  };
  if (isFamily("application/vnd.aai.asyncapi") || lower == "application/schema+json" ||
      lower == "application/schema+yaml") {
    return SchemaLanguage::jsonSchema;
  }
  if (isFamily("application/vnd.apache.avro")) return SchemaLanguage::avro;
  if (isFamily("application/vnd.oai.openapi")) return SchemaLanguage::openapi;
  if (lower == "application/raml+yaml") return SchemaLanguage::raml;
  if (lower == "application/vnd.google.protobuf") return SchemaLanguage::protobuf;
  return SchemaLanguage::unknown;
}

}  // namespace asynclint::schema
