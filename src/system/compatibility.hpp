// Schema compatibility: is every value that schema A accepts also accepted by schema B? The one
// comparison behind schema drift (A: what a producer sends, B: what a consumer accepts) and
// `asynclint diff` (A and B: the old and the new schema of a message, in the order its direction
// asks). It reads JSON Schema (AsyncAPI Schema) through local `$ref`s and `allOf`; Avro and
// OpenAPI payloads are compared through the JSON Schema they imply (see comparableSchema in
// src/diff/). Where it cannot decide (a `oneOf` rewritten, `not`, a changed `pattern`, a keyword
// it does not model) it says so rather than keeping silent; recursive schemas end, since each
// pair of schema nodes is compared once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "system/model.hpp"

namespace asynclint::system {

// A schema node of `tree` (whose local `$ref`s it may use), written at `pointer` of that tree.
struct SchemaNode {
  const nlohmann::json* tree = nullptr;
  const nlohmann::json* node = nullptr;
  std::string pointer;
};

enum class Certainty {
  definite,     // some value that A accepts, B rejects
  undecidable,  // asynclint cannot tell (the sentence says why)
};

struct Incompatibility {
  Certainty certainty = Certainty::definite;
  std::string text;      // one sentence, naming the place as a path: "payload.items[].quantity"
  std::string pointerA;  // the node of A where it was found (in A's tree)
  std::string pointerB;  // the node of B where it was found (in B's tree)
  std::string keyword;   // the keyword concerned ("required", "type"...), when one is
};

// How the sentences name the two schemas: "the producer" / "the consumer" / "may send".
struct Roles {
  std::string a = "the producer";
  std::string b = "the consumer";
  std::string aAllows = "may send";
};

struct CompatibilityOptions {
  Roles roles;
  // True: an object schema of A that does not forbid other properties may hold any property,
  // so B's `additionalProperties: false` rejects some of its values. False: A is read as holding
  // only the properties it declares (schema drift: producers rarely close their schemas, and
  // what they declare is what they send).
  bool undeclaredProperties = true;
};

// Why some value valid under `a` may be invalid under `b`; empty when every value valid under `a`
// is valid under `b` as far as the comparison can tell. Schemas that cannot be read (a broken or
// external reference) give nothing.
std::vector<Incompatibility> incompatibilities(const SchemaNode& a, const SchemaNode& b,
                                               const std::string& path,
                                               const CompatibilityOptions& options = {});

// True when the two values are equal with local `$ref`s followed on both sides (a reference and
// what it points to are the same value); with `ignoreAnnotations`, the annotations of schemas
// (description, title, examples, default, $comment, x-*...) aside. Recursive values end.
bool equivalent(const SchemaNode& a, const SchemaNode& b, bool ignoreAnnotations);

// The node that `node` stands for, with local `$ref`s followed (its pointer too); a null node when
// a reference is broken or leaves the tree.
SchemaNode followSchemaReferences(const SchemaNode& node);

// A message's payload or headers schema, ready to compare: a node of the service's document, or
// the JSON Schema that a payload in another format (Avro, OpenAPI 3.0) implies, owned here.
struct ComparableSchema {
  std::shared_ptr<const nlohmann::json> implied;  // set for a schema in another format
  SchemaNode node;
  std::string documentPointer;  // where the schema is written in the document
};

// The schema of the message's `part` ("payload" or "headers"); an absent one allows any value;
// nullopt when it cannot be read (a format asynclint does not compare, such as Protobuf, an
// invalid Avro schema, a broken reference).
std::optional<ComparableSchema> comparableSchema(const ServiceModel& service,
                                                 const MessageModel& message,
                                                 const std::string& part);

// True for the schema keywords that do not constrain values: description, title, examples,
// example, default, $comment, readOnly, writeOnly, deprecated, $schema, $id, externalDocs,
// discriminator and x-* extensions.
bool isSchemaAnnotation(const std::string& keyword);

}  // namespace asynclint::system
