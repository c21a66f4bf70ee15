// `asynclint diff OLD NEW`: both sides read and resolved (a side may be `REV:path`, read from git),
// compared by src/diff/, each change a finding under the configuration's settings, written in
// every output asked for; the exit-code policy of `validate`.
#include <fmt/format.h>

#include <algorithm>
#include <sstream>
#include <thread>

#include "app/app.hpp"
#include "app/git_revision.hpp"
#include "app/joining_thread.hpp"
#include "app/process_end.hpp"
#include "app/support.hpp"
#include "diff/diff.hpp"
#include "rule_ids.hpp"
#include "system/load.hpp"

namespace asynclint {
namespace {

namespace fs = std::filesystem;

// One side of the comparison, loaded: its service, or the findings that say why not.
struct LoadedSide {
  std::string label;  // as findings name the entry: the path, or "REV:path"
  std::optional<RevisionTree> revision;
  std::optional<system::LoadedSystem> system;
  std::vector<Diagnostic> problems;
  std::string text;  // the entry's source, for formats that show it

  std::string shown(const std::string& file) const {
    return revision ? revision->shown(file) : file;
  }
  bool usable() const { return system && problems.empty(); }
};

Diagnostic inputProblem(const std::string& file, const std::string& rule, std::string message) {
  Diagnostic problem;
  problem.rule = rule;
  problem.file = file;
  problem.message = std::move(message);
  return problem;
}

std::string readText(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

void rename(Diagnostic& diagnostic, const LoadedSide& side) {
  diagnostic.file = side.shown(diagnostic.file);
  for (auto& related : diagnostic.related)
    related.file = side.shown(related.file);
}

// Reads, parses and resolves one side; a `REV:path` side from the revision's own tree.
LoadedSide loadSide(const std::string& argument, resolve::ResolveOptions options, bool keepText) {
  LoadedSide side;
  side.label = argument;
  std::string path = argument;
  if (const auto revisionPath = splitRevisionPath(argument)) {
    std::string error;
    side.revision = RevisionTree::extract(revisionPath->first, revisionPath->second, error);
    if (!side.revision) {
      side.problems.push_back(inputProblem(argument, ids::fileUnreadable, error));
      return side;
    }
    path = side.revision->entry().string();
    options.root = options.root.empty() ? side.revision->top().string()
                                        : side.revision->inTree(options.root).string();
  }
  side.system = system::loadSystem({path}, options);
  for (const auto& list : {side.system->problems(), side.system->referenceProblems()}) {
    for (auto problem : list) {
      rename(problem, side);
      side.problems.push_back(std::move(problem));
    }
  }
  if (side.problems.empty() && side.system->services().empty())
    side.problems.push_back(inputProblem(argument, ids::asyncapiVersion,
                                         "not an AsyncAPI document: it has no `asyncapi` field"));
  if (keepText) side.text = readText(path);
  return side;
}

Diagnostic located(const LoadedSide& side, const diff::Place& place) {
  Diagnostic diagnostic = side.system->locate({0, place.pointer, place.anchor});
  rename(diagnostic, side);
  return diagnostic;
}

// The changes as findings, each at its place, under the settings of its kind.
std::vector<Diagnostic> findingsOf(const std::vector<diff::Change>& changes,
                                   const LoadedSide& before, const LoadedSide& after,
                                   const engine::RuleSettings& settings) {
  std::vector<Diagnostic> findings;
  const auto sideOf = [&](diff::Side side) -> const LoadedSide& {
    return side == diff::Side::before ? before : after;
  };
  for (const auto& change : changes) {
    Diagnostic configured;
    configured.rule = std::string(diff::infoOf(change.kind).id);
    if (!settings.configure(configured)) continue;  // before locating: the kind may be off
    Diagnostic finding = located(sideOf(change.place.side), change.place);
    finding.rule = std::move(configured.rule);
    finding.severity = configured.severity;
    finding.message = change.message;
    for (const auto& [place, message] : change.notes) {
      const Diagnostic note = located(sideOf(place.side), place);
      finding.related.push_back({note.file, note.pointer, note.range, message});
    }
    findings.push_back(std::move(finding));
  }
  return findings;
}

// Both sides at once: on large documents, loading is most of the time.
std::pair<LoadedSide, LoadedSide> loadSides(const DiffOptions& options,
                                            const resolve::ResolveOptions& resolve, bool keepText) {
  LoadedSide before;
#ifdef ASYNCLINT_SINGLE_THREADED  // the WebAssembly build: one after the other
  before = loadSide(options.before, resolve, keepText);
#else
  JoiningThread other([&] { before = loadSide(options.before, resolve, keepText); });
#endif
  LoadedSide after = loadSide(options.after, resolve, keepText);
#ifndef ASYNCLINT_SINGLE_THREADED
  other.join();
#endif
  return {std::move(before), std::move(after)};
}

}  // namespace

int runDiff(const DiffOptions& options, std::ostream& out, std::ostream& err) {
  auto opened = openOutputs(options.outputs, options.report, err);
  if (!opened) return exitUsage;
  std::vector<Output>& outputs = *opened;
  const bool keepText = needsSource(outputs);
  const auto resolver = configResolver(options.config, err);
  if (!resolver) return exitUsage;
  const bool afterIsFile = !splitRevisionPath(options.after);
  const config::Resolution& resolution =
      afterIsFile ? resolver->forFile(options.after) : resolver->forCurrentFolder();
  if (!resolution.config) {
    const report::RunReport errors = configErrorReport(resolution.errors);
    for (auto& output : outputs)
      writeOutput(output, errors, out, err);
    return exitUsage;
  }
  const auto settings = config::settingsFor(
      *resolution.config,
      afterIsFile ? std::optional<fs::path>(absolutePath(options.after)) : std::nullopt);
  const auto loadStart = std::chrono::steady_clock::now();
  auto [before, after] =
      loadSides(options, resolveOptionsFor(options.resolve, *resolution.config), keepText);
  if (options.timings) err << fmt::format("timings: load {:.3f} s\n", secondsSince(loadStart));

  report::RunReport run = emptyRunReport();
  for (const LoadedSide* side : {&before, &after}) {
    run.files.push_back({side->label, !side->problems.empty(), side->text});
    run.diagnostics.insert(run.diagnostics.end(), side->problems.begin(), side->problems.end());
  }
  const bool inputError = !before.usable() || !after.usable();
  if (!inputError) {
    const auto compareStart = std::chrono::steady_clock::now();
    const auto changes =
        diff::compareServices(before.system->services()[0], after.system->services()[0]);
    run.diagnostics = findingsOf(changes, before, after, settings);
    for (LoadedSide* side : {&before, &after})
      keepUntilProcessEnd(std::make_shared<system::LoadedSystem>(std::move(*side->system)));
    if (options.timings)
      err << fmt::format("timings: compare {:.3f} s\n", secondsSince(compareStart));
  }
  sortDiagnostics(run.diagnostics);
  const auto reportStart = std::chrono::steady_clock::now();
  for (auto& output : outputs) {
    if (!writeOutput(output, run, out, err)) return exitUsage;
  }
  if (options.timings) err << fmt::format("timings: report {:.3f} s\n", secondsSince(reportStart));
  return exitCodeOf(run, inputError, options.failSeverity);
}

}  // namespace asynclint
