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
#include <set>
#include <thread>

#include "app.hpp"
#include "app/inputs.hpp"
#include "app/joining_thread.hpp"
#include "app/support.hpp"
#include "suppression/baseline.hpp"
#include "system_app.hpp"

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

// The findings of the system rules, each under the settings of the file it is in (the
// defaults for a file that only a document references).
std::vector<Diagnostic> systemFindings(
    const Plan& planned,
    const std::map<std::string, engine::RuleSettings, std::less<>>& settingsByFile,
    const resolve::ResolveOptions& commandLine) {
  std::vector<std::string> files;
  for (const auto& file : planned.files) {
    if (file.input.path != "-") files.push_back(file.input.path);  // stdin cannot be read twice
  }
  const auto defaults = engine::RuleSettings::defaults();
  const resolve::ResolveOptions options =
      planned.files.empty() ? commandLine
                            : resolveOptionsFor(commandLine, *planned.files.front().config);
  return checkSystem(
      files, options,
      [&](const std::string& file, const std::string& rule) -> std::optional<Severity> {
        const auto it = settingsByFile.find(file);
        const auto& setting = (it == settingsByFile.end() ? defaults : it->second).of(rule);
        if (!setting.enabled) return std::nullopt;
        return setting.severity;
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

}  // namespace

int runValidate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  auto opened = openOutputs(options.outputs, options.report, err);
  if (!opened) return exitUsage;
  std::vector<Output>& outputs = *opened;
  const bool keepSource = needsSource(outputs);
  const auto commandLine = commandLineRules(options.config, err);
  if (!commandLine) return exitUsage;
  config::ConfigResolver resolver(options.config, *commandLine);
  const config::Resolution& here = resolver.forCurrentFolder();
  const bool system = options.system || (here.config && here.config->system);
  Plan planned = plan(expandInputs(options.files), resolver);
  suppression::BaselineRead baseline;
  if (options.baseline) {
    baseline = suppression::readBaseline(*options.baseline);
    for (auto& error : baseline.errors)
      planned.errors.push_back(std::move(error));
  }
  if (!planned.errors.empty()) {
    const report::RunReport errors = configErrorReport(std::move(planned.errors));
    for (auto& output : outputs)
      writeOutput(output, errors, out, err);
    return exitUsage;
  }

  report::RunReport run = emptyRunReport();
  run.diagnostics = std::move(planned.notices);
  std::set<const config::Config*> described;
  for (const auto& file : planned.files) {
    if (described.insert(file.config).second) addCustomRules(*file.config, run.rules);
  }
  const auto cache = std::make_shared<resolve::FileCache>();
  // Fewer files than half the jobs: each file has a core to spare for itself.
  const bool spareCore = jobCount(options.jobs) >= 2 * planned.files.size();
  std::vector<FileJob> jobs;
  for (const auto& [input, config] : planned.files) {
    const bool skipOthers = options.skipNonAsyncApi || input.found == Found::searched;
    jobs.push_back({input.path,
                    {config::settingsFor(*config, absolutePath(input.path)),
                     resolveOptionsFor(options.resolve, *config), cache,
                     keepSource ? KeepSource::yes : KeepSource::no, spareCore, skipOthers}});
  }
  std::map<std::string, engine::RuleSettings, std::less<>> settingsByFile;
  if (system) {
    for (const auto& job : jobs)
      settingsByFile.emplace(job.path, job.options.settings);
  }
  std::vector<FileResult> results;
  {
    ProgressLine progress(err, jobs.size(), options.progress);
    results = validateFiles(jobs, options.jobs, progress);
  }
  InputTally tally{{}, std::vector<ArgumentTally>(options.files.size())};
  for (const auto& input : planned.ignored)
    ++tally.arguments[input.argument].ignored;
  Plan checked{{}, {}, {}, std::move(planned.ignored)};
  bool inputError = false;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const std::string& path = jobs[i].path;
    FileResult& result = results[i];
    ArgumentTally& counts = tally.arguments[planned.files[i].input.argument];
    if (result.skipped) {
      ++counts.skipped;
      tally.skipped.push_back(path);
      continue;
    }
    ++counts.documents;
    checked.files.push_back(planned.files[i]);
    inputError = inputError || result.inputError;
    if (options.timings) {
      err << fmt::format("timings: {}: load {:.3f} s, schema {:.3f} s, rules {:.3f} s\n", path,
                         result.times.load, result.times.schema, result.times.rules);
    }
    run.files.push_back(
        {path == "-" ? "<stdin>" : path, result.inputError, std::move(result.text)});
    for (auto& diagnostic : result.diagnostics)
      run.diagnostics.push_back(std::move(diagnostic));
  }
  if (system) {
    const auto systemStart = std::chrono::steady_clock::now();
    for (auto& finding : systemFindings(checked, settingsByFile, options.resolve))
      run.diagnostics.push_back(std::move(finding));
    if (options.timings)
      err << fmt::format("timings: system {:.3f} s\n", secondsSince(systemStart));
  }
  mergeRepeatedFindings(run.diagnostics);
  sortDiagnostics(run.diagnostics);
  if (options.verbose) reportVerbose(checked, tally, checked.files.size(), err);
  if (reportEmptySearches(options.files, tally, err)) inputError = true;
  if (options.writeBaseline && !inputError) return writeBaseline(*options.writeBaseline, run, err);
  if (options.baseline) {
    const auto outcome = suppression::applyBaseline(baseline.entries, run.diagnostics);
    run.baselineHidden = outcome.hidden;
    run.baselineStale = outcome.stale;
  }
  const auto reportStart = std::chrono::steady_clock::now();
  for (auto& output : outputs) {
    if (!writeOutput(output, run, out, err)) return exitUsage;
  }
  if (options.timings) err << fmt::format("timings: report {:.3f} s\n", secondsSince(reportStart));
  return exitCodeOf(run, inputError, options.failSeverity);
}

}  // namespace asynclint
