#include "app.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <optional>

#include "engine/engine.hpp"
#include "engine/rule.hpp"
#include "resolve/bundle_writer.hpp"
#include "resolve/resolver.hpp"
#include "schema/schema_validator.hpp"
#include "source/loader.hpp"
#include "text/suggest.hpp"

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

// Schema validation, then the rules, each timed, over the document with its references to
// other files resolved; findings are placed in the files where their nodes are written.
void checkDocument(resolve::FileSet& files, FileResult& result) {
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
  result.times.schema = secondsSince(start);
  start = std::chrono::steady_clock::now();
  for (auto& finding : engine::checkRules(resolution.tree()))
    findings.push_back(std::move(finding));
  for (auto& finding : findings) {
    resolution.place(finding);
    result.diagnostics.push_back(std::move(finding));
  }
  engine::dropRepeatedFindings(result.diagnostics);
  result.times.rules = secondsSince(start);
}

std::string_view versionsText(engine::Versions versions) {
  return versions == engine::Versions::all ? "2.x, 3.x" : "3.x";
}

}  // namespace

FileResult validateFile(const std::string& path, const resolve::ResolveOptions& resolveOptions,
                        std::shared_ptr<resolve::FileCache> cache) {
  const auto start = std::chrono::steady_clock::now();
  LoadResult loaded = loadFile(path);
  FileResult result;
  result.times.load = secondsSince(start);
  result.inputError = loaded.inputError();
  if (!loaded.document) {
    result.diagnostics = std::move(loaded.diagnostics);
    for (auto& diagnostic : result.diagnostics)
      diagnostic.file = path;
    return result;
  }
  resolve::FileSet files(resolveOptions, path, std::move(cache));
  files.addEntry(std::move(loaded), path);
  const Document& entry = *files[0].document;
  for (Diagnostic diagnostic : files[0].diagnostics) {
    diagnostic.file = entry.path;
    entry.place(diagnostic);
    result.diagnostics.push_back(std::move(diagnostic));
  }
  try {
    checkDocument(files, result);
  } catch (const std::exception& error) {
    // A bug of ours or of a library must not end the run or let the file pass silently.
    Diagnostic internal;
    internal.rule = "internal-error";
    internal.message =
        fmt::format("internal error while checking this file ({}); please report it", error.what());
    internal.file = entry.path;
    entry.place(internal);
    result.diagnostics.push_back(std::move(internal));
    result.inputError = true;
  }
  return result;
}

int runListRules(std::ostream& out) {
  const auto rules = engine::allRules();
  std::size_t width = 0;
  for (const auto* rule : rules)
    width = std::max(width, rule->info().id.size());
  out << fmt::format("{:<{}}  {:<8}  {:<4}  {:<9}  {}\n", "rule", width, "severity", "on",
                     "versions", "summary");
  for (const auto* rule : rules) {
    const auto& info = rule->info();
    out << fmt::format("{:<{}}  {:<8}  {:<4}  {:<9}  {}\n", info.id, width, toString(info.severity),
                       info.recommended ? "yes" : "no", versionsText(info.versions), info.summary);
  }
  return exitClean;
}

int runExplain(const std::string& id, std::ostream& out, std::ostream& err) {
  const std::string_view doc = engine::ruleDoc(id);
  if (engine::findRule(id) == nullptr || doc.empty()) {
    std::vector<std::string> ids;
    for (const auto* rule : engine::allRules())
      ids.push_back(rule->info().id);
    err << fmt::format("asynclint: unknown rule '{}'", id);
    if (const auto suggestion = text::closest(id, ids))
      err << fmt::format(" (did you mean '{}'?)", *suggestion);
    err << "; `asynclint rules` lists them\n";
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
  report::RunReport run;
  run.files.push_back(entry);
  run.diagnostics = std::move(errors);
  sortDiagnostics(run.diagnostics);
  report::makeTextReporter({})->write(run, err);
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
  const auto reporter = report::makeReporter(options.format, options.report);
  if (!reporter) {
    err << fmt::format("asynclint: unknown format '{}'\n", options.format);
    return exitUsage;
  }
  report::RunReport run;
  bool inputError = false;
  const auto cache = std::make_shared<resolve::FileCache>();
  for (const auto& path : options.files) {
    FileResult result = validateFile(path, options.resolve, cache);
    inputError = inputError || result.inputError;
    if (options.timings) {
      err << fmt::format("timings: {}: load {:.3f} s, schema {:.3f} s, rules {:.3f} s\n", path,
                         result.times.load, result.times.schema, result.times.rules);
    }
    run.files.push_back(path == "-" ? "<stdin>" : path);
    for (auto& diagnostic : result.diagnostics)
      run.diagnostics.push_back(std::move(diagnostic));
  }
  sortDiagnostics(run.diagnostics);
  const auto reportStart = std::chrono::steady_clock::now();
  reporter->write(run, out);
  if (options.timings) err << fmt::format("timings: report {:.3f} s\n", secondsSince(reportStart));
  if (inputError) return exitUsage;
  const bool failing =
      std::any_of(run.diagnostics.begin(), run.diagnostics.end(),
                  [&](const Diagnostic& d) { return d.severity <= options.failSeverity; });
  return failing ? exitFindings : exitClean;
}

}  // namespace asynclint
