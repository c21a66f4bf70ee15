#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace asynclint::text {

// Levenshtein distance (insertions, deletions, substitutions; an adjacent swap counts as one).
std::size_t editDistance(std::string_view a, std::string_view b);

// The candidate closest to `word`, when it is close enough to be a likely typo.
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates);

// The candidate that `word` is likely a typo of: closest() held to at most one edit in four
// characters, since closest() alone also pairs names such as 'updatedAt' and 'createdAt'.
std::optional<std::string> likelyTypo(std::string_view word,
                                      const std::vector<std::string>& candidates);

// "'a', 'b' or 'c'" for messages; `conjunction` is "or" or "and".
std::string quotedList(const std::vector<std::string>& items, std::string_view conjunction = "or");

}  // namespace asynclint::text
