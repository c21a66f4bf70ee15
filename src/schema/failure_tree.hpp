// Walks a document alongside a compiled valijson schema and records *why* it fails, as a tree:
// valijson itself only returns a flat list with ambiguous paths, in which the branches of a
// oneOf cannot be told apart. Every verdict on a single constraint is still valijson's.
#pragma once

#include <regex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <valijson/subschema.hpp>

#include "diagnostic.hpp"
#include "schema/enum_lookup.hpp"

namespace asynclint::schema {

enum class FailureKind {
  type,
  enumeration,
  constant,
  pattern,
  format,
  required,
  unknownProperty,
  limit,
  notAllowed,
  noBranch,      // oneOf or anyOf: no branch matched; see `branches`
  manyBranches,  // oneOf: more than one branch matched
  other,
};

struct Failure {
  FailureKind kind = FailureKind::other;
  std::string pointer;  // the document node concerned
  Anchor anchor = Anchor::value;
  std::string message;  // phrased for people; empty for noBranch, which is phrased later
  std::vector<std::string> expected;  // type names or allowed values, for merging branches
  struct Branch {
    bool requiresRef = false;   // a Reference branch: it requires `$ref`
    bool throughCycle = false;  // it matched only by re-entering a schema still open (see below)
    std::vector<Failure> failures;
  };
  std::vector<Branch> branches;
};

struct WalkContext {
  const nlohmann::json& documentRoot;
  const EnumLookup& enums;
  // valijson's visitor takes a cache of std::regex; it stays empty, since its `pattern` and
  // `patternProperties` match through PCRE2 (patches/valijson/0006).
  std::unordered_map<std::string, std::regex>& regexCache;
  // The (subschema, document node) pairs being walked. A schema that reaches itself without
  // consuming data (`oneOf` subtypes that `allOf` their base) re-enters a pair that is still open:
  // the walk counts it as satisfied, as valijson's validation does (co-inductively).
  std::vector<std::pair<const valijson::Subschema*, std::string>> open = {};
  std::size_t cycleAssumptions = 0;  // how many times such a pair was taken as satisfied
};

// The failures of `node` (at `pointer`) against `schema`; empty when it is valid.
std::vector<Failure> collectFailures(const valijson::Subschema& schema, const nlohmann::json& node,
                                     const std::string& pointer, WalkContext& context);

}  // namespace asynclint::schema
