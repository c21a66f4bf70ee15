// The pipeline of `asynclint validate`: load → schema → rules → report, and the exit-code policy.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "config/discovery.hpp"
#include "diagnostic.hpp"
#include "engine/settings.hpp"
#include "report/reporter.hpp"
#include "resolve/file_set.hpp"
#include "source/loader.hpp"

namespace asynclint::system {
struct ResolvedDocument;
}

namespace asynclint {

enum ExitCode : int { exitClean = 0, exitFindings = 1, exitUsage = 2 };

// One -f/--format with the -o/--output that follows it (empty: standard output).
struct OutputSpec {
  std::string format = "text";
  std::string path;
};

struct ValidateOptions {
  std::vector<std::string> files;
  std::vector<OutputSpec> outputs{OutputSpec{}};
  report::ReportOptions report;  // color applies to standard output only
  Severity failSeverity = Severity::error;
  bool timings = false;             // print the time of each phase to standard error
  resolve::ResolveOptions resolve;  // how references to other files are followed
  config::ConfigChoice config;
  std::optional<std::string> baseline;       // hide the findings this baseline lists
  std::optional<std::string> writeBaseline;  // record every finding here instead of reporting
  unsigned jobs = 0;                         // files checked at once; 0: one per core
  // Also run the system rules over all the documents together; folders among `files` are
  // searched for documents.
  bool system = false;
  // Pass over every input whose root has no `asyncapi` key, named ones too (files found in
  // folders and by globs always are).
  bool skipNonAsyncApi = false;
  bool verbose = false;   // say on standard error which files were skipped or ignored, and counts
  bool progress = false;  // a progress line on standard error (set when it is a terminal, not CI)
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
  std::string text;      // the source, when asked for and loaded
  bool skipped = false;  // not an AsyncAPI document, passed over as the options asked
  // The document as read and resolved, when asked for (FileCheckOptions::keepResolved) and it
  // is an AsyncAPI document whose references could all be followed: the system view is built
  // from it, so that no file is read twice.
  std::shared_ptr<const system::ResolvedDocument> resolved;
};
enum class KeepSource { no, yes };

// How one file is checked.
struct FileCheckOptions {
  engine::RuleSettings settings = engine::RuleSettings::defaults();  // from its configuration
  resolve::ResolveOptions resolve;                                   // how references are followed
  std::shared_ptr<resolve::FileCache> cache;  // files that references name, shared by one run
  KeepSource keepSource = KeepSource::no;
  // A core that no other file uses: the schema check and the rules run side by side on it.
  bool spareCore = false;
  // Pass over a file whose root has no `asyncapi` key, and one that cannot be parsed unless its
  // text has such a key (FileResult::skipped); a file that cannot be read is still an error.
  bool skipNonAsyncApi = false;
  bool keepResolved = false;  // for the system view (FileResult::resolved)
};

FileResult validateFile(const std::string& path, const FileCheckOptions& options = {});
// The same for text in memory (`path` only names it in findings): for fuzzing and embedding.
FileResult validateText(const std::string& path, std::string text, const LoadLimits& limits = {},
                        const FileCheckOptions& options = {});

struct BundleOptions {
  std::string entry;
  std::string output;  // empty: standard output
  std::string format;  // "yaml" or "json"; empty: by the output's extension, else yaml
  resolve::ResolveOptions resolve;
};

// `asynclint bundle`: writes the entry with every part of other files it refers to copied in.
// Any problem with a reference (or with loading) is reported like `validate` does and nothing is
// written: exit 2. Otherwise exit 0.
int runBundle(const BundleOptions& options, std::ostream& out, std::ostream& err);

struct DiffOptions {
  std::string before;  // a file, or REV:path (read from git)
  std::string after;
  std::vector<OutputSpec> outputs{OutputSpec{}};
  report::ReportOptions report;
  Severity failSeverity = Severity::error;
  resolve::ResolveOptions resolve;
  config::ConfigChoice config;
  bool timings = false;  // print the time of each phase (load, compare, report) to standard error
};

// `asynclint diff`: every change from `before` to `after` as a finding (breaking: error,
// possibly breaking: warning, safe: info; docs/diff.md). Exit 2 when a side cannot be read, 1
// when a finding is at or above the failure severity, else 0.
int runDiff(const DiffOptions& options, std::ostream& out, std::ostream& err);

// What the reporters may say about each registered rule, and about asynclint itself.
std::vector<report::RuleMeta> ruleCatalog();
// Adds what the reporters may say about the custom rules of `config` (from its rulesets) that
// `catalog` does not describe yet.
void addCustomRules(const config::Config& config, std::vector<report::RuleMeta>& catalog);
report::ToolInfo toolInfo();

// `asynclint rules`: every rule with its severity and whether it is on under the configuration
// of the current folder, and its summary.
// `text`: every rule in aligned columns. `markdown`: the rules that check one document (not the
// findings before the rules, the system rules or the diff's kinds of change) as the Markdown
// table of README.md, which a test keeps equal to it.
enum class RulesListing { text, markdown };
int runListRules(const config::ConfigChoice& choice, RulesListing listing, std::ostream& out,
                 std::ostream& err);
// `asynclint init`: writes a commented starter .asynclint.yaml into `folder`; never overwrites.
int runInit(const std::string& folder, std::ostream& out, std::ostream& err);
// `asynclint explain <id>`: the rule's documentation; exit 2 for an unknown id.
int runExplain(const std::string& id, std::ostream& out, std::ostream& err);

// Runs `validate` and returns the process exit code: 0 clean, 1 findings at or above the
// failure severity, 2 usage or input errors.
int runValidate(const ValidateOptions& options, std::ostream& out, std::ostream& err);

}  // namespace asynclint
