#include "engine/engine.hpp"

#include <atomic>
#include <set>
#include <tuple>

#include "engine/context.hpp"
#include "model/ref_index.hpp"
#include "schema/document_schemas.hpp"

namespace asynclint::engine {

struct RuleRun::State {
  State(const nlohmann::json& tree, const RuleSelection& selection, PlaceLookup placeLookup)
      : root(tree), refs(tree), schemas(tree), places(std::move(placeLookup)) {
    const RuleSettings defaults =
        selection.settings == nullptr ? RuleSettings::defaults() : RuleSettings();
    const RuleSettings& settings = selection.settings == nullptr ? defaults : *selection.settings;
    std::vector<const DocumentRule*> candidates = documentRules();
    for (const auto& custom : settings.customRules())
      candidates.push_back(custom.get());
    for (const DocumentRule* rule : candidates) {
      const RuleInfo& info = rule->info();
      RuleSetting setting = settings.of(info.id);
      if (!selection.only.empty()) setting = {info.id == selection.only, info.severity};
      if (setting.enabled) rules.push_back({rule, setting, {}});
    }
  }

  struct Entry {
    const DocumentRule* rule;
    RuleSetting setting;
    std::vector<Diagnostic> findings;
  };

  const nlohmann::json& root;
  const RefIndex refs;
  schema::DocumentSchemas schemas;
  const PlaceLookup places;
  DocumentMemo memo;
  std::vector<Entry> rules;
  std::atomic<std::size_t> next{0};
};

RuleRun::RuleRun(const nlohmann::json& root, const RuleSelection& selection, PlaceLookup places)
    : state_(root.is_object() ? std::make_unique<State>(root, selection, std::move(places))
                              : nullptr) {}

RuleRun::~RuleRun() = default;

void RuleRun::work() {
  if (!state_) return;
  State& state = *state_;
  for (std::size_t i = state.next++; i < state.rules.size(); i = state.next++) {
    State::Entry& entry = state.rules[i];
    const RuleInfo& info = entry.rule->info();
    RuleContext context(state.root, state.refs, state.schemas, info, entry.setting, entry.findings,
                        &state.places, &state.memo);
    if (info.versions == Versions::v3 && context.majorVersion() != 3) continue;
    if (info.versions == Versions::v2 && context.majorVersion() != 2) continue;
    entry.rule->check(context);
  }
}

std::vector<Diagnostic> RuleRun::findings() && {
  std::vector<Diagnostic> all;
  if (!state_) return all;
  for (auto& entry : state_->rules) {
    for (auto& finding : entry.findings)
      all.push_back(std::move(finding));
  }
  return all;
}

std::vector<Diagnostic> checkRules(const nlohmann::json& root, const RuleSelection& selection) {
  RuleRun run(root, selection);
  run.work();
  return std::move(run).findings();
}

void dropRepeatedFindings(std::vector<Diagnostic>& findings) {
  std::set<std::tuple<std::string, std::string, Position, std::string>> seen;
  std::erase_if(findings, [&](const Diagnostic& finding) {
    return !seen.emplace(finding.rule, finding.file, finding.range.start, finding.message).second;
  });
}

std::vector<Diagnostic> runRules(const Document& document, const RuleSelection& selection) {
  RuleRun run(document.root, selection, [&document](std::string_view pointer) {
    return WrittenPlace{0, document.rangeOf(pointer, Anchor::key).start};
  });
  run.work();
  std::vector<Diagnostic> findings = std::move(run).findings();
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
