#include "schema/document_schemas.hpp"

#include <cctype>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "model/schema_format.hpp"
#include "schema/denoise.hpp"
#include "source/json_pointer.hpp"
#include "text/strings.hpp"

namespace asynclint::schema {
namespace {

using nlohmann::json;
using valijson::adapters::NlohmannJsonAdapter;

// The URI under which the document itself is handed to valijson's reference resolution: valijson
// only fetches absolute URIs (it resolves a bare file name against the wrapper), and nothing is
// ever fetched from it (.invalid is a reserved name).
constexpr std::string_view documentUri = "https://asynclint.invalid/document.json";

std::string percentEncodeFragment(const std::string& pointer) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const char c : pointer) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || std::string_view("/-._~").find(c) != std::string_view::npos) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += hex[byte >> 4U];
      encoded += hex[byte & 0xFU];
    }
  }
  return encoded;
}

}  // namespace

DocumentSchemas::DocumentSchemas(const json& root)
    : root_(root),
      validator_(std::make_unique<valijson::Validator>(valijson::Validator::kStrongTypes)) {}
DocumentSchemas::~DocumentSchemas() = default;

const valijson::Schema* DocumentSchemas::compiled(const std::string& key, const json& schemaRoot,
                                                  std::string& unusable) {
  if (const auto it = schemas_.find(key); it != schemas_.end()) return it->second.get();
  if (const auto it = unusable_.find(key); it != unusable_.end()) {
    unusable = it->second;
    return nullptr;
  }
  auto schema = std::make_unique<valijson::Schema>();
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.populateSchema(
        NlohmannJsonAdapter(schemaRoot), *schema,
        [this](const std::string& uri) -> const json* {
          return uri == documentUri ? &root_ : nullptr;
        },
        [](const json*) {});
  } catch (const std::exception& error) {
    unusable = error.what();
    unusable_.emplace(key, unusable);
    return nullptr;
  }
  return schemas_.emplace(key, std::move(schema)).first->second.get();
}

DocumentSchemas::Outcome DocumentSchemas::check(const std::string& schemaPointer,
                                                const std::string& valuePointer) {
  const std::lock_guard lock(mutex_);
  Outcome outcome;
  const json wrapper = {
      {"$ref", std::string(documentUri) + "#" + percentEncodeFragment(schemaPointer)}};
  const valijson::Schema* schema = compiled(schemaPointer, wrapper, outcome.unusable);
  return validate(schema, nullptr, valuePointer, std::move(outcome));
}

DocumentSchemas::Outcome DocumentSchemas::check(const std::string& key, const json& schema,
                                                const std::string& valuePointer) {
  const std::lock_guard lock(mutex_);
  Outcome outcome;
  auto& standalone = standalone_[key];
  if (!standalone) standalone = std::make_unique<Standalone>(schema);
  // Keys of standalone schemas cannot clash with pointers, which are empty or start with '/'.
  const valijson::Schema* compiledSchema =
      compiled("standalone:" + key, standalone->schema, outcome.unusable);
  return validate(compiledSchema, &standalone->enums, valuePointer, std::move(outcome));
}

DocumentSchemas::Outcome DocumentSchemas::validate(const valijson::Schema* schema,
                                                   const EnumLookup* enums,
                                                   const std::string& valuePointer,
                                                   Outcome outcome) {
  const json* value = pointer::find(root_, valuePointer);
  if (value == nullptr || schema == nullptr) return outcome;
  try {
    if (validator_->validate(*schema, NlohmannJsonAdapter(*value), nullptr)) return outcome;
    if (enums == nullptr) {
      if (!enums_) enums_ = std::make_unique<EnumLookup>(root_);
      enums = enums_.get();
    }
    WalkContext context{root_, *enums, regexCache_};
    outcome.failures = denoise(collectFailures(*schema, *value, valuePointer, context), root_);
    if (outcome.failures.empty()) {
      outcome.failures.push_back(Failure{FailureKind::other,
                                         valuePointer,
                                         Anchor::value,
                                         "the value does not match its schema",
                                         {},
                                         {}});
    }
  } catch (const std::exception& error) {
    // An invalid `pattern` regex in the author's schema throws regex::RegexError.
    outcome.unusable = error.what();
  }
  return outcome;
}

}  // namespace asynclint::schema
