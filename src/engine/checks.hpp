// Checks that several rules share, written once: they report through the rule's context.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/context.hpp"

namespace asynclint::engine {

// Reports each of `owners` (pointers of objects) whose string member `idKey` repeats the value
// an earlier one has, earlier meaning written earlier in the file: one finding at the repeated
// id, with a note at the first. `what` names an owner in the message ("operation").
void reportRepeatedIds(RuleContext& context, std::vector<std::string> owners,
                       std::string_view idKey, std::string_view what);

}  // namespace asynclint::engine
