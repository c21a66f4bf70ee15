// Checks that several rules share, written once: they report through the rule's context.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"
#include "engine/context.hpp"

namespace asynclint::engine {

// Reports each of `owners` (pointers of objects) whose string member `idKey` repeats the value
// an earlier one has, earlier meaning written earlier in the file: one finding at the repeated
// id, with a note at the first. `what` names an owner in the message ("operation").
void reportRepeatedIds(RuleContext& context, std::vector<std::string> owners,
                       std::string_view idKey, std::string_view what);

// What a `*-missing` rule asks of one object: a member (one of `anyOf`) that says something.
struct FieldRequirement {
  std::vector<std::string> anyOf;  // the object needs one of these members
  // True when the member's being there is enough, whatever it holds (an object that another
  // requirement checks, such as `info.contact`).
  bool presenceIsEnough = false;
  // Reported at the object, on `missingAnchor`, when it has none of them.
  std::string missing;
  Anchor missingAnchor = Anchor::key;
  // Reported at the member when the only one present says nothing (a blank string, an empty
  // mapping or list), on `emptyAnchor`; when empty, such a member counts as missing.
  std::string empty = {};
  Anchor emptyAnchor = Anchor::value;
};

// Reports what the object at `owner` lacks of `requirement`; nothing when there is no object
// there (a missing or mistyped owner is another rule's finding, or the schema's).
void requireField(RuleContext& context, const std::string& owner,
                  const FieldRequirement& requirement);

}  // namespace asynclint::engine
