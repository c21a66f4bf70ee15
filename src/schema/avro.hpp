// Avro schemas (specification 1.9 to 1.11) as a Multi Format Schema Object carries them: checked
// against the Avro specification, and read as the JSON Schema that the values of their JSON form
// must match, so that message examples can be checked against them.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"

namespace asynclint::schema::avro {

struct Finding {
  std::string pointer;  // where the mistake is written, below the schema's pointer
  std::string message;
  Anchor anchor = Anchor::value;
  std::vector<RelatedLocation> related;  // pointer and message; files and ranges left empty
};

// Every mistake in the Avro schema `schema`, written at `pointer`; empty when it is valid.
std::vector<Finding> validate(const nlohmann::json& schema, const std::string& pointer);

// The JSON Schema (draft-07) that a value of the Avro schema, written as plain JSON, matches. Call
// only on a schema that validate() finds valid. The mapping is documented in
// rules/avro-schema-invalid.md.
nlohmann::json impliedJsonSchema(const nlohmann::json& schema);

}  // namespace asynclint::schema::avro
