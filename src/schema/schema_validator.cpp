#include "schema/schema_validator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <span>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "model/schema_format.hpp"
#include "rule_ids.hpp"
#include "schema/denoise.hpp"
#include "schema/embedded_schemas.hpp"
#include "schema/enum_lookup.hpp"
#include "schema/failure_tree.hpp"
#include "schema/phrasing.hpp"

namespace asynclint::schema {
namespace {

using nlohmann::json;
using valijson::adapters::NlohmannJsonAdapter;

Diagnostic finding(std::string rule, std::string message, std::string pointer, Anchor anchor) {
  Diagnostic diagnostic;
  diagnostic.rule = std::move(rule);
  diagnostic.message = std::move(message);
  diagnostic.pointer = std::move(pointer);
  diagnostic.anchor = anchor;
  return diagnostic;
}

std::string versionList() {
  const auto versions = supportedVersions();
  std::string list;
  for (const auto& version : versions)
    list += (list.empty() ? "" : ", ") + version;
  return list;
}

// The official schemas check Avro payloads against a JSON Schema of Avro (avroSchema_v1) that
// rejects valid Avro (full names in `name`, nested `type` objects) and turns one slip into a
// cascade of oneOf failures. avro-schema-invalid checks Avro as Avro instead, so the schema check
// takes any Avro schema. In AsyncAPI 3 it is one branch of a oneOf beside a Reference, which it
// must keep excluding.
json withoutAvroSchemaCheck(json schemaDocument) {
  const auto definitions = schemaDocument.find("definitions");
  if (definitions == schemaDocument.end() || !definitions->contains("avroSchema_v1")) {
    return schemaDocument;
  }
  (*definitions)["avroSchema_v1"] =
      definitions->contains("multiFormatSchema")
          ? json{{"not", {{"type", "object"}, {"required", json::array({"$ref"})}}}}
          : json::object();
  return schemaDocument;
}

constexpr std::string_view openApiSchemaRef = "#/definitions/openapiSchema_3_0";

// Where the official schemas list the names of OpenAPI 3.0.0 (an `enum` of `schemaFormat`s), the
// names of the later 3.0 releases too: corrections of the same specification, with the same Schema
// Object, whose payloads are then checked the same way.
void addOpenApi30Releases(json& formats) {
  if (std::find(formats.begin(), formats.end(), "application/vnd.oai.openapi;version=3.0.0") ==
      formats.end()) {
    return;
  }
  for (const std::string_view release : std::span(model::openApi30Releases).subspan(1)) {
    for (const auto* mediaType : {"application/vnd.oai.openapi", "application/vnd.oai.openapi+json",
                                  "application/vnd.oai.openapi+yaml"}) {
      formats.push_back(fmt::format("{};version={}", mediaType, release));
    }
  }
}

// The official schemas check an OpenAPI payload's structure only for the format names of
// OpenAPI 3.0.0; the later 3.0 releases get the same check (addOpenApi30Releases). In AsyncAPI 2
// the payload itself must be an OpenAPI schema there, so a payload that is a $ref (to a component
// or to a file), which AsyncAPI 3 allows beside the schema, failed as an unknown '$ref' property.
void adaptOpenApiChecks(json& node) {
  if (node.is_array()) {
    for (auto& item : node)
      adaptOpenApiChecks(item);
    return;
  }
  if (!node.is_object()) return;
  for (auto& [key, value] : node.items()) {
    if (key == "enum" && value.is_array()) {
      addOpenApi30Releases(value);
    } else if (key == "payload" && value == json{{"$ref", openApiSchemaRef}}) {
      value = {{"oneOf", json::array({json{{"$ref", "#/definitions/Reference"}}, value})}};
    } else {
      adaptOpenApiChecks(value);
    }
  }
}

// The Parameter definition of the AsyncAPI 2.0-2.4 schemas has a `$ref` property of its own, so a
// parameter written as a Reference Object (which the text allows) matched both branches of
// `Reference | Parameter` and failed the `oneOf`. 2.5 dropped the property; so does this.
void withoutParameterRefProperty(json& schemaDocument) {
  const auto definitions = schemaDocument.find("definitions");
  if (definitions == schemaDocument.end() || !definitions->is_object()) return;
  for (auto& [name, definition] : definitions->items()) {
    if (name != "parameter" || !definition.is_object()) continue;
    const auto properties = definition.find("properties");
    if (properties != definition.end() && properties->is_object()) properties->erase("$ref");
  }
}

json adaptedSchema(std::string_view schemaText) {
  json schemaDocument = withoutAvroSchemaCheck(json::parse(schemaText));
  withoutParameterRefProperty(schemaDocument);
  const auto definitions = schemaDocument.find("definitions");
  if (definitions != schemaDocument.end() && definitions->contains("Reference")) {
    adaptOpenApiChecks(schemaDocument);
  }
  return schemaDocument;
}

}  // namespace

struct SchemaValidator::Impl {
  json schemaDocument;
  valijson::Schema schema;
  EnumLookup enums;

  explicit Impl(std::string_view schemaText)
      : schemaDocument(adaptedSchema(schemaText)), enums(schemaDocument) {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.populateSchema(NlohmannJsonAdapter(schemaDocument), schema);
  }
};

SchemaValidator::SchemaValidator(std::string_view schemaText)
    : impl_(std::make_unique<Impl>(schemaText)) {}
SchemaValidator::~SchemaValidator() = default;

std::vector<std::string> supportedVersions() {
  std::vector<std::string> versions;
  for (const auto& schema : embeddedSchemas())
    versions.emplace_back(schema.version);
  return versions;
}

const SchemaValidator* SchemaValidator::forVersion(std::string_view version) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<SchemaValidator>, std::less<>> validators;
  const std::lock_guard lock(mutex);
  if (const auto it = validators.find(version); it != validators.end()) return it->second.get();
  for (const auto& embedded : embeddedSchemas()) {
    if (embedded.version != version) continue;
    auto validator = std::unique_ptr<SchemaValidator>(new SchemaValidator(embedded.text));
    return validators.emplace(std::string(version), std::move(validator)).first->second.get();
  }
  return nullptr;
}

std::unique_ptr<SchemaValidator> SchemaValidator::fromSchemaText(std::string_view schemaText) {
  return std::unique_ptr<SchemaValidator>(new SchemaValidator(schemaText));
}

std::vector<Diagnostic> SchemaValidator::validate(const json& document) const {
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  if (validator.validate(impl_->schema, NlohmannJsonAdapter(document), nullptr)) return {};

  std::unordered_map<std::string, std::regex> regexCache;
  WalkContext context{document, impl_->enums, regexCache};
  std::vector<Diagnostic> diagnostics;
  for (const auto& failure :
       denoise(collectFailures(impl_->schema, document, "", context), document)) {
    const bool repeated =
        std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& seen) {
          return seen.pointer == failure.pointer && seen.message == failure.message;
        });
    if (!repeated)
      diagnostics.push_back(finding(ids::schema, failure.message, failure.pointer, failure.anchor));
  }
  if (diagnostics.empty()) {
    // valijson rejects the document but the failure walk found no single cause: report
    // valijson's own first words rather than let the document pass.
    valijson::ValidationResults results;
    validator.validate(impl_->schema, NlohmannJsonAdapter(document), &results);
    valijson::ValidationResults::Error error;
    const std::string detail = results.popError(error) ? error.description : "unknown reason";
    diagnostics.push_back(finding(ids::schema,
                                  "the document does not match the official schema: " + detail, "",
                                  Anchor::value));
  }
  return diagnostics;
}

std::vector<Diagnostic> validateDocument(const json& document) {
  const auto field = document.find("asyncapi");
  if (field == document.end()) {
    return {finding(
        ids::asyncapiVersion,
        fmt::format("missing required property 'asyncapi' (the AsyncAPI version of the document; "
                    "supported: {})",
                    versionList()),
        "", Anchor::key)};
  }
  if (!field->is_string()) {
    return {finding(
        ids::asyncapiVersion,
        fmt::format("'asyncapi' must be a string such as '3.0.0'; found {} (quote the version)",
                    describeFound(*field)),
        "/asyncapi", Anchor::value)};
  }
  const auto version = field->get<std::string>();
  const SchemaValidator* validator = SchemaValidator::forVersion(version);
  if (validator == nullptr) {
    return {finding(ids::asyncapiVersion,
                    fmt::format("unsupported AsyncAPI version '{}'; supported versions: {}",
                                version, versionList()),
                    "/asyncapi", Anchor::value)};
  }
  return validator->validate(document);
}

}  // namespace asynclint::schema
