// `asynclint bundle`: one self-contained document, or the errors that prevent it.
#include <fmt/format.h>

#include <fstream>

#include "app/app.hpp"
#include "app/support.hpp"
#include "resolve/bundle_writer.hpp"
#include "resolve/resolver.hpp"
#include "source/loader.hpp"

namespace asynclint {
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
  const nlohmann::ordered_json bundle =
      resolve::inWrittenOrder(resolve::bundleDocument(files), *files[0].document);
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

}  // namespace asynclint
