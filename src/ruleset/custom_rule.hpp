// A rule of a Spectral ruleset as an engine rule: its `given` paths evaluated over the document
// (references followed unless `resolved: false`), each `then` applied to the targets, findings
// with Spectral's message templates filled, placed at the closest node that exists.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.hpp"
#include "jsonpath/jsonpath.hpp"
#include "ruleset/functions.hpp"

namespace asynclint::ruleset {

struct Given {
  jsonpath::Path path;
  std::vector<std::string> formats;  // from an alias's targets; empty: any document
  // The alias with targets by format this path comes from ("" for none), and which target: on a
  // document, only the last target that names one of its formats applies, as in Spectral.
  std::string scopedAlias = {};
  std::size_t target = 0;
};

struct Then {
  std::optional<std::string> field;         // a property name, "@key" or a relative path
  std::optional<jsonpath::Path> fieldPath;  // when `field` starts with '$'
  std::string functionName;
  std::shared_ptr<const Function> function;  // null: cannot run (a JavaScript function)
};

struct RuleDefinition {
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> message;
  Severity severity = Severity::warning;
  bool enabled = true;
  bool recommended = true;
  bool resolved = true;
  std::vector<std::string> formats;  // empty: any document
  // The formats any rule of the ruleset names: Spectral knows a document's formats only among
  // those, and chooses the targets of aliases by them.
  std::vector<std::string> registeredFormats;
  std::vector<Given> given;
  std::vector<Then> then;
  std::string origin;   // the ruleset file
  std::string pointer;  // of the definition in it
};

// Whether a document with this `asyncapi` version is of one of Spectral's formats (aas2,
// aas2_6, aas3, aas3_0...); other formats (oas3, json-schema...) never match.
bool matchesFormats(const std::vector<std::string>& formats, const nlohmann::json& root);
bool isKnownFormat(std::string_view format);
// Spectral's AsyncAPI formats, all of which spectral:asyncapi registers.
const std::vector<std::string>& asyncapiFormats();

std::shared_ptr<const engine::DocumentRule> makeCustomRule(RuleDefinition definition);

// Spectral's `unrecognized-format` warning: a ruleset names formats (`registered`, with those of
// spectral:asyncapi when it extends it) and the document is of none of them, so the rules that
// name formats check nothing there. `origin` is the ruleset file.
inline constexpr std::string_view unrecognizedFormatRule = "unrecognized-format";
std::shared_ptr<const engine::DocumentRule> makeFormatCheck(std::vector<std::string> registered,
                                                            std::string origin);

}  // namespace asynclint::ruleset
