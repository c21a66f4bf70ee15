#include "engine/engine.hpp"

#include <set>
#include <tuple>

#include "engine/context.hpp"
#include "engine/ref_index.hpp"
#include "schema/document_schemas.hpp"

namespace asynclint::engine {

std::vector<Diagnostic> checkRules(const nlohmann::json& root, const RuleSelection& selection) {
  std::vector<Diagnostic> findings;
  if (!root.is_object()) return findings;
  const RefIndex refs(root);
  schema::DocumentSchemas schemas(root);
  const RuleSettings defaults =
      selection.settings == nullptr ? RuleSettings::defaults() : RuleSettings();
  const RuleSettings& settings = selection.settings == nullptr ? defaults : *selection.settings;
  for (const Rule* rule : allRules()) {
    const RuleInfo& info = rule->info();
    if (info.builtin || info.system) continue;
    RuleSetting setting = settings.of(info.id);
    if (!selection.only.empty()) setting = {info.id == selection.only, info.severity};
    if (!setting.enabled) continue;
    RuleContext context(root, refs, schemas, info, setting, findings);
    if (info.versions == Versions::v3 && context.majorVersion() != 3) continue;
    rule->check(context);
  }
  return findings;
}

void dropRepeatedFindings(std::vector<Diagnostic>& findings) {
  std::set<std::tuple<std::string, std::string, Position, std::string>> seen;
  std::erase_if(findings, [&](const Diagnostic& finding) {
    return !seen.emplace(finding.rule, finding.file, finding.range.start, finding.message).second;
  });
}

std::vector<Diagnostic> runRules(const Document& document, const RuleSelection& selection) {
  std::vector<Diagnostic> findings = checkRules(document.root, selection);
  for (auto& finding : findings) {
    finding.file = document.path;
    for (auto& related : finding.related) {
      if (related.file.empty()) related.file = document.path;
    }
    document.place(finding);
  }
  dropRepeatedFindings(findings);
  return findings;
}

}  // namespace asynclint::engine
