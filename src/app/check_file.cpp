// One file through the pipeline: load, resolve references to other files, schema, rules,
// suppressions; every finding placed in the file and at the line where its node is written.
#include <fmt/format.h>

#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <sstream>

#include "app/app.hpp"
#include "app/support.hpp"
#include "engine/engine.hpp"
#include "resolve/resolver.hpp"
#include "rule_ids.hpp"
#include "schema/schema_validator.hpp"
#include "source/loader.hpp"
#include "suppression/inline.hpp"
#include "system/load.hpp"

namespace asynclint {
namespace {

// Schema validation, then the rules, each timed, over the document with its references to
// other files resolved; findings are placed in the files where their nodes are written.
// Where the schema requires a Reference Object, a `$ref` to another file is one, though the
// resolved tree holds the part it points to: the schema's "missing required property '$ref'"
// there is not a finding. (The part itself is checked where it is written as what it is.)
void dropReferenceObjectsResolved(std::vector<Diagnostic>& findings,
                                  const resolve::Resolution& resolution) {
  std::erase_if(findings, [&](const Diagnostic& finding) {
    return finding.rule == ids::schema &&
           finding.message.starts_with("missing required property '$ref'") &&
           resolution.replacesReference(finding.pointer);
  });
}

// Returns the resolution when it is complete (for the system view).
std::optional<resolve::Resolution> checkDocument(resolve::FileSet& files,
                                                 const engine::RuleSettings& settings,
                                                 bool spareCore, FileResult& result) {
  const Document& entry = *files[0].document;
  if (auto problem = rootProblem(entry)) {
    problem->file = entry.path;
    entry.place(*problem);
    result.diagnostics.push_back(std::move(*problem));
    return std::nullopt;
  }
  if (!entry.root.is_object()) return std::nullopt;
  auto start = std::chrono::steady_clock::now();
  resolve::Resolution resolution = resolve::resolveDocument(files);
  for (const auto& problem : resolution.problems())
    result.diagnostics.push_back(problem);
  result.times.load += secondsSince(start);
  // A referenced file that could not be parsed is an input error, as the entry's would be.
  for (std::size_t file = 1; file < files.size(); ++file)
    result.inputError = result.inputError || !files[file].document;
  if (resolution.truncated()) return std::nullopt;
  const auto checkSchema = [&] {
    const auto schemaStart = std::chrono::steady_clock::now();
    auto findings = schema::validateDocument(resolution.tree());
    dropReferenceObjectsResolved(findings, resolution);
    settings.configure(findings);
    result.times.schema = secondsSince(schemaStart);
    return findings;
  };
  // Both only read the tree. On a spare core the schema check runs beside the rules, then
  // takes rules too: on a big document it takes about half as long as they do. The rules' time is
  // then the time until both end.
  std::vector<Diagnostic> findings = spareCore ? std::vector<Diagnostic>() : checkSchema();
  start = std::chrono::steady_clock::now();
  engine::RuleRun rules(resolution.tree(), {"", &settings},
                        [&resolution](std::string_view pointer) {
                          return resolution.writtenPlace(std::string(pointer));
                        });
  if (spareCore) {
    auto besideRules = std::async(std::launch::async, [&] {
      auto schemaFindings = checkSchema();
      rules.work();
      return schemaFindings;
    });
    rules.work();
    findings = besideRules.get();
  } else {
    rules.work();
  }
  result.times.rules = secondsSince(start);
  std::vector<Diagnostic> ruleFindings = std::move(rules).findings();
  for (auto& finding : ruleFindings)
    findings.push_back(std::move(finding));
  for (auto& finding : findings) {
    resolution.place(finding);
    result.diagnostics.push_back(std::move(finding));
  }
  engine::dropRepeatedFindings(result.diagnostics);
  return resolution;
}

// Drops the findings that comments and x-asynclint-ignore suppress; adds those that suppress
// nothing.
void applySuppressions(const std::vector<suppression::Directive>& directives,
                       const engine::RuleSettings& settings, const std::string& file,
                       FileResult& result) {
  auto unused =
      suppression::applyDirectives(directives, result.diagnostics, file, settings.customRules());
  settings.configure(unused);
  for (auto& finding : unused)
    result.diagnostics.push_back(std::move(finding));
}

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
  auto files = std::make_unique<resolve::FileSet>(options.resolve, path, options.cache);
  files->addEntry(std::move(loaded), path);
  const Document& entry = *(*files)[0].document;
  for (Diagnostic diagnostic : (*files)[0].diagnostics) {
    diagnostic.file = entry.path;
    entry.place(diagnostic);
    result.diagnostics.push_back(std::move(diagnostic));
  }
  try {
    auto resolution = checkDocument(*files, options.settings, options.spareCore, result);
    if (options.keepResolved && resolution && isAsyncApiDocument(entry)) {
      // The FileSet moves as a pointer: `entry` and the resolution's places stay valid.
      result.resolved = std::make_shared<const system::ResolvedDocument>(
          system::ResolvedDocument{std::move(files), std::move(*resolution)});
    }
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

// Whether a file that is passed over when it is not an AsyncAPI document is not one: its root
// has no `asyncapi` key, or it could not be loaded and its text has no such key either (for a
// file over the input limits, its first MiB: a large data file found in a folder is not an
// error). A file that cannot be read is never passed over: nothing says what it is.
// `text(maxBytes)` reads the file again (nullopt: it cannot be, as standard input).
bool isOtherContent(const LoadResult& loaded,
                    const std::function<std::optional<std::string>(std::size_t)>& text) {
  if (loaded.document) return !isAsyncApiDocument(*loaded.document);
  std::size_t maxBytes = std::string::npos;
  for (const auto& diagnostic : loaded.diagnostics) {
    if (diagnostic.rule == ids::fileUnreadable) return false;
    if (diagnostic.rule == ids::limits) maxBytes = std::size_t{1} << 20;
  }
  const auto read = text(maxBytes);
  return read && !mayBeAsyncApiText(*read);
}

// The file's first `maxBytes` bytes (all of it with npos).
std::optional<std::string> readText(const std::string& path, std::size_t maxBytes) {
  if (path == "-") return std::nullopt;
  std::ifstream stream(path, std::ios::binary);
  if (maxBytes == std::string::npos) {
    std::ostringstream text;
    text << stream.rdbuf();
    return text.str();
  }
  std::string text(maxBytes, '\0');
  stream.read(text.data(), static_cast<std::streamsize>(maxBytes));
  text.resize(static_cast<std::size_t>(stream.gcount()));
  return text;
}

FileResult skippedFile() {
  FileResult result;
  result.skipped = true;
  return result;
}

}  // namespace

FileResult validateFile(const std::string& path, const FileCheckOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  LoadResult loaded = loadFile(path);
  if (options.skipNonAsyncApi &&
      isOtherContent(loaded, [&](std::size_t maxBytes) { return readText(path, maxBytes); }))
    return skippedFile();
  return checkLoaded(std::move(loaded), path, secondsSince(start), options);
}

FileResult validateText(const std::string& path, std::string text, const LoadLimits& limits,
                        const FileCheckOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::string kept = options.skipNonAsyncApi ? text : std::string();
  LoadResult loaded = loadText(path, std::move(text), limits);
  if (options.skipNonAsyncApi && isOtherContent(loaded, [&](std::size_t maxBytes) {
        return std::optional(kept.substr(0, maxBytes));
      }))
    return skippedFile();
  return checkLoaded(std::move(loaded), path, secondsSince(start), options);
}

}  // namespace asynclint
