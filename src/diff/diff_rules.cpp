// The kinds of change of `asynclint diff` as rules of the registry (metadata only): linked as an
// object, like the built-in rules, so that registration is never dropped by the linker.
#include <memory>

#include "diff/kinds.hpp"
#include "engine/rule.hpp"

namespace asynclint::diff {
namespace {

// A kind of change as a rule: metadata only; `asynclint diff` finds the changes.
const bool registered = [] {
  for (const auto& kind : allKinds()) {
    engine::registerRule(
        std::make_unique<engine::Rule>(engine::RuleInfo{.id = std::string(kind.id),
                                                        .severity = kind.severity,
                                                        .summary = std::string(kind.summary),
                                                        .versions = engine::Versions::all,
                                                        .kind = engine::RuleKind::diff}));
  }
  return true;
}();

}  // namespace
}  // namespace asynclint::diff
