// Validates values written in a document (message examples, schema defaults) against schemas
// written in the same document. Each schema is compiled by valijson once, by pointer; its `$ref`s
// resolve against the whole document, so a payload can use '#/components/schemas/...'.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "schema/enum_lookup.hpp"
#include "schema/failure_tree.hpp"

namespace valijson {
class Schema;
class Validator;
}  // namespace valijson

namespace asynclint::schema {

class DocumentSchemas {
 public:
  explicit DocumentSchemas(const nlohmann::json& root);
  ~DocumentSchemas();
  DocumentSchemas(const DocumentSchemas&) = delete;
  DocumentSchemas& operator=(const DocumentSchemas&) = delete;

  struct Outcome {
    std::vector<Failure> failures;  // de-noised; pointers are into the document
    std::string unusable;           // why the schema could not be used (then failures is empty)
  };

  // Both checks may be called from several threads at once (they take turns).
  // Checks the value at `valuePointer` against the schema at `schemaPointer`.
  Outcome check(const std::string& schemaPointer, const std::string& valuePointer);
  // Checks the value at `valuePointer` against `schema`, a JSON Schema that is not written in the
  // document (such as the one an Avro schema implies), compiled once under `key`.
  Outcome check(const std::string& key, const nlohmann::json& schema,
                const std::string& valuePointer);

 private:
  // A schema not written in the document, kept with the enums written in it, which only it can
  // name when a value is not one of them.
  struct Standalone {
    explicit Standalone(nlohmann::json text) : schema(std::move(text)), enums(schema) {}
    nlohmann::json schema;
    EnumLookup enums;
  };

  // `schemaRoot` is the schema's document; its references to the document go to `root_`.
  const valijson::Schema* compiled(const std::string& key, const nlohmann::json& schemaRoot,
                                   std::string& unusable);
  // `enums` names the allowed values of the schema's enums; nullptr for the document's.
  Outcome validate(const valijson::Schema* schema, const EnumLookup* enums,
                   const std::string& valuePointer, Outcome outcome);

  const nlohmann::json& root_;
  std::unique_ptr<EnumLookup> enums_;  // built on first need: it reads the whole document
  std::map<std::string, std::unique_ptr<Standalone>> standalone_;
  std::map<std::string, std::unique_ptr<valijson::Schema>> schemas_;
  std::map<std::string, std::string> unusable_;
  std::unordered_map<std::string, std::regex> regexCache_;  // valijson's, unused (see WalkContext)
  // One validator for every check: its compiled schemas are kept (compiled `pattern` regexes are
  // cached per thread by regex::search).
  std::unique_ptr<valijson::Validator> validator_;
  std::mutex mutex_;  // guards the caches above and the validator
};

}  // namespace asynclint::schema
