#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"

namespace asynclint::schema {

// AsyncAPI versions with an embedded official schema, oldest first.
std::vector<std::string> supportedVersions();

// Validates one AsyncAPI version against its official schema. Parsed once per process and
// shared; validation itself keeps no state, so one validator serves any number of threads.
class SchemaValidator {
 public:
  // The validator for `version`, or nullptr when asynclint has no schema for it.
  static const SchemaValidator* forVersion(std::string_view version);
  // A validator for another draft-07 schema of asynclint's own (the configuration file's).
  static std::unique_ptr<SchemaValidator> fromSchemaText(std::string_view schemaText);

  // Findings with rule, message and pointer; the caller places them in the source.
  std::vector<Diagnostic> validate(const nlohmann::json& document) const;

  ~SchemaValidator();
  SchemaValidator(const SchemaValidator&) = delete;
  SchemaValidator& operator=(const SchemaValidator&) = delete;

 private:
  struct Impl;
  explicit SchemaValidator(std::string_view schemaText);
  std::unique_ptr<Impl> impl_;
};

// Checks the `asyncapi` version field, then validates against that version's schema.
std::vector<Diagnostic> validateDocument(const nlohmann::json& document);

}  // namespace asynclint::schema
