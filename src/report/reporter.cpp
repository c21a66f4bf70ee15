#include "report/reporter.hpp"

#include <fmt/format.h>
#include <array>

namespace asynclint::report {

const std::vector<std::string>& formatNames() {
  static const std::vector<std::string> names{"text", "json"};
  return names;
}

std::unique_ptr<Reporter> makeReporter(std::string_view format, const ReportOptions& options) {
  if (format == "text") return makeTextReporter(options);
  if (format == "json") return makeJsonReporter(options);
  return nullptr;
}

std::string summaryLine(const RunReport& report) {
  std::array<std::size_t, 4> counts{};
  for (const auto& diagnostic : report.diagnostics)
    ++counts[static_cast<std::size_t>(diagnostic.severity)];
  auto count = [](std::size_t n, std::string_view noun) {
    return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
  };
  std::string line = count(counts[0], "error") + ", " + count(counts[1], "warning");
  if (counts[2] > 0) line += ", " + count(counts[2], "info");
  if (counts[3] > 0) line += ", " + count(counts[3], "hint");
  line += " in " + count(report.files.size(), "file");
  if (report.baselineHidden > 0 || report.baselineStale > 0) {
    line +=
        fmt::format("; {} hidden by the baseline, {} stale baseline entr{}", report.baselineHidden,
                    report.baselineStale, report.baselineStale == 1 ? "y" : "ies");
  }
  return line;
}

}  // namespace asynclint::report
