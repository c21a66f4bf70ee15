#include "text/suggest.hpp"

#include <algorithm>

#include "text/strings.hpp"

namespace asynclint::text {

std::size_t editDistance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance over two rows and the one before them.
  std::vector<std::size_t> previous2(b.size() + 1);
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], previous2[j - 2] + 1);
      }
    }
    std::swap(previous2, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  const std::string needle = asciiLowercase(word);
  // A typo changes about one character in three at most; short words allow one edit.
  const std::size_t allowed = std::max<std::size_t>(1, needle.size() / 3);
  std::optional<std::string> best;
  std::size_t bestDistance = allowed + 1;
  for (const auto& candidate : candidates) {
    if (candidate == word) continue;
    const std::size_t distance = editDistance(needle, asciiLowercase(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

std::optional<std::string> likelyTypo(std::string_view word,
                                      const std::vector<std::string>& candidates) {
  auto candidate = closest(word, candidates);
  if (!candidate) return std::nullopt;
  const std::size_t allowed = std::max<std::size_t>(1, word.size() / 4);
  if (editDistance(asciiLowercase(word), asciiLowercase(*candidate)) > allowed) return std::nullopt;
  return candidate;
}

std::string quotedList(const std::vector<std::string>& items, std::string_view conjunction) {
  std::string result;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) result += i + 1 == items.size() ? " " + std::string(conjunction) + " " : ", ";
    result += "'" + items[i] + "'";
  }
  return result;
}

}  // namespace asynclint::text
