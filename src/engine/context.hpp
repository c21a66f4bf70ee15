// What a rule sees: the document tree, its reference index and a way to report. Rules report
// pointers; the engine turns them into file positions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"
#include "engine/memo.hpp"
#include "engine/rule.hpp"
#include "engine/settings.hpp"
#include "model/document.hpp"

namespace asynclint::schema {
class DocumentSchemas;
}

namespace asynclint::engine {

// The model's vocabulary, as the rules (namespace engine) use it.
using model::DocumentView;
using model::forEachMember;
using model::PlaceLookup;
using model::Reference;
using model::RefIndex;
using model::RefKind;
using model::Resolved;

class RuleContext : public DocumentView {
 public:
  RuleContext(const nlohmann::json& root, const RefIndex& refs, schema::DocumentSchemas& schemas,
              const RuleInfo& rule, const RuleSetting& setting, std::vector<Diagnostic>& out,
              const PlaceLookup* places = nullptr, DocumentMemo* memo = nullptr);

  // Checks values against the document's own schemas; one per document, shared by its rules,
  // so that each schema is compiled once.
  schema::DocumentSchemas& documentSchemas() const { return schemas_; }
  // Work shared by the rules of this document; nullptr outside a rule run (compute it then).
  DocumentMemo* memo() const { return memo_; }
  // The value of one of the rule's options (declared in its RuleInfo): as configured, else its
  // default. The configuration layer has checked its type against the default's.
  nlohmann::json option(std::string_view name) const;

  void report(std::string pointer, std::string message, Anchor anchor = Anchor::value,
              std::vector<RelatedLocation> related = {});
  // A related location in the same file, placed by the engine.
  static RelatedLocation note(std::string pointer, std::string message);

 private:
  schema::DocumentSchemas& schemas_;
  const RuleInfo& rule_;
  const RuleSetting& setting_;
  std::vector<Diagnostic>& out_;
  DocumentMemo* memo_ = nullptr;
};

}  // namespace asynclint::engine
