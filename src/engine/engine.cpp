#include "engine/engine.hpp"

#include <set>
#include <tuple>

#include "engine/context.hpp"
#include "engine/ref_index.hpp"
#include "schema/document_schemas.hpp"

namespace asynclint::engine {

std::vector<Diagnostic> runRules(const Document& document, const RuleSelection& selection) {
  std::vector<Diagnostic> findings;
  if (!document.root.is_object()) return findings;
  const RefIndex refs(document.root);
  schema::DocumentSchemas schemas(document.root);
  for (const Rule* rule : allRules()) {
    const RuleInfo& info = rule->info();
    if (info.builtin) continue;
    if (selection.only.empty() ? !info.recommended : info.id != selection.only) continue;
    RuleContext context(document.root, refs, schemas, info, findings);
    if (info.versions == Versions::v3 && context.majorVersion() != 3) continue;
    rule->check(context);
  }
  for (auto& finding : findings) {
    finding.file = document.path;
    for (auto& related : finding.related) {
      if (related.file.empty()) related.file = document.path;
    }
    document.place(finding);
  }
  // A node reused through a YAML alias is checked once per use but written once: keep one finding.
  std::set<std::tuple<std::string, Position, std::string>> seen;
  std::erase_if(findings, [&](const Diagnostic& finding) {
    return !seen.emplace(finding.rule, finding.range.start, finding.message).second;
  });
  return findings;
}

}  // namespace asynclint::engine
