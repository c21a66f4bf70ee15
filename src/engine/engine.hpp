#pragma once

#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "engine/settings.hpp"
#include "source/document.hpp"

namespace asynclint::engine {

struct RuleSelection {
  // When not empty, only this rule runs (whether on by default or not), as it ships: for
  // fixtures and tests.
  std::string only;
  // Otherwise the enabled rules run at their configured severity; nullptr means the defaults.
  const RuleSettings* settings = nullptr;
};

// Runs the enabled rules over a document; the findings carry pointers and ranges in its file.
std::vector<Diagnostic> runRules(const Document& document, const RuleSelection& selection = {});

}  // namespace asynclint::engine
