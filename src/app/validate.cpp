// `asynclint validate`: configurations first, then every file (in parallel), the system rules,
// the baseline, and each output; the exit-code policy.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "app/app.hpp"
#include "app/inputs.hpp"
#include "app/joining_thread.hpp"
#include "app/support.hpp"
#include "app/system.hpp"
#include "suppression/baseline.hpp"

namespace asynclint {
namespace {

struct FileConfig {
  InputFile input;
  const config::Config* config = nullptr;
};

// Every file's configuration, read before any file is checked: a bad configuration stops the run.
struct Plan {
  std::vector<FileConfig> files;
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> notices;  // of the configurations, once each (rules that cannot run)
  std::vector<InputFile> ignored;   // by an `ignore` glob of their configuration
};

Plan plan(const std::vector<InputFile>& inputs, config::ConfigResolver& resolver) {
  Plan result;
  std::set<const config::Resolution*> reported;
  for (const auto& input : inputs) {
    const std::string& path = input.path;
    const config::Resolution& resolution = resolver.forFile(path);
    if (!resolution.config) {
      if (reported.insert(&resolution).second)
        result.errors.insert(result.errors.end(), resolution.errors.begin(),
                             resolution.errors.end());
      continue;
    }
    if (reported.insert(&resolution).second) {
      for (const auto& notice : resolution.config->notices)
        result.notices.push_back(notice);
    }
    if (config::isIgnored(*resolution.config, absolutePath(path))) {
      result.ignored.push_back(input);
    } else {
      result.files.push_back({input, resolution.config.get()});
    }
  }
  return result;
}

unsigned jobCount(unsigned asked) {
#ifdef ASYNCLINT_SINGLE_THREADED
  (void)asked;  // the WebAssembly build has no threads: --jobs is accepted and ignored
  return 1;
#else
  return asked == 0 ? std::max(1U, std::thread::hardware_concurrency()) : asked;
#endif
}

unsigned workerCount(unsigned asked, std::size_t files) {
  return static_cast<unsigned>(std::min<std::size_t>(jobCount(asked), files));
}

struct FileJob {
  std::string path;
  FileCheckOptions options;
};

// "checked 12 of 345 files" on standard error, redrawn in place, once a run has taken long
// enough for a wait to be noticed; erased when the run ends. Only for a terminal (main decides).
class ProgressLine {
 public:
  ProgressLine(std::ostream& err, std::size_t total, bool enabled)
      : err_(err), total_(total), enabled_(enabled && total > 1) {}
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine() { erase(); }

  // Called by each thread when it has checked a file.
  void fileDone() {
    const std::size_t done = ++done_;
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    const std::unique_lock lock(mutex_, std::try_to_lock);
    if (!lock.owns_lock() || now - start_ < firstDraw || now - drawn_ < redraw) return;
    drawn_ = now;
    shown_ = true;
    err_ << fmt::format("\rasynclint: checked {} of {} files", done, total_) << std::flush;
  }

  void erase() {
    const std::lock_guard lock(mutex_);
    if (shown_) err_ << "\r\x1b[K" << std::flush;
    shown_ = false;
  }

 private:
  static constexpr std::chrono::milliseconds firstDraw{500};
  static constexpr std::chrono::milliseconds redraw{100};
  std::ostream& err_;
  std::size_t total_;
  bool enabled_;
  std::atomic<std::size_t> done_{0};
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point drawn_;
  bool shown_ = false;
};

// Checks every file, `jobs` at once; results come back in the order of `files`, so the output
// does not depend on which thread finished first.
std::vector<FileResult> validateFiles(const std::vector<FileJob>& files, unsigned jobs,
                                      ProgressLine& progress) {
  std::vector<FileResult> results(files.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      try {
        results[i] = validateFile(files[i].path, files[i].options);
      } catch (const std::exception& error) {  // an exception must not escape a thread
        results[i] = FileResult{};
        results[i].diagnostics.push_back(internalError(error));
        results[i].diagnostics.back().file = files[i].path;
        results[i].inputError = true;
      }
      progress.fileDone();
    }
  };
  std::vector<JoiningThread> workers;
  for (unsigned worker = 1; worker < workerCount(jobs, files.size()); ++worker)
    workers.emplace_back(work);
  work();
  return results;
}

int writeBaseline(const std::string& file, const report::RunReport& run, std::ostream& err) {
  std::ofstream stream(file, std::ios::binary);
  stream << suppression::baselineText(run.diagnostics);
  stream.close();
  if (!stream) {
    err << fmt::format("asynclint: cannot write the baseline {}\n", file);
    return exitUsage;
  }
  err << fmt::format("asynclint: wrote {} finding{} to the baseline {}\n", run.diagnostics.size(),
                     run.diagnostics.size() == 1 ? "" : "s", file);
  return exitClean;
}

// The findings of the system rules over the documents the run has read and resolved, each
// under the settings of the file it is in (the defaults for a file that only a document
// references).
std::vector<Diagnostic> systemFindings(
    std::vector<std::shared_ptr<const system::ResolvedDocument>> documents,
    const std::map<std::string, engine::RuleSettings, std::less<>>& settingsByFile) {
  const auto defaults = engine::RuleSettings::defaults();
  return checkSystem(std::move(documents),
                     [&](const std::string& file) -> const engine::RuleSettings& {
                       const auto it = settingsByFile.find(file);
                       return it == settingsByFile.end() ? defaults : it->second;
                     });
}

// What one command-line argument came to.
struct ArgumentTally {
  std::size_t documents = 0;  // checked
  std::size_t skipped = 0;    // not AsyncAPI documents
  std::size_t ignored = 0;    // by the configuration
};

// What the inputs came to: for --verbose, and for the folders and globs that gave no document.
struct InputTally {
  std::vector<std::string> skipped;  // not AsyncAPI documents
  std::vector<ArgumentTally> arguments;
};

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

// The folders and globs that gave no document to check: said, and an input error.
bool reportEmptySearches(const std::vector<std::string>& arguments, const InputTally& tally,
                         std::ostream& err) {
  bool empty = false;
  for (std::size_t argument = 0; argument < arguments.size(); ++argument) {
    const ArgumentTally& counts = tally.arguments[argument];
    if (counts.documents > 0 || !isSearch(arguments[argument])) continue;
    empty = true;
    const std::string& given = arguments[argument];
    const std::string where =
        isGlob(given) ? fmt::format("matches '{}'", given) : fmt::format("in '{}'", given);
    const std::size_t found = counts.skipped + counts.ignored;
    const std::string what =
        found == 0 ? "no YAML or JSON file found"
                   : fmt::format("{} found: {} not AsyncAPI, {} ignored by the configuration",
                                 plural(found, "YAML or JSON file", "YAML or JSON files"),
                                 counts.skipped, counts.ignored);
    err << fmt::format("asynclint: no AsyncAPI document {} ({})\n", where, what);
  }
  return empty;
}

void reportVerbose(const Plan& planned, const InputTally& tally, std::size_t checked,
                   std::ostream& err) {
  for (const auto& path : tally.skipped)
    err << fmt::format("asynclint: skipped {}: not an AsyncAPI document (no asyncapi key)\n", path);
  for (const auto& input : planned.ignored)
    err << fmt::format("asynclint: ignored {}: matches an ignore glob of the configuration\n",
                       input.path);
  err << fmt::format("asynclint: {} checked, {} skipped (not AsyncAPI), {} ignored\n",
                     plural(checked, "document", "documents"),
                     plural(tally.skipped.size(), "file", "files"), planned.ignored.size());
}

// What the command line, the configurations and the baseline make of a run before any file is
// read: the files with their configurations, or the errors that stop it (exit 2).
struct Prepared {
  std::vector<Output> outputs;
  std::unique_ptr<config::ConfigResolver> resolver;
  Plan planned;
  suppression::BaselineRead baseline;
  bool system = false;
};

std::optional<Prepared> prepare(const ValidateOptions& options, std::ostream& out,
                                std::ostream& err) {
  auto opened = openOutputs(options.outputs, options.report, err);
  if (!opened) return std::nullopt;
  auto resolver = configResolver(options.config, err);
  if (!resolver) return std::nullopt;
  Prepared prepared{std::move(*opened), std::move(resolver), {}, {}, false};
  const config::Resolution& here = prepared.resolver->forCurrentFolder();
  prepared.system = options.system || (here.config && here.config->system);
  prepared.planned = plan(expandInputs(options.files), *prepared.resolver);
  if (options.baseline) {
    prepared.baseline = suppression::readBaseline(*options.baseline);
    for (auto& error : prepared.baseline.errors)
      prepared.planned.errors.push_back(std::move(error));
  }
  if (prepared.planned.errors.empty()) return prepared;
  const report::RunReport errors = configErrorReport(std::move(prepared.planned.errors));
  for (auto& output : prepared.outputs)
    writeOutput(output, errors, out, err);
  return std::nullopt;
}

// One job per planned file, each with the settings and resolve options of its configuration.
std::vector<FileJob> jobsFor(const ValidateOptions& options, const Prepared& prepared) {
  const bool keepSource = needsSource(prepared.outputs);
  const auto cache = std::make_shared<resolve::FileCache>();
  // Fewer files than half the jobs: each file has a core to spare for itself.
  const bool spareCore = jobCount(options.jobs) >= 2 * prepared.planned.files.size();
  std::vector<FileJob> jobs;
  for (const auto& [input, config] : prepared.planned.files) {
    const bool skipOthers = options.skipNonAsyncApi || input.found == Found::searched;
    jobs.push_back(
        {input.path,
         {config::settingsFor(*config, absolutePath(input.path)),
          resolveOptionsFor(options.resolve, *config), cache,
          keepSource ? KeepSource::yes : KeepSource::no, spareCore, skipOthers, prepared.system}});
  }
  return jobs;
}

// The run's findings and what the summary and --verbose say of its inputs.
struct Collected {
  report::RunReport run = emptyRunReport();
  Plan checked;
  InputTally tally;
  std::vector<std::shared_ptr<const system::ResolvedDocument>> resolvedDocuments;
  bool inputError = false;
};

Collected collect(const ValidateOptions& options, Prepared& prepared,
                  const std::vector<FileJob>& jobs, std::vector<FileResult> results,
                  std::ostream& err) {
  Plan& planned = prepared.planned;
  Collected collected;
  collected.run.diagnostics = std::move(planned.notices);
  std::set<const config::Config*> described;
  for (const auto& file : planned.files) {
    if (described.insert(file.config).second) addCustomRules(*file.config, collected.run.rules);
  }
  collected.tally = {{}, std::vector<ArgumentTally>(options.files.size())};
  for (const auto& input : planned.ignored)
    ++collected.tally.arguments[input.argument].ignored;
  collected.checked = {{}, {}, {}, std::move(planned.ignored)};
  for (std::size_t i = 0; i < results.size(); ++i) {
    const std::string& path = jobs[i].path;
    FileResult& result = results[i];
    ArgumentTally& counts = collected.tally.arguments[planned.files[i].input.argument];
    if (result.skipped) {
      ++counts.skipped;
      collected.tally.skipped.push_back(path);
      continue;
    }
    ++counts.documents;
    collected.checked.files.push_back(planned.files[i]);
    collected.inputError = collected.inputError || result.inputError;
    if (options.timings) {
      err << fmt::format("timings: {}: load {:.3f} s, schema {:.3f} s, rules {:.3f} s\n", path,
                         result.times.load, result.times.schema, result.times.rules);
    }
    if (result.resolved) collected.resolvedDocuments.push_back(std::move(result.resolved));
    collected.run.files.push_back(
        {path == "-" ? "<stdin>" : path, result.inputError, std::move(result.text)});
    for (auto& diagnostic : result.diagnostics)
      collected.run.diagnostics.push_back(std::move(diagnostic));
  }
  return collected;
}

// --system: the system rules over the documents the run resolved, each file with its settings.
void addSystemFindings(const ValidateOptions& options, const std::vector<FileJob>& jobs,
                       Collected& collected, std::ostream& err) {
  const auto systemStart = std::chrono::steady_clock::now();
  std::map<std::string, engine::RuleSettings, std::less<>> settingsByFile;
  for (const auto& job : jobs)
    settingsByFile.emplace(job.path, job.options.settings);
  for (auto& finding : systemFindings(std::move(collected.resolvedDocuments), settingsByFile))
    collected.run.diagnostics.push_back(std::move(finding));
  if (options.timings) err << fmt::format("timings: system {:.3f} s\n", secondsSince(systemStart));
}

// The baseline, the reports and the exit code.
int finish(const ValidateOptions& options, Prepared& prepared, Collected& collected,
           std::ostream& out, std::ostream& err) {
  report::RunReport& run = collected.run;
  mergeRepeatedFindings(run.diagnostics);
  sortDiagnostics(run.diagnostics);
  if (options.verbose)
    reportVerbose(collected.checked, collected.tally, collected.checked.files.size(), err);
  if (reportEmptySearches(options.files, collected.tally, err)) collected.inputError = true;
  if (options.writeBaseline && !collected.inputError)
    return writeBaseline(*options.writeBaseline, run, err);
  if (options.baseline) {
    const auto outcome = suppression::applyBaseline(prepared.baseline.entries, run.diagnostics);
    run.baselineHidden = outcome.hidden;
    run.baselineStale = outcome.stale;
  }
  const auto reportStart = std::chrono::steady_clock::now();
  for (auto& output : prepared.outputs) {
    if (!writeOutput(output, run, out, err)) return exitUsage;
  }
  if (options.timings) err << fmt::format("timings: report {:.3f} s\n", secondsSince(reportStart));
  return exitCodeOf(run, collected.inputError, options.failSeverity);
}

}  // namespace

int runValidate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  auto prepared = prepare(options, out, err);
  if (!prepared) return exitUsage;
  const std::vector<FileJob> jobs = jobsFor(options, *prepared);
  std::vector<FileResult> results;
  {
    ProgressLine progress(err, jobs.size(), options.progress);
    results = validateFiles(jobs, options.jobs, progress);
  }
  Collected collected = collect(options, *prepared, jobs, std::move(results), err);
  if (prepared->system) addSystemFindings(options, jobs, collected, err);
  return finish(options, *prepared, collected, out, err);
}

}  // namespace asynclint
