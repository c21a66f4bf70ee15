// The small data types that the layers (source, schema, rules, report) exchange.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace asynclint {

// 1-based line and column; the column counts Unicode code points, as a person sees them.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend auto operator<=>(const Position&, const Position&) = default;
};

struct Range {
  Position start;
  Position end;
  bool known() const { return start.line != 0; }
  friend bool operator==(const Range&, const Range&) = default;
};

enum class Severity { error, warning, info, hint };

std::string_view toString(Severity severity);
std::optional<Severity> parseSeverity(std::string_view text);

// Where a node is written, for listing things in the order of the files (the trees sort object
// keys): the index of its file among those a document spans (0: the entry), then its position.
struct WrittenPlace {
  std::size_t file = 0;
  Position position;
  friend auto operator<=>(const WrittenPlace&, const WrittenPlace&) = default;
};

// Which part of a node a finding is about: a key ("unknown property") or the value it holds.
enum class Anchor { key, value };

struct RelatedLocation {
  std::string file;
  std::string pointer;
  Range range;
  std::string message;
};

struct Diagnostic {
  std::string rule;
  Severity severity = Severity::error;
  std::string message;
  std::string file;
  std::string pointer;  // RFC 6901 JSON pointer of the node concerned ("" is the root)
  Anchor anchor = Anchor::value;
  Range range;  // filled from the pointer by the source map when not set by the finder
  std::vector<RelatedLocation> related;
};

// Sorts by file, then line, then column, then rule, for stable output.
void sortDiagnostics(std::vector<Diagnostic>& diagnostics);

// One finding per file, place, rule and message over a run: a part that several checked
// documents reach (a document itself, and another through a reference to it) is reported once,
// at the highest severity given, with the related notes of every repeat ("referenced here").
void mergeRepeatedFindings(std::vector<Diagnostic>& diagnostics);

// `file` as it is shown and fingerprinted: lexically normal, with '/' separators, and relative
// to `folder` when it is an absolute path inside that folder (an empty folder keeps it as is).
std::string shownPath(const std::string& file, const std::string& folder);

// An identity of a finding that survives edits elsewhere in the file: rule id, file (as a
// normalized relative path), JSON pointer and message with digits folded, so that neither a
// shifted line nor "first defined at line 12" in a message changes it. SARIF's
// partialFingerprints and the baseline file both use it: 16 lowercase hex digits.
std::string fingerprint(const Diagnostic& diagnostic);

}  // namespace asynclint
