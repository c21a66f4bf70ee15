// OpenAPI 3.0 Schema Objects (a payload with schemaFormat application/vnd.oai.openapi...) read as
// the JSON Schema draft-07 they mean, so that message examples can be checked against them.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace asynclint::schema::openapi {

// The draft-07 schema equivalent to the OpenAPI 3.0 schema `schema`: `nullable: true` adds
// "null" to `type` (and to `enum`) when there is a `type` beside it, boolean
// `exclusiveMinimum`/`exclusiveMaximum` become the draft-07 numbers. Local references ('#/...')
// into `root` are converted too, into definitions (a Multi Format Schema Object stands for its
// `schema`); other references accept anything.
nlohmann::json impliedJsonSchema(const nlohmann::json& schema, const nlohmann::json& root);

// True when the Schema Object `schema` says `nullable: true` (a value of another type says
// nothing: the schema check reports it).
bool isNullable(const nlohmann::json& schema);

}  // namespace asynclint::schema::openapi
