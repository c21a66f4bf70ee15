// The pipeline of `asynclint validate`: load → schema → rules → report, and the exit-code policy.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "report/reporter.hpp"
#include "source/loader.hpp"

namespace asynclint {

enum ExitCode : int { exitClean = 0, exitFindings = 1, exitUsage = 2 };

struct ValidateOptions {
  std::vector<std::string> files;
  std::string format = "text";
  report::ReportOptions report;
  Severity failSeverity = Severity::error;
  bool timings = false;  // print the time of each phase to standard error
  unsigned jobs = 0;     // files checked at once; 0: one per core
};

// Checks one file; `inputError` is set when it could not be read or parsed at all.
struct PhaseTimes {
  double load = 0;  // seconds
  double schema = 0;
  double rules = 0;
};
struct FileResult {
  std::vector<Diagnostic> diagnostics;
  bool inputError = false;
  PhaseTimes times;
};
FileResult validateFile(const std::string& path);
// The same for text in memory (`path` only names it in findings): for fuzzing and embedding.
FileResult validateText(const std::string& path, std::string text, const LoadLimits& limits = {});

// `asynclint rules`: every rule with its default severity, whether it is on, and its summary.
int runListRules(std::ostream& out);
// `asynclint explain <id>`: the rule's documentation; exit 2 for an unknown id.
int runExplain(const std::string& id, std::ostream& out, std::ostream& err);

// Runs `validate` and returns the process exit code: 0 clean, 1 findings at or above the
// failure severity, 2 usage or input errors.
int runValidate(const ValidateOptions& options, std::ostream& out, std::ostream& err);

}  // namespace asynclint
