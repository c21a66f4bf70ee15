// The schema languages that a `schemaFormat` names, as the AsyncAPI specification lists them
// (Multi Format Schema Object; in 2.x the message's `schemaFormat`).
#pragma once

#include <string_view>

namespace asynclint::schema {

enum class SchemaLanguage {
  jsonSchema,  // AsyncAPI Schema of any version, or JSON Schema
  avro,        // application/vnd.apache.avro, +json, +yaml
  openapi,     // application/vnd.oai.openapi, +json, +yaml (OpenAPI 3.0 Schema Object)
  raml,        // application/raml+yaml
  protobuf,    // application/vnd.google.protobuf
  unknown,
};

// The language of `schemaFormat`, by its media type: case and surrounding spaces aside, and
// whatever its parameters (version) say.
SchemaLanguage schemaLanguage(std::string_view schemaFormat);

}  // namespace asynclint::schema
