#include "diagnostic.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <tuple>

namespace asynclint {

std::string_view toString(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "info";
    case Severity::hint:
      return "hint";
  }
  return "error";
}

std::optional<Severity> parseSeverity(std::string_view text) {
  for (Severity severity : {Severity::error, Severity::warning, Severity::info, Severity::hint}) {
    if (toString(severity) == text) return severity;
  }
  return std::nullopt;
}

void sortDiagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.file, a.range.start, a.rule, a.message) <
                            std::tie(b.file, b.range.start, b.rule, b.message);
                   });
}

void mergeRepeatedFindings(std::vector<Diagnostic>& diagnostics) {
  using Key = std::tuple<std::string_view, Position, std::string_view, std::string_view>;
  std::map<Key, std::size_t> first;
  std::vector<bool> repeat(diagnostics.size(), false);
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& finding = diagnostics[i];
    const auto [at, added] =
        first.try_emplace(Key{finding.file, finding.range.start, finding.rule, finding.message}, i);
    if (added) continue;
    repeat[i] = true;
    Diagnostic& kept = diagnostics[at->second];
    kept.severity = std::min(kept.severity, finding.severity);
    for (const auto& note : finding.related) {
      const bool known = std::any_of(kept.related.begin(), kept.related.end(), [&](const auto& r) {
        return r.file == note.file && r.range == note.range && r.message == note.message;
      });
      if (!known) kept.related.push_back(note);
    }
  }
  std::vector<Diagnostic> merged;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    if (!repeat[i]) merged.push_back(std::move(diagnostics[i]));
  }
  diagnostics = std::move(merged);
}

namespace {

// Runs of digits become one '0': numbers in messages are mostly line numbers and counts.
std::string foldedDigits(std::string_view message) {
  std::string folded;
  folded.reserve(message.size());
  for (std::size_t i = 0; i < message.size(); ++i) {
    const bool digit = message[i] >= '0' && message[i] <= '9';
    if (!digit) {
      folded += message[i];
    } else if (i == 0 || message[i - 1] < '0' || message[i - 1] > '9') {
      folded += '0';
    }
  }
  return folded;
}

// FNV-1a, 64 bits: stable across platforms and releases, unlike std::hash.
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 14695981039346656037ULL) {
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 1099511628211ULL;
  }
  return hash;
}

}  // namespace

std::string shownPath(const std::string& file, const std::string& folder) {
  std::filesystem::path path = std::filesystem::path(file).lexically_normal();
  if (path.is_absolute() && !folder.empty()) {
    const auto relative = path.lexically_relative(folder);
    if (!relative.empty() && *relative.begin() != "..") path = relative;
  }
  return path.generic_string();
}

std::string fingerprint(const Diagnostic& diagnostic) {
  std::error_code error;
  const std::filesystem::path current = std::filesystem::current_path(error);
  std::uint64_t hash = fnv1a(diagnostic.rule);
  for (const std::string& part : {shownPath(diagnostic.file, error ? "" : current.string()),
                                  diagnostic.pointer, foldedDigits(diagnostic.message)}) {
    hash = fnv1a(std::string_view("\0", 1), hash);
    hash = fnv1a(part, hash);
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace asynclint
