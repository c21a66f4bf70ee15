// Suppressions written in the document itself:
//   # asynclint-disable-next-line id[, id] -- reason   the next line
//   # asynclint-disable id ... # asynclint-enable id    the lines between (or to the end)
//   # asynclint-disable-file id                         the whole file
// (without ids: every rule), and `x-asynclint-ignore: [id, ...]` on any object, for JSON and
// for whole subtrees: findings whose pointer is inside that object. Findings of input errors
// (syntax, duplicate-key, ...) cannot be suppressed, as they cannot be configured.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "engine/rule.hpp"
#include "source/document.hpp"

namespace asynclint::suppression {

enum class DirectiveKind { nextLine, disable, enable, file, object };

struct Directive {
  DirectiveKind kind = DirectiveKind::file;
  std::string name;                // as written: "asynclint-disable", "x-asynclint-ignore"
  std::vector<std::string> rules;  // empty: every rule
  Range range;                     // the comment, or the x-asynclint-ignore key
  std::string pointer;             // object: the object; others: ""
  std::string problem;             // why the directive is malformed; empty when it is not
};

// The suppression comments of a YAML document, in order, and every x-asynclint-ignore, which it
// removes from the tree: asynclint's own key is not part of the API description, so neither the
// schema (where extensions are not allowed, e.g. under `channels` or `properties`) nor the
// rules see it.
std::vector<Directive> takeDirectives(Document& document);

// Removes the findings that `directives` suppress from `findings`, and returns a
// suppression-unused finding (severity warning, placed) for each directive, or rule id of a
// directive, that suppresses nothing, is malformed or names an unknown rule.
// `customRules` (from rulesets) may be named as well as registered rules.
std::vector<Diagnostic> applyDirectives(
    const std::vector<Directive>& directives, std::vector<Diagnostic>& findings,
    const std::string& file,
    const std::vector<std::shared_ptr<const engine::DocumentRule>>& customRules = {});

}  // namespace asynclint::suppression
