// Schema drift: where what a producer may send does not satisfy what a consumer accepts.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "system/model.hpp"

namespace asynclint::system {

// A schema node with the document that its local `$ref`s point into.
struct SchemaIn {
  const nlohmann::json& tree;
  const nlohmann::json* schema = nullptr;
};

// What the consumer's schema for the `part` ("payload" or "headers") of a message asks that the
// producer's does not guarantee, one sentence each, naming the place as `part` extended
// ("payload.items[].quantity"): a property the consumer requires that the producer does not, a
// type or format that differs, enum values the producer allows beyond the consumer's, a
// constraint (pattern, bounds) the consumer adds, a property the producer may send where the
// consumer forbids additional ones. Schemas are read by comparableSchema (Avro and OpenAPI
// payloads through the JSON Schema they imply) and compared by system/compatibility.hpp, with only
// its certain answers kept and an open producer schema read as sending the properties it
// declares. Nothing when either side does not give that part, or gives one that cannot be read.
std::vector<std::string> messageDrift(const ServiceModel& producer, const MessageModel& sent,
                                      const ServiceModel& consumer, const MessageModel& wanted,
                                      const std::string& part);

// The schema with local references written in place and annotations (description, title,
// examples, $comment, x-*) left out, to tell whether two schemas say the same thing.
nlohmann::json canonicalSchema(const SchemaIn& schema);

}  // namespace asynclint::system
