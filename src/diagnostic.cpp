#include "diagnostic.hpp"

#include <algorithm>
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

}  // namespace asynclint
