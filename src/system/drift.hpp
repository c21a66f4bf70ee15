// Schema drift: where what a producer may send does not satisfy what a consumer accepts.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace asynclint::system {

// A schema node with the document that its local `$ref`s point into.
struct SchemaIn {
  const nlohmann::json& tree;
  const nlohmann::json* schema = nullptr;
};

// What the consumer's schema asks that the producer's does not guarantee, one sentence each,
// naming the place as `path` extended ("payload.items[].quantity"): a property the consumer
// requires that the producer does not, a type or format that differs, enum values the producer
// allows beyond the consumer's, a constraint (pattern, bounds) the consumer adds, a property the
// producer may send where the consumer forbids additional ones. Schemas the comparison cannot
// read (a broken or external reference, another schema format) give nothing. The comparison is
// system/compatibility.hpp's, with only its certain answers kept, and an open producer schema
// read as sending the properties it declares.
std::vector<std::string> schemaDrift(const SchemaIn& producer, const SchemaIn& consumer,
                                     const std::string& path);

// The schema with local references written in place and annotations (description, title,
// examples, $comment, x-*) left out, to tell whether two schemas say the same thing.
nlohmann::json canonicalSchema(const SchemaIn& schema);

}  // namespace asynclint::system
