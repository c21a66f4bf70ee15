#pragma once

#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "source/document.hpp"

namespace asynclint::engine {

struct RuleSelection {
  // When not empty, only this rule runs (whether on by default or not): for fixtures and tests.
  std::string only;
};

// Runs the enabled rules over a document; the findings carry pointers and ranges in its file.
std::vector<Diagnostic> runRules(const Document& document, const RuleSelection& selection = {});

}  // namespace asynclint::engine
