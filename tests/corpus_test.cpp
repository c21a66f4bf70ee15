// Conformance over ../shared/corpus: each document gets the verdict of the official schema
// listed in expected.tsv. Skips, with a message, when the shared folder is absent.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "app/app.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace asynclint::test;

namespace {

struct Expectation {
  std::string path;
  std::string verdict;
  std::string note;
};

std::vector<Expectation> readExpectations(const fs::path& tsv) {
  std::vector<Expectation> rows;
  std::ifstream file(tsv);
  std::string line;
  std::getline(file, line);  // header
  while (std::getline(file, line)) {
    std::stringstream fields(line);
    Expectation row;
    std::getline(fields, row.path, '\t');
    std::getline(fields, row.verdict, '\t');
    std::getline(fields, row.note);
    if (!row.path.empty()) rows.push_back(row);
  }
  return rows;
}

// "...: bindings.kafka.key of components.messages.costingResponse ..." → the JSON pointer
// /components/messages/costingResponse/bindings/kafka/key, where the note names a place.
std::string pointerNamedBy(const std::string& note) {
  const auto of = note.find(" of ");
  const auto colon = note.rfind(": ", of);
  if (of == std::string::npos || colon == std::string::npos) return "";
  const std::string inner = note.substr(colon + 2, of - colon - 2);
  const std::string outer = note.substr(of + 4, note.find(' ', of + 4) - of - 4);
  std::string pointer = "/" + outer + "/" + inner;
  std::replace(pointer.begin(), pointer.end(), '.', '/');
  return pointer;
}

// Official examples that the official schema accepts but that contradict themselves. Each is a
// real finding of a rule (not a false positive), pinned here so that it stays exactly this.
const std::map<std::string, std::vector<std::string>> realErrors{
    // The subscriptionStatus payload reuses the system `status` enum (online, maintenance, ...),
    // which has neither 'unsubscribed' nor 'error', the values its own examples use.
    {"spec-examples/3.0.0/kraken-websocket-request-reply-message-filter-in-reply-asyncapi.yml",
     {"151:21 message-examples-invalid", "159:21 message-examples-invalid"}},
    {"spec-examples/3.0.0/kraken-websocket-request-reply-multiple-channels-asyncapi.yml",
     {"157:21 message-examples-invalid", "165:21 message-examples-invalid"}},
    {"spec-examples/3.1.0/kraken-websocket-request-reply-message-filter-in-reply-asyncapi.yml",
     {"151:21 message-examples-invalid", "159:21 message-examples-invalid"}},
    {"spec-examples/3.1.0/kraken-websocket-request-reply-multiple-channels-asyncapi.yml",
     {"157:21 message-examples-invalid", "165:21 message-examples-invalid"}},
    // `deprecated` is a boolean whose default is the string 'false'.
    {"spec-examples/3.0.0/operation-security-asyncapi.yml", {"67:20 schema-values-invalid"}},
    {"spec-examples/3.1.0/operation-security-asyncapi.yml", {"67:20 schema-values-invalid"}},
    {"spec-examples/2.6.0/operation-security.yml", {"56:20 schema-values-invalid"}},
    // RequesterCode is a string whose example is the integer 1 (twice: two such schemas).
    {"spec-examples/3.1.0/adeo-kafka-request-reply-asyncapi.yml",
     {"217:11 schema-values-invalid", "244:11 schema-values-invalid"}},
    // The reply of requestCosting has an `address` and its channel costingResponse an address
    // too: "When address is specified, the address property of the channel referenced by this
    // property MUST be either null or not defined". (The 3.1.0 example sets that address to null.)
    // The document is also invalid against the schema; this error comes beside that one.
    {"spec-examples/3.0.0/adeo-kafka-request-reply-asyncapi.yml",
     {"131:9 operation-reply-address-conflict"}},
};

// Warnings, infos and hints on the official examples listed as valid, by rule: each count was
// checked by hand to be a real property of those documents (not a false positive), and is pinned
// so that a change in a rule shows up here.
const std::map<std::string, int> realNotes{
    // The examples document no contact, license or description in `info` (64, 53 and 24 files).
    {"info-contact-missing", 64},
    {"info-license-missing", 53},
    {"info-description-missing", 24},
    // anyof, not, oneof, operation-security, simple (all versions) and kraken (3.x) have no
    // servers.
    {"servers-missing", 19},
    // Most example messages have no examples; 20 are the social-media messages of
    // common/messages.yaml, once per service that refers to them (3.0.0 and 3.1.0: 10 references
    // each).
    {"message-examples-missing", 202},
    // 31 valid 3.x examples where no message says its content type and there is no
    // defaultContentType: one finding at the root of each (none sets it on some messages only).
    {"message-content-type-missing", 31},
    // Operations without summary or description, e.g. streetlights turnOn/turnOff/dimLight.
    {"operation-description-missing", 90},
    // adeo: schemas BuCode, ErrorStep, ErrorMessage, ErrorCode; security schemes declared but
    // repeated inline (correlation-id, streetlights-*, operation-security); oneof and slack-rtm
    // messages that no channel uses (in 2.6.0 too: testMessage1, testMessage2, memberLeftChannel).
    {"component-unused", 21},
    // kraken multiple-channels: seven channels share the address '/' (3.0, 3.1): one finding each,
    // since merging them is one fix.
    {"channel-address-duplicate", 2},
    // slack-rtm botAdded/botChanged and oneof testMessage1/objectWithKey,
    // testMessage2/objectWithKey2.
    {"message-payload-duplicate", 6},
    // (No payload-format-unsupported: adeo's payloads are Avro, which avro-schema-invalid checks.)
    // anyof: `additionalProperties: false` on the string property `key` (2.6.0, 3.0.0, 3.1.0).
    {"schema-type-keywords-mismatch", 3},
};

// Remote references, refused by default (the multifile suite tests fetching them): adeo's Avro
// schemas are on asyncapi.com (three in 3.0.0, two in 3.1.0).
const std::map<std::string, int> remoteReferences{
    {"spec-examples/3.0.0/adeo-kafka-request-reply-asyncapi.yml", 3},
    {"spec-examples/3.1.0/adeo-kafka-request-reply-asyncapi.yml", 2},
};

std::vector<std::string> placesOf(const std::vector<asynclint::Diagnostic>& errors) {
  std::vector<std::string> places;
  for (const auto& error : errors) {
    places.push_back(std::to_string(error.range.start.line) + ":" +
                     std::to_string(error.range.start.column) + " " + error.rule);
  }
  std::sort(places.begin(), places.end());
  return places;
}

}  // namespace

TEST_SUITE("corpus") {
  TEST_CASE("official examples get the official schema's verdict, and no rule errs on them") {
    const fs::path tsv = sharedDir() / "corpus" / "expected.tsv";
    if (!sharedAvailable(tsv)) return;
    const auto rows = readExpectations(tsv);
    REQUIRE(rows.size() > 50);
    std::map<std::string, int> notes;
    std::map<std::string, int> remote;
    for (const auto& row : rows) {
      CAPTURE(row.path);
      // The corpus is the root: the social-media services refer to files in a sibling folder.
      asynclint::FileCheckOptions options;
      options.resolve.root = (sharedDir() / "corpus").string();
      const auto result =
          asynclint::validateFile((sharedDir() / "corpus" / row.path).string(), options);
      std::vector<asynclint::Diagnostic> errors;
      for (const auto& diagnostic : result.diagnostics) {
        if (diagnostic.rule == "ref-remote-disabled")
          ++remote[row.path];
        else if (diagnostic.severity == asynclint::Severity::error)
          errors.push_back(diagnostic);
      }
      if (row.verdict == "valid") {
        for (const auto& diagnostic : result.diagnostics) {
          if (diagnostic.severity != asynclint::Severity::error) ++notes[diagnostic.rule];
        }
        const auto known = realErrors.find(row.path);
        const auto expected =
            known == realErrors.end() ? std::vector<std::string>{} : known->second;
        CHECK(placesOf(errors) == expected);
        continue;
      }
      REQUIRE(row.verdict == "invalid");
      // The one error the official schema gives, beside the pinned real findings of rules.
      const auto known = realErrors.find(row.path);
      if (known != realErrors.end()) {
        std::vector<asynclint::Diagnostic> schemaErrors;
        std::vector<asynclint::Diagnostic> ruleErrors;
        for (const auto& error : errors) {
          (error.rule == "schema" ? schemaErrors : ruleErrors).push_back(error);
        }
        CHECK(placesOf(ruleErrors) == known->second);
        errors = schemaErrors;
      }
      REQUIRE(errors.size() == 1);
      const std::string pointer = pointerNamedBy(row.note);
      if (!pointer.empty()) CHECK(errors.front().pointer == pointer);
      CHECK(errors.front().range.known());
    }
    CHECK(notes == realNotes);
    CHECK(remote == remoteReferences);
  }
}
