// `asynclint diff`: what changed between two versions of one service's document, each change
// classified by who it affects (docs/diff.md). Reads the two services through the system model
// (operations with action, address, messages and payload schemas; AsyncAPI 2 mapped as there) and
// compares schemas with system/compatibility.hpp.
#pragma once

#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "diff/kinds.hpp"
#include "system/model.hpp"

namespace asynclint::diff {

enum class Side { before, after };

// A place in one of the two resolved documents.
struct Place {
  Side side = Side::after;
  std::string pointer;
  Anchor anchor = Anchor::key;
};

struct Change {
  Kind kind;
  Place place;  // in the new document, or in the old one for what is gone
  std::string message;
  std::vector<std::pair<Place, std::string>> notes;  // related places
};

// Every change from `before` to `after`, each once, in the order found.
std::vector<Change> compareServices(const system::ServiceModel& before,
                                    const system::ServiceModel& after);

}  // namespace asynclint::diff
