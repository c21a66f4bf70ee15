// `asynclint validate`: configurations first, then every file (in parallel), the system rules,
// the baseline, and each output; the exit-code policy.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "app.hpp"
#include "app/support.hpp"
#include "suppression/baseline.hpp"
#include "system_app.hpp"

namespace asynclint {
namespace {

struct FileConfig {
  std::string path;
  const config::Config* config = nullptr;
};

// Every file's configuration, read before any file is checked: a bad configuration stops the run.
struct Plan {
  std::vector<FileConfig> files;
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> notices;  // of the configurations, once each (rules that cannot run)
};

Plan plan(const std::vector<std::string>& files, config::ConfigResolver& resolver) {
  Plan result;
  std::set<const config::Resolution*> reported;
  for (const auto& path : files) {
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
    const bool ignored = config::isIgnored(*resolution.config, absolutePath(path));
    if (!ignored) result.files.push_back({path, resolution.config.get()});
  }
  return result;
}

unsigned jobCount(unsigned asked) {
  return asked == 0 ? std::max(1U, std::thread::hardware_concurrency()) : asked;
}

unsigned workerCount(unsigned asked, std::size_t files) {
  return static_cast<unsigned>(std::min<std::size_t>(jobCount(asked), files));
}

struct FileJob {
  std::string path;
  FileCheckOptions options;
};

// Checks every file, `jobs` at once; results come back in the order of `files`, so the output
// does not depend on which thread finished first.
std::vector<FileResult> validateFiles(const std::vector<FileJob>& files, unsigned jobs) {
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
    }
  };
  std::vector<std::jthread> workers;
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
    if (file.path != "-") files.push_back(file.path);  // standard input cannot be read twice
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

}  // namespace

int runValidate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  auto opened = openOutputs(options.outputs, options.report, err);
  if (!opened) return exitUsage;
  std::vector<Output>& outputs = *opened;
  const bool keepSource = needsSource(outputs);
  const auto commandLine = commandLineRules(options.config, err);
  if (!commandLine) return exitUsage;
  config::ConfigResolver resolver(options.config, *commandLine);
  std::vector<std::string> files = options.files;
  const config::Resolution& here = resolver.forCurrentFolder();
  const bool system = options.system || (here.config && here.config->system);
  if (system) {
    auto found = systemFiles(options.files, err);
    if (!found) return exitUsage;
    files = std::move(*found);
  }
  Plan planned = plan(files, resolver);
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
  const auto cache = std::make_shared<resolve::FileCache>();
  // Fewer files than half the jobs: each file has a core to spare for itself.
  const bool spareCore = jobCount(options.jobs) >= 2 * planned.files.size();
  std::vector<FileJob> jobs;
  for (const auto& [path, config] : planned.files) {
    jobs.push_back({path,
                    {config::settingsFor(*config, absolutePath(path)),
                     resolveOptionsFor(options.resolve, *config), cache,
                     keepSource ? KeepSource::yes : KeepSource::no, spareCore}});
  }
  std::map<std::string, engine::RuleSettings, std::less<>> settingsByFile;
  if (system) {
    for (const auto& job : jobs)
      settingsByFile.emplace(job.path, job.options.settings);
  }
  auto results = validateFiles(jobs, options.jobs);
  bool inputError = false;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const std::string& path = jobs[i].path;
    FileResult& result = results[i];
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
    for (auto& finding : systemFindings(planned, settingsByFile, options.resolve))
      run.diagnostics.push_back(std::move(finding));
    if (options.timings)
      err << fmt::format("timings: system {:.3f} s\n", secondsSince(systemStart));
  }
  sortDiagnostics(run.diagnostics);
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
