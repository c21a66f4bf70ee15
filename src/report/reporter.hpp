#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"

namespace asynclint::report {

// What one run found, in the order it is to be shown.
struct RunReport {
  std::vector<std::string> files;       // every file asked for, in the order given
  std::vector<Diagnostic> diagnostics;  // sorted by file, line, column
  std::size_t baselineHidden = 0;       // findings a --baseline listed, left out of `diagnostics`
  std::size_t baselineStale = 0;        // baseline entries that matched no finding
};

struct ReportOptions {
  bool color = false;
  bool quiet = false;  // human formats: errors only
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void write(const RunReport& report, std::ostream& out) const = 0;
};

// The formats `--format` accepts, and a reporter for one of them (nullptr for an unknown name).
const std::vector<std::string>& formatNames();
std::unique_ptr<Reporter> makeReporter(std::string_view format, const ReportOptions& options);

// Builders of each format; one file each.
std::unique_ptr<Reporter> makeTextReporter(const ReportOptions& options);
std::unique_ptr<Reporter> makeJsonReporter(const ReportOptions& options);

// "2 errors, 1 warning in 3 files" (info and hint counts appear only when there are some),
// then "; 4 hidden by the baseline, 1 stale baseline entry" when a baseline was used.
std::string summaryLine(const RunReport& report);

}  // namespace asynclint::report
