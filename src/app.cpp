#include "app.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "config/config_file.hpp"
#include "config/starter.hpp"
#include "engine/engine.hpp"
#include "engine/rule.hpp"
#include "resolve/bundle_writer.hpp"
#include "resolve/resolver.hpp"
#include "schema/schema_validator.hpp"
#include "source/loader.hpp"
#include "suppression/baseline.hpp"
#include "suppression/inline.hpp"
#include "system_app.hpp"

namespace asynclint {
namespace {

std::optional<Diagnostic> rootProblem(const Document& document) {
  if (document.root.is_object() || document.root.is_null())
    return std::nullopt;  // null: an empty file, said
  Diagnostic diagnostic;
  diagnostic.rule = "document-root";
  diagnostic.message =
      fmt::format("the document must be a mapping (a YAML mapping or a JSON object); found {}",
                  document.root.is_array() ? "a list" : "a single value");
  return diagnostic;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Diagnostic internalError(const std::exception& error) {
  Diagnostic internal;
  internal.rule = "internal-error";
  internal.message =
      fmt::format("internal error while checking this file ({}); please report it", error.what());
  return internal;
}

// Schema validation, then the rules, each timed, over the document with its references to
// other files resolved; findings are placed in the files where their nodes are written.
void checkDocument(resolve::FileSet& files, const engine::RuleSettings& settings,
                   FileResult& result) {
  const Document& entry = *files[0].document;
  if (auto problem = rootProblem(entry)) {
    problem->file = entry.path;
    entry.place(*problem);
    result.diagnostics.push_back(std::move(*problem));
    return;
  }
  if (!entry.root.is_object()) return;
  auto start = std::chrono::steady_clock::now();
  const resolve::Resolution resolution = resolve::resolveDocument(files);
  for (const auto& problem : resolution.problems())
    result.diagnostics.push_back(problem);
  result.times.load += secondsSince(start);
  if (resolution.truncated()) return;
  std::vector<Diagnostic> findings;
  start = std::chrono::steady_clock::now();
  findings = schema::validateDocument(resolution.tree());
  for (auto& finding : findings)
    finding.severity = settings.of(finding.rule).severity;
  result.times.schema = secondsSince(start);
  start = std::chrono::steady_clock::now();
  for (auto& finding : engine::checkRules(resolution.tree(), {"", &settings}))
    findings.push_back(std::move(finding));
  for (auto& finding : findings) {
    resolution.place(finding);
    result.diagnostics.push_back(std::move(finding));
  }
  engine::dropRepeatedFindings(result.diagnostics);
  result.times.rules = secondsSince(start);
}

std::string workingDirectory() {
  std::error_code error;
  std::string folder = std::filesystem::current_path(error).generic_string();
  if (error) return {};
  return folder.ends_with('/') ? folder : folder + '/';
}

// A report with what every output needs to know besides the findings.
report::RunReport emptyRunReport() {
  report::RunReport run;
  run.tool = toolInfo();
  run.rules = ruleCatalog();
  run.workingDirectory = workingDirectory();
  return run;
}

// The errors of configuration files (or of a baseline), as a run over the files they are in.
report::RunReport configErrorReport(std::vector<Diagnostic> errors) {
  report::RunReport run = emptyRunReport();
  for (const auto& error : errors) {
    const bool listed =
        std::any_of(run.files.begin(), run.files.end(),
                    [&](const report::FileEntry& file) { return file.path == error.file; });
    if (!listed) run.files.push_back({error.file, true, {}});
  }
  run.diagnostics = std::move(errors);
  sortDiagnostics(run.diagnostics);
  return run;
}

// The --rule layer, or nullopt after saying what is wrong with it.
std::optional<config::RuleChanges> commandLineRules(const config::ConfigChoice& choice,
                                                    std::ostream& err) {
  auto parsed = config::parseRuleFlags(choice.ruleFlags);
  if (parsed.error.empty()) return std::move(parsed.rules);
  err << "asynclint: " << parsed.error << '\n';
  return std::nullopt;
}

std::string_view versionsText(engine::Versions versions) {
  return versions == engine::Versions::all ? "2.x, 3.x" : "3.x";
}

// The paragraph under "## What it checks" in a rule's doc, as one line.
std::string whatItChecks(std::string_view doc) {
  constexpr std::string_view heading = "## What it checks\n";
  const auto start = doc.find(heading);
  if (start == std::string_view::npos) return {};
  std::string_view rest = doc.substr(start + heading.size());
  rest = rest.substr(0, rest.find("\n\n"));
  rest = rest.substr(0, rest.find("\n#"));
  std::string paragraph(rest);
  std::replace(paragraph.begin(), paragraph.end(), '\n', ' ');
  return paragraph;
}

// A format and where it goes; the file is opened before any work, so that a bad path fails fast.
struct Output {
  const report::FormatInfo* format = nullptr;
  std::string path;  // empty: standard output
  std::unique_ptr<std::ofstream> file;
  report::ReportOptions options;
};

std::optional<Output> openOutput(const OutputSpec& spec, const report::ReportOptions& options,
                                 std::ostream& err) {
  Output output{report::findFormat(spec.format), spec.path, nullptr, options};
  if (output.format == nullptr) {
    err << fmt::format("asynclint: unknown format '{}'\n", spec.format);
    return std::nullopt;
  }
  if (spec.path.empty()) return output;
  output.options.color = false;
  output.file = std::make_unique<std::ofstream>(spec.path, std::ios::binary | std::ios::trunc);
  if (!*output.file) {
    err << fmt::format("asynclint: cannot write '{}': {}\n", spec.path, std::strerror(errno));
    return std::nullopt;
  }
  return output;
}

bool writeOutput(Output& output, const report::RunReport& run, std::ostream& out,
                 std::ostream& err) {
  std::ostream& stream = output.file ? *output.file : out;
  report::writeReport(*output.format, run, output.options, stream);
  if (output.file) output.file->close();
  if (!stream) {
    err << fmt::format("asynclint: cannot write '{}'\n",
                       output.path.empty() ? "<stdout>" : output.path);
    return false;
  }
  return true;
}

// Drops the findings that comments and x-asynclint-ignore suppress; adds those that suppress
// nothing.
void applySuppressions(const std::vector<suppression::Directive>& directives,
                       const engine::RuleSettings& settings, const std::string& file,
                       FileResult& result) {
  auto unused = suppression::applyDirectives(directives, result.diagnostics, file);
  const engine::RuleSetting& setting = settings.of("suppression-unused");
  if (!setting.enabled) return;
  for (auto& finding : unused) {
    finding.severity = setting.severity;
    result.diagnostics.push_back(std::move(finding));
  }
}

}  // namespace

namespace {

// Schema and rules over what was loaded, with references to other files resolved; every finding
// gets its file and its place.
FileResult checkLoaded(LoadResult loaded, const std::string& path, double loadSeconds,
                       const FileCheckOptions& options) {
  FileResult result;
  result.times.load = loadSeconds;
  result.inputError = loaded.inputError();
  if (!loaded.document) {
    result.diagnostics = std::move(loaded.diagnostics);
    for (auto& diagnostic : result.diagnostics)
      diagnostic.file = path;
    return result;
  }
  // Taken before the checks: x-asynclint-ignore keys leave the tree that the schema check sees.
  std::vector<suppression::Directive> directives = suppression::takeDirectives(*loaded.document);
  resolve::FileSet files(options.resolve, path, options.cache);
  files.addEntry(std::move(loaded), path);
  const Document& entry = *files[0].document;
  for (Diagnostic diagnostic : files[0].diagnostics) {
    diagnostic.file = entry.path;
    entry.place(diagnostic);
    result.diagnostics.push_back(std::move(diagnostic));
  }
  try {
    checkDocument(files, options.settings, result);
  } catch (const std::exception& error) {
    // A bug of ours or of a library must not end the run or let the file pass silently.
    Diagnostic internal = internalError(error);
    internal.file = entry.path;
    entry.place(internal);
    result.diagnostics.push_back(std::move(internal));
    result.inputError = true;
  }
  applySuppressions(directives, options.settings, entry.path, result);
  if (options.keepSource == KeepSource::yes) result.text = entry.text;
  return result;
}

}  // namespace

FileResult validateFile(const std::string& path, const FileCheckOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  LoadResult loaded = loadFile(path);
  return checkLoaded(std::move(loaded), path, secondsSince(start), options);
}

FileResult validateText(const std::string& path, std::string text, const LoadLimits& limits,
                        const FileCheckOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  LoadResult loaded = loadText(path, std::move(text), limits);
  return checkLoaded(std::move(loaded), path, secondsSince(start), options);
}

int runListRules(const config::ConfigChoice& choice, std::ostream& out, std::ostream& err) {
  const auto commandLine = commandLineRules(choice, err);
  if (!commandLine) return exitUsage;
  config::ConfigResolver resolver(choice, *commandLine);
  const config::Resolution& resolution = resolver.forCurrentFolder();
  if (!resolution.config) {
    report::RunReport run = configErrorReport(resolution.errors);
    report::writeReport(*report::findFormat("text"), run, {}, err);
    return exitUsage;
  }
  const auto settings = config::settingsFor(*resolution.config, std::nullopt);
  const auto rules = engine::allRules();
  std::size_t width = 0;
  for (const auto* rule : rules)
    width = std::max(width, rule->info().id.size());
  out << fmt::format("{:<{}}  {:<8}  {:<4}  {:<9}  {}\n", "rule", width, "severity", "on",
                     "versions", "summary");
  for (const auto* rule : rules) {
    const auto& info = rule->info();
    const auto& setting = settings.of(info.id);
    out << fmt::format("{:<{}}  {:<8}  {:<4}  {:<9}  {}\n", info.id, width,
                       setting.enabled ? toString(setting.severity) : "off",
                       setting.enabled ? "yes" : "no", versionsText(info.versions), info.summary);
  }
  return exitClean;
}

int runInit(const std::string& folder, std::ostream& out, std::ostream& err) {
  const std::filesystem::path file = std::filesystem::path(folder) / config::configFileNames()[0];
  std::error_code error;
  if (std::filesystem::exists(file, error)) {
    err << fmt::format("asynclint: {} already exists; not overwriting it\n", file.string());
    return exitUsage;
  }
  std::ofstream stream(file, std::ios::binary);
  stream << config::starterConfig();
  stream.close();
  if (!stream) {
    err << fmt::format("asynclint: cannot write {}\n", file.string());
    return exitUsage;
  }
  out << fmt::format("wrote {}\n", file.string());
  return exitClean;
}

int runExplain(const std::string& id, std::ostream& out, std::ostream& err) {
  const std::string_view doc = engine::ruleDoc(id);
  if (engine::findRule(id) == nullptr || doc.empty()) {
    err << "asynclint: " << engine::unknownRuleMessage(id) << "; `asynclint rules` lists them\n";
    return exitUsage;
  }
  const auto& info = engine::findRule(id)->info();
  out << fmt::format("{}: {}\nseverity: {}, {} by default, AsyncAPI {}\n\n", info.id, info.summary,
                     toString(info.severity), info.recommended ? "on" : "off",
                     versionsText(info.versions));
  out << doc;
  if (!doc.ends_with('\n')) out << '\n';
  return exitClean;
}

std::vector<report::RuleMeta> ruleCatalog() {
  std::vector<report::RuleMeta> catalog;
  for (const auto* rule : engine::allRules()) {
    const auto& info = rule->info();
    const std::string_view doc = engine::ruleDoc(info.id);
    catalog.push_back({info.id, info.severity, info.summary, whatItChecks(doc), std::string(doc),
                       fmt::format("{}/blob/main/rules/{}.md", ASYNCLINT_HOMEPAGE, info.id)});
  }
  return catalog;
}

report::ToolInfo toolInfo() {
  return {"asynclint", ASYNCLINT_VERSION, ASYNCLINT_HOMEPAGE};
}

namespace {

// Where a file named on the command line is, for globs ("-", standard input, is in the current
// folder).
std::filesystem::path absolutePath(const std::string& path) {
  std::error_code error;
  if (path.empty() || path == "-") return std::filesystem::current_path(error) / "-";
  return std::filesystem::absolute(path, error);
}

struct FileConfig {
  std::string path;
  const config::Config* config = nullptr;
};

// Every file's configuration, read before any file is checked: a bad configuration stops the run.
struct Plan {
  std::vector<FileConfig> files;
  std::vector<Diagnostic> errors;
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
    const bool ignored = config::isIgnored(*resolution.config, absolutePath(path));
    if (!ignored) result.files.push_back({path, resolution.config.get()});
  }
  return result;
}

// The command line's --root and --allow-remote win over the configuration's keys.
resolve::ResolveOptions resolveOptionsFor(const resolve::ResolveOptions& commandLine,
                                          const config::Config& config) {
  resolve::ResolveOptions options = commandLine;
  if (options.root.empty() && config.root) options.root = config.root->string();
  options.allowRemote = options.allowRemote || config.allowRemote;
  return options;
}

unsigned workerCount(unsigned asked, std::size_t files) {
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(asked == 0 ? cores : asked, files));
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

namespace {

std::string bundleFormat(const BundleOptions& options) {
  if (!options.format.empty()) return options.format;
  return options.output.ends_with(".json") ? "json" : "yaml";
}

// The errors that stop a bundle: the entry's loader errors and the problems of its references.
std::vector<Diagnostic> bundleErrors(const resolve::FileSet& files,
                                     const resolve::Resolution& resolution) {
  std::vector<Diagnostic> errors;
  const Document& entry = *files[0].document;
  for (Diagnostic diagnostic : files[0].diagnostics) {
    diagnostic.file = entry.path;
    entry.place(diagnostic);
    errors.push_back(std::move(diagnostic));
  }
  for (const auto& problem : resolution.problems())
    errors.push_back(problem);
  std::erase_if(errors, [](const Diagnostic& d) { return d.severity != Severity::error; });
  return errors;
}

int reportBundleErrors(const std::string& entry, std::vector<Diagnostic> errors,
                       std::ostream& err) {
  report::RunReport run = emptyRunReport();
  run.files.push_back({entry, true, {}});
  run.diagnostics = std::move(errors);
  sortDiagnostics(run.diagnostics);
  report::writeReport(*report::findFormat("text"), run, {}, err);
  err << "asynclint: no bundle written\n";
  return exitUsage;
}

int writeBundle(const BundleOptions& options, std::ostream& out, std::ostream& err) {
  LoadResult loaded = loadFile(options.entry);
  if (!loaded.document) {
    for (auto& diagnostic : loaded.diagnostics)
      diagnostic.file = options.entry;
    return reportBundleErrors(options.entry, std::move(loaded.diagnostics), err);
  }
  resolve::FileSet files(options.resolve, options.entry);
  files.addEntry(std::move(loaded), options.entry);
  if (auto problem = rootProblem(*files[0].document)) {
    problem->file = files[0].shown;
    return reportBundleErrors(options.entry, {std::move(*problem)}, err);
  }
  const resolve::Resolution resolution = resolve::resolveDocument(files);
  if (auto errors = bundleErrors(files, resolution); !errors.empty())
    return reportBundleErrors(options.entry, std::move(errors), err);
  const nlohmann::json bundle = resolve::bundleDocument(files);
  const std::string text =
      bundleFormat(options) == "json" ? bundle.dump(2) + "\n" : resolve::toYaml(bundle);
  if (options.output.empty()) {
    out << text;
    return exitClean;
  }
  std::ofstream file(options.output, std::ios::binary);
  file << text;
  file.close();
  if (!file) {
    err << fmt::format("asynclint: cannot write '{}'\n", options.output);
    return exitUsage;
  }
  return exitClean;
}

}  // namespace

int runBundle(const BundleOptions& options, std::ostream& out, std::ostream& err) {
  try {
    return writeBundle(options, out, err);
  } catch (const std::exception& error) {
    // A bug of ours or of a library (or an entry whose `components` is not a mapping).
    err << fmt::format("asynclint: cannot bundle '{}': {}\n", options.entry, error.what());
    return exitUsage;
  }
}

int runValidate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<Output> outputs;
  for (const auto& spec : options.outputs) {
    auto output = openOutput(spec, options.report, err);
    if (!output) return exitUsage;
    outputs.push_back(std::move(*output));
  }
  const bool keepSource = std::any_of(outputs.begin(), outputs.end(), [](const Output& output) {
    return output.format->needsSource;
  });
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
  const auto cache = std::make_shared<resolve::FileCache>();
  std::vector<FileJob> jobs;
  for (const auto& [path, config] : planned.files) {
    jobs.push_back({path,
                    {config::settingsFor(*config, absolutePath(path)),
                     resolveOptionsFor(options.resolve, *config), cache,
                     keepSource ? KeepSource::yes : KeepSource::no}});
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
  if (inputError) return exitUsage;
  const bool failing =
      std::any_of(run.diagnostics.begin(), run.diagnostics.end(),
                  [&](const Diagnostic& d) { return d.severity <= options.failSeverity; });
  return failing ? exitFindings : exitClean;
}

}  // namespace asynclint
