// What the commands of the app layer share: placing input problems, timing, the shell of a run
// report and the --rule layer. Internal to src/app/.
#pragma once

#include <chrono>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "config/config_file.hpp"
#include "config/discovery.hpp"
#include "diagnostic.hpp"
#include "report/reporter.hpp"
#include "resolve/file_set.hpp"
#include "source/document.hpp"

namespace asynclint {

// A finding when the document is not a mapping (an empty file, null, is said elsewhere).
std::optional<Diagnostic> rootProblem(const Document& document);
double secondsSince(std::chrono::steady_clock::time_point start);
// A bug of ours or of a library, as a finding: it must not end the run or let a file pass.
Diagnostic internalError(const std::exception& error);

// A report with what every output needs to know besides the findings.
report::RunReport emptyRunReport();
// The errors of configuration files (or of a baseline), as a run over the files they are in.
report::RunReport configErrorReport(std::vector<Diagnostic> errors);
// The configurations of the run, with the --rule layer over them; nullptr after saying what is
// wrong with a --rule.
std::unique_ptr<config::ConfigResolver> configResolver(const config::ConfigChoice& choice,
                                                       std::ostream& err);

// A format and where it goes; the file is opened before any work, so that a bad path fails fast.
struct Output {
  const report::FormatInfo* format = nullptr;
  std::string path;  // empty: standard output
  std::unique_ptr<std::ofstream> file;
  report::ReportOptions options;
};

struct OutputSpec;
std::optional<Output> openOutput(const OutputSpec& spec, const report::ReportOptions& options,
                                 std::ostream& err);
// Every output opened, or nullopt after saying which cannot be.
std::optional<std::vector<Output>> openOutputs(const std::vector<OutputSpec>& specs,
                                               const report::ReportOptions& options,
                                               std::ostream& err);
// True when one of the outputs shows lines of the source.
bool needsSource(const std::vector<Output>& outputs);
// The exit code of a run once its outputs are written: 2 after an input error, 1 when a finding
// is at or above `failSeverity`, else 0.
int exitCodeOf(const report::RunReport& run, bool inputError, Severity failSeverity);
// Writes the report to the output (closing its file); false after saying why it cannot.
bool writeOutput(Output& output, const report::RunReport& run, std::ostream& out,
                 std::ostream& err);

// Where a file named on the command line is, for globs ("-", standard input, is in the current
// folder).
std::filesystem::path absolutePath(const std::string& path);

// The command line's --root and --allow-remote win over the configuration's keys.
resolve::ResolveOptions resolveOptionsFor(const resolve::ResolveOptions& commandLine,
                                          const config::Config& config);

}  // namespace asynclint
