#include "report/reporter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

namespace asynclint::report {
namespace {

std::map<std::string, FormatInfo, std::less<>>& registry() {
  static std::map<std::string, FormatInfo, std::less<>> formats;
  return formats;
}

}  // namespace

void registerFormat(FormatInfo format) {
  std::string name = format.name;
  registry()[name] = std::move(format);
}

std::vector<std::string> formatNames() {
  std::vector<std::string> names;
  for (const auto& [name, format] : registry())
    names.push_back(name);
  return names;
}

const FormatInfo* findFormat(std::string_view name) {
  const auto it = registry().find(name);
  return it == registry().end() ? nullptr : &it->second;
}

void writeReport(const FormatInfo& format, const RunReport& report, const ReportOptions& options,
                 std::ostream& out) {
  const auto reporter = format.make(options);
  if (!(format.human && options.quiet)) {
    reporter->write(report, out);
    return;
  }
  RunReport errorsOnly = report;
  std::erase_if(errorsOnly.diagnostics, [](const Diagnostic& diagnostic) {
    return diagnostic.severity != Severity::error;
  });
  reporter->write(errorsOnly, out);
}

std::size_t SeverityCounts::of(Severity severity) const {
  switch (severity) {
    case Severity::error:
      return error;
    case Severity::warning:
      return warning;
    case Severity::info:
      return info;
    case Severity::hint:
      return hint;
  }
  return 0;
}

SeverityCounts countSeverities(const std::vector<Diagnostic>& diagnostics) {
  SeverityCounts counts;
  for (const auto& diagnostic : diagnostics) {
    switch (diagnostic.severity) {
      case Severity::error:
        ++counts.error;
        break;
      case Severity::warning:
        ++counts.warning;
        break;
      case Severity::info:
        ++counts.info;
        break;
      case Severity::hint:
        ++counts.hint;
        break;
    }
  }
  return counts;
}

std::string summaryLine(const RunReport& report) {
  const SeverityCounts counts = countSeverities(report.diagnostics);
  auto count = [](std::size_t n, std::string_view noun) {
    return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
  };
  std::string line = count(counts.error, "error") + ", " + count(counts.warning, "warning");
  if (counts.info > 0) line += ", " + count(counts.info, "info");
  if (counts.hint > 0) line += ", " + count(counts.hint, "hint");
  line += " in " + count(report.files.size(), "file");
  if (report.baselineHidden > 0 || report.baselineStale > 0) {
    line +=
        fmt::format("; {} hidden by the baseline, {} stale baseline entr{}", report.baselineHidden,
                    report.baselineStale, report.baselineStale == 1 ? "y" : "ies");
  }
  return line;
}

std::string relativePath(const RunReport& report, const std::string& file) {
  return shownPath(file, report.workingDirectory);
}

std::span<const Diagnostic> diagnosticsOf(const RunReport& report, const std::string& file) {
  struct ByFile {
    bool operator()(const Diagnostic& diagnostic, const std::string& key) const {
      return diagnostic.file < key;
    }
    bool operator()(const std::string& key, const Diagnostic& diagnostic) const {
      return key < diagnostic.file;
    }
  };
  const auto [first, last] =
      std::equal_range(report.diagnostics.begin(), report.diagnostics.end(), file, ByFile{});
  // A pointer and a count: emscripten 3.1.6's libc++ lacks span's iterator-pair constructor.
  return {std::to_address(first), static_cast<std::size_t>(last - first)};
}

const RuleMeta* findRuleMeta(const RunReport& report, std::string_view id) {
  const auto it =
      std::lower_bound(report.rules.begin(), report.rules.end(), id,
                       [](const RuleMeta& rule, std::string_view key) { return rule.id < key; });
  return it != report.rules.end() && it->id == id ? &*it : nullptr;
}

}  // namespace asynclint::report
