// The baseline: findings accepted when asynclint was adopted, recorded by fingerprint (see
// fingerprint() in diagnostic.hpp: rule, file, pointer, message with digits folded; lines do
// not count, so findings survive edits elsewhere). The file is JSON with one finding per line,
// sorted, so that it diffs cleanly in review.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.hpp"

namespace asynclint::suppression {

struct BaselineEntry {
  std::string fingerprint;
  std::string rule;  // the rest is for people reading the file
  std::string file;
  std::string pointer;
  std::string message;
};

// The text of a baseline that records `findings`.
std::string baselineText(const std::vector<Diagnostic>& findings);

struct BaselineRead {
  std::vector<BaselineEntry> entries;
  std::vector<Diagnostic> errors;  // placed in the baseline file; the run stops with exit 2
};
BaselineRead readBaseline(const std::filesystem::path& file);

struct BaselineOutcome {
  std::size_t hidden = 0;  // findings the baseline lists
  std::size_t stale = 0;   // entries that match no finding any more
};
// Removes from `findings` each one an entry lists (an entry hides one finding).
BaselineOutcome applyBaseline(const std::vector<BaselineEntry>& entries,
                              std::vector<Diagnostic>& findings);

}  // namespace asynclint::suppression
