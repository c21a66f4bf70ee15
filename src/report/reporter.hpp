// The report layer: what a run found, and one reporter per output format. Reporters register
// themselves (ASYNCLINT_REGISTER_REPORTER), so a new format is one file under src/report/.
#pragma once

#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"

namespace asynclint::report {

// One file asked for. `inputError`: it could not be read or parsed, so its findings say why
// rather than what is wrong in it (SARIF reports such files as tool errors too).
struct FileEntry {
  std::string path;
  bool inputError = false;
  std::string text;  // the source, for code frames; empty when not loaded or not needed
};

// What a reporter may say about a rule. The app layer fills it from the rule registry, so that
// the report layer does not reach into the engine and tests can describe rules of their own.
struct RuleMeta {
  std::string id;
  Severity severity = Severity::warning;
  std::string summary;          // one line
  std::string fullDescription;  // a paragraph (the doc's "What it checks")
  std::string doc;              // Markdown
  std::string helpUri;
};

struct ToolInfo {
  std::string name = "asynclint";
  std::string version;
  std::string informationUri;
};

// What one run found, in the order it is to be shown.
struct RunReport {
  ToolInfo tool;
  std::vector<FileEntry> files;         // every file asked for, in the order given
  std::vector<Diagnostic> diagnostics;  // sorted by file, line, column
  std::vector<RuleMeta> rules;          // every known rule, sorted by id
  // The folder relative paths are relative to: an absolute path with a trailing '/'.
  std::string workingDirectory;
  std::size_t baselineHidden = 0;  // findings a --baseline listed, left out of `diagnostics`
  std::size_t baselineStale = 0;   // baseline entries that matched no finding
};

struct ReportOptions {
  bool color = false;
  bool quiet = false;          // human formats: errors only, no summary line
  bool sarifAllRules = false;  // SARIF: describe every rule, not only those that fired
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void write(const RunReport& report, std::ostream& out) const = 0;
};

using ReporterFactory = std::unique_ptr<Reporter> (*)(const ReportOptions& options);

struct FormatInfo {
  std::string name;
  std::string description;  // one line, for --help
  ReporterFactory make = nullptr;
  bool human = false;        // for people: --quiet applies
  bool needsSource = false;  // shows lines of the source (FileEntry::text)
};

void registerFormat(FormatInfo format);
// Every format name (aliases included), sorted.
std::vector<std::string> formatNames();
// nullptr for an unknown name.
const FormatInfo* findFormat(std::string_view name);

// Writes `report` in `format`; human formats leave out all but errors when options.quiet.
void writeReport(const FormatInfo& format, const RunReport& report, const ReportOptions& options,
                 std::ostream& out);

// "2 errors, 1 warning in 3 files" (info and hint counts appear only when there are some),
// then "; 4 hidden by the baseline, 1 stale baseline entry" when a baseline was used.
std::string summaryLine(const RunReport& report);
// Findings of each severity, indexed by Severity.
struct SeverityCounts {
  std::size_t error = 0, warning = 0, info = 0, hint = 0;
  std::size_t of(Severity severity) const;
};
SeverityCounts countSeverities(const std::vector<Diagnostic>& diagnostics);

// `file` relative to the run's working folder when it lies inside it, with '/' separators.
std::string relativePath(const RunReport& report, const std::string& file);
// The findings about `file` (the report's diagnostics are sorted by file).
std::span<const Diagnostic> diagnosticsOf(const RunReport& report, const std::string& file);
// The metadata of `id`, or nullptr.
const RuleMeta* findRuleMeta(const RunReport& report, std::string_view id);

}  // namespace asynclint::report

#define ASYNCLINT_REPORT_CONCAT_INNER(a, b) a##b
#define ASYNCLINT_REPORT_CONCAT(a, b) ASYNCLINT_REPORT_CONCAT_INNER(a, b)
// Registers a format when the program starts: ASYNCLINT_REGISTER_REPORTER({"name", ...}).
#define ASYNCLINT_REGISTER_REPORTER(...)                                                        \
  namespace {                                                                                   \
  [[maybe_unused]] const bool ASYNCLINT_REPORT_CONCAT(registered_, __LINE__) =                  \
      (::asynclint::report::registerFormat(::asynclint::report::FormatInfo __VA_ARGS__), true); \
  }
