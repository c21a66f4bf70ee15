#include "app.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

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

std::string workingDirectory() {
  std::error_code error;
  std::string folder = std::filesystem::current_path(error).generic_string();
  if (error) return {};
  return folder.ends_with('/') ? folder : folder + '/';
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

}  // namespace

FileResult validateFile(const std::string& path, KeepSource keepSource) {
  const auto start = std::chrono::steady_clock::now();
  LoadResult loaded = loadFile(path);
  FileResult result;
  result.times.load = secondsSince(start);
  result.diagnostics = std::move(loaded.diagnostics);
  result.inputError = loaded.inputError();
  if (loaded.document) {
    try {
      checkDocument(*loaded.document, result);
    } catch (const std::exception& error) {
      // A bug of ours or of a library must not end the run or let the file pass silently.
      Diagnostic internal;
      internal.rule = "internal-error";
      internal.message = fmt::format(
          "internal error while checking this file ({}); please report it", error.what());
      result.diagnostics.push_back(std::move(internal));
      result.inputError = true;
    }
  }
  const std::string& shownPath = loaded.document ? loaded.document->path : path;
  for (auto& diagnostic : result.diagnostics) {
    if (diagnostic.file.empty()) diagnostic.file = shownPath;
    if (loaded.document) loaded.document->place(diagnostic);
  }
  if (keepSource == KeepSource::yes && loaded.document)
    result.text = std::move(loaded.document->text);
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

  report::RunReport run;
  run.tool = toolInfo();
  run.rules = ruleCatalog();
  run.workingDirectory = workingDirectory();
  bool inputError = false;
  for (const auto& path : options.files) {
    FileResult result = validateFile(path, keepSource ? KeepSource::yes : KeepSource::no);
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
  sortDiagnostics(run.diagnostics);

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
