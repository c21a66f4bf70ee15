// The kinds of change of `asynclint diff` as rules of the registry (metadata only): linked as an
// object, like the built-in rules, so that registration is never dropped by the linker.
#include <memory>

#include "diff/kinds.hpp"
#include "engine/rule.hpp"

namespace asynclint::diff {
namespace {

// A kind of change as a rule: metadata only; `asynclint diff` finds the changes.
class DiffRule final : public engine::Rule {
 public:
  explicit DiffRule(const KindInfo& kind) : Rule(ruleInfo(kind)) {}
  void check(engine::RuleContext&) const override {}

 private:
  static engine::RuleInfo ruleInfo(const KindInfo& kind) {
    engine::RuleInfo info;
    info.id = std::string(kind.id);
    info.severity = kind.severity;
    info.summary = std::string(kind.summary);
    info.versions = engine::Versions::all;
    info.diff = true;
    return info;
  }
};

const bool registered = [] {
  for (const auto& kind : allKinds())
    engine::registerRule(std::make_unique<DiffRule>(kind));
  return true;
}();

}  // namespace
}  // namespace asynclint::diff
