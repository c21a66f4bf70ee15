#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"
#include "engine/context.hpp"
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

// The enabled rules over one tree, shared out to the threads that call work().
class RuleRun {
 public:
  // `places` says where each node of `root` is written, for the rules that list things in the
  // order of the file; without it they follow the tree's (sorted) order.
  RuleRun(const nlohmann::json& root, const RuleSelection& selection, PlaceLookup places = {});
  ~RuleRun();
  RuleRun(const RuleRun&) = delete;
  RuleRun& operator=(const RuleRun&) = delete;

  // Checks rules until none is left; several threads may call it at once.
  void work();
  // Once every work() has returned: the findings, in the order of the rules (not of the threads),
  // so the output is the same for any number of threads.
  std::vector<Diagnostic> findings() &&;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Runs the enabled rules over a tree; the findings carry pointers into it, not yet placed.
std::vector<Diagnostic> checkRules(const nlohmann::json& root, const RuleSelection& selection = {});

// A node reached twice (a YAML alias, or a part of another file referred to from two places)
// is checked once per use but written once: keeps one finding per rule, place and message.
void dropRepeatedFindings(std::vector<Diagnostic>& findings);

// Runs the enabled rules over a document; the findings carry pointers and ranges in its file.
std::vector<Diagnostic> runRules(const Document& document, const RuleSelection& selection = {});

}  // namespace asynclint::engine
