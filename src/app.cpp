#include "app.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include "engine/engine.hpp"
#include "engine/rule.hpp"
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

Diagnostic internalError(const std::exception& error) {
  Diagnostic internal;
  internal.rule = "internal-error";
  internal.message =
      fmt::format("internal error while checking this file ({}); please report it", error.what());
  return internal;
}

// Schema validation, then the rules, each timed.
void checkDocument(const Document& document, FileResult& result) {
  if (auto problem = rootProblem(document)) {
    result.diagnostics.push_back(std::move(*problem));
    return;
  }
  if (!document.root.is_object()) return;
  auto start = std::chrono::steady_clock::now();
  for (auto& finding : schema::validateDocument(document.root))
    result.diagnostics.push_back(std::move(finding));
  result.times.schema = secondsSince(start);
  start = std::chrono::steady_clock::now();
  for (auto& finding : engine::runRules(document))
    result.diagnostics.push_back(std::move(finding));
  result.times.rules = secondsSince(start);
}

unsigned workerCount(unsigned asked, std::size_t files) {
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(asked == 0 ? cores : asked, files));
}

// Checks every file, `jobs` at once; results come back in the order of `paths`, so the output
// does not depend on which thread finished first.
std::vector<FileResult> validateFiles(const std::vector<std::string>& paths, unsigned jobs) {
  std::vector<FileResult> results(paths.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < paths.size(); i = next++) {
      try {
        results[i] = validateFile(paths[i]);
      } catch (const std::exception& error) {  // an exception must not escape a thread
        results[i] = FileResult{};
        results[i].diagnostics.push_back(internalError(error));
        results[i].diagnostics.back().file = paths[i];
        results[i].inputError = true;
      }
    }
  };
  std::vector<std::jthread> workers;
  for (unsigned worker = 1; worker < workerCount(jobs, paths.size()); ++worker)
    workers.emplace_back(work);
  work();
  return results;
}

std::string_view versionsText(engine::Versions versions) {
  return versions == engine::Versions::all ? "2.x, 3.x" : "3.x";
}

}  // namespace

namespace {

// Schema and rules over what was loaded; every finding gets its file and its place.
FileResult checkLoaded(LoadResult loaded, const std::string& path, double loadSeconds) {
  FileResult result;
  result.times.load = loadSeconds;
  result.diagnostics = std::move(loaded.diagnostics);
  result.inputError = loaded.inputError();
  if (loaded.document) {
    try {
      checkDocument(*loaded.document, result);
    } catch (const std::exception& error) {
      // A bug of ours or of a library must not end the run or let the file pass silently.
      result.diagnostics.push_back(internalError(error));
      result.inputError = true;
    }
  }
  const std::string& shownPath = loaded.document ? loaded.document->path : path;
  for (auto& diagnostic : result.diagnostics) {
    if (diagnostic.file.empty()) diagnostic.file = shownPath;
    if (loaded.document) loaded.document->place(diagnostic);
  }
  return result;
}

}  // namespace

FileResult validateFile(const std::string& path) {
  const auto start = std::chrono::steady_clock::now();
  LoadResult loaded = loadFile(path);
  return checkLoaded(std::move(loaded), path, secondsSince(start));
}

FileResult validateText(const std::string& path, std::string text, const LoadLimits& limits) {
  const auto start = std::chrono::steady_clock::now();
  LoadResult loaded = loadText(path, std::move(text), limits);
  return checkLoaded(std::move(loaded), path, secondsSince(start));
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

int runValidate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  const auto reporter = report::makeReporter(options.format, options.report);
  if (!reporter) {
    err << fmt::format("asynclint: unknown format '{}'\n", options.format);
    return exitUsage;
  }
  report::RunReport run;
  bool inputError = false;
  auto results = validateFiles(options.files, options.jobs);
  for (std::size_t i = 0; i < results.size(); ++i) {
    const std::string& path = options.files[i];
    FileResult& result = results[i];
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
