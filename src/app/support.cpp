#include "app/support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "app/app.hpp"
#include "rule_ids.hpp"

namespace asynclint {
namespace {

std::string workingDirectory() {
  std::error_code error;
  std::string folder = std::filesystem::current_path(error).generic_string();
  if (error) return {};
  return folder.ends_with('/') ? folder : folder + '/';
}

}  // namespace

std::optional<Diagnostic> rootProblem(const Document& document) {
  if (document.root.is_object() || document.root.is_null())
    return std::nullopt;  // null: an empty file, said
  Diagnostic diagnostic;
  diagnostic.rule = ids::documentRoot;
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
  internal.rule = ids::internalError;
  internal.message =
      fmt::format("internal error while checking this file ({}); please report it", error.what());
  return internal;
}

report::RunReport emptyRunReport() {
  report::RunReport run;
  run.tool = toolInfo();
  run.rules = ruleCatalog();
  run.workingDirectory = workingDirectory();
  return run;
}

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

std::unique_ptr<config::ConfigResolver> configResolver(const config::ConfigChoice& choice,
                                                       std::ostream& err) {
  auto resolver = std::make_unique<config::ConfigResolver>(choice, config::RuleChanges{});
  if (choice.ruleFlags.empty()) return resolver;
  auto parsed = config::parseRuleFlags(choice.ruleFlags, resolver->customRuleNames());
  if (!parsed.error.empty()) {
    err << "asynclint: " << parsed.error << '\n';
    return nullptr;
  }
  resolver->setCommandLine(std::move(parsed.rules));
  return resolver;
}

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

std::optional<std::vector<Output>> openOutputs(const std::vector<OutputSpec>& specs,
                                               const report::ReportOptions& options,
                                               std::ostream& err) {
  std::vector<Output> outputs;
  for (const auto& spec : specs) {
    auto output = openOutput(spec, options, err);
    if (!output) return std::nullopt;
    outputs.push_back(std::move(*output));
  }
  return outputs;
}

bool needsSource(const std::vector<Output>& outputs) {
  return std::any_of(outputs.begin(), outputs.end(),
                     [](const Output& output) { return output.format->needsSource; });
}

int exitCodeOf(const report::RunReport& run, bool inputError, Severity failSeverity) {
  if (inputError) return exitUsage;
  const bool failing = std::any_of(run.diagnostics.begin(), run.diagnostics.end(),
                                   [&](const Diagnostic& d) { return d.severity <= failSeverity; });
  return failing ? exitFindings : exitClean;
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

// Where a file named on the command line is, for globs ("-", standard input, is in the current
// folder).
std::filesystem::path absolutePath(const std::string& path) {
  std::error_code error;
  if (path.empty() || path == "-") return std::filesystem::current_path(error) / "-";
  return std::filesystem::absolute(path, error);
}

resolve::ResolveOptions resolveOptionsFor(const resolve::ResolveOptions& commandLine,
                                          const config::Config& config) {
  resolve::ResolveOptions options = commandLine;
  if (options.root.empty() && config.root) options.root = config.root->string();
  options.allowRemote = options.allowRemote || config.allowRemote;
  return options;
}

}  // namespace asynclint
