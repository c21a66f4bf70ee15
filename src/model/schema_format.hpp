// The schema languages that a `schemaFormat` names, as the AsyncAPI specification lists them
// (Multi Format Schema Object; in 2.x the message's `schemaFormat`).
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace asynclint::model {

enum class SchemaLanguage {
  jsonSchema,  // AsyncAPI Schema of any version, or JSON Schema
  avro,        // application/vnd.apache.avro, +json, +yaml
  openapi,     // application/vnd.oai.openapi, +json, +yaml, version 3.0.0 to 3.0.4 (Schema Object)
  raml,        // application/raml+yaml
  protobuf,    // application/vnd.google.protobuf
  unknown,     // also OpenAPI of another version (3.1 Schema Objects are JSON Schema 2020-12)
};

// The releases of OpenAPI 3.0, whose Schema Objects are the same: the AsyncAPI specification
// names the format by the first (version=3.0.0) and means them all.
inline constexpr std::array<std::string_view, 5> openApi30Releases{"3.0.0", "3.0.1", "3.0.2",
                                                                   "3.0.3", "3.0.4"};

// The media type of `schemaFormat`, without its parameters, in lowercase and without the spaces
// around it: "application/vnd.apache.avro+json".
std::string mediaTypeOf(std::string_view schemaFormat);
// The value of the `version` parameter of `schemaFormat`, in lowercase, without spaces or quotes
// around it ("3.0.0", "draft-07"); empty when there is none.
std::string versionOf(std::string_view schemaFormat);

// The language of `schemaFormat`, by its media type (case and surrounding spaces aside), and for
// OpenAPI by its version too; the version of the other languages does not matter.
SchemaLanguage schemaLanguage(std::string_view schemaFormat);

// True for the `schemaFormat` values of AsyncAPI Schema and JSON Schema draft-07 (the formats
// asynclint validates); an absent format means AsyncAPI Schema. Matched as the specification
// spells them; payload-format-unsupported also takes spelling variants (case, spaces, quotes)
// as supported.
bool isJsonSchemaFormat(const std::string& schemaFormat);

// True for AsyncAPI Schema and JSON Schema in any version, by the media type alone (case and
// surrounding spaces aside): a superset of isJsonSchemaFormat, for rules that read a schema's
// structure (properties, required, type), which every draft shares, and validate nothing.
bool isAnyJsonSchemaFormat(const std::string& schemaFormat);

}  // namespace asynclint::model
