#include "app/system.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "app/app.hpp"
#include "app/inputs.hpp"
#include "report/reporter.hpp"
#include "system/catalog.hpp"
#include "system/load.hpp"
#include "system/system_rule.hpp"

namespace asynclint {
namespace {

void writeFindings(std::vector<Diagnostic> findings, std::ostream& err) {
  report::RunReport run;
  run.tool = toolInfo();
  sortDiagnostics(findings);
  for (const auto& finding : findings) {
    const bool listed =
        std::any_of(run.files.begin(), run.files.end(),
                    [&](const report::FileEntry& file) { return file.path == finding.file; });
    if (!listed) run.files.push_back({finding.file, false, {}});
  }
  run.diagnostics = std::move(findings);
  report::writeReport(*report::findFormat("text"), run, {}, err);
}

// The system of `paths`, or nullopt after reporting why it cannot be read.
std::optional<system::LoadedSystem> readSystem(const std::vector<std::string>& paths,
                                               const resolve::ResolveOptions& options,
                                               std::ostream& err) {
  const auto files = systemFiles(paths, err);
  if (!files) return std::nullopt;
  system::LoadedSystem loaded = system::loadSystem(*files, options);
  if (!loaded.referenceProblems().empty()) {
    err << "asynclint: some references cannot be followed; what they hold is missing below:\n";
    writeFindings(loaded.referenceProblems(), err);
  }
  if (loaded.problems().empty()) return loaded;
  writeFindings(loaded.problems(), err);
  return std::nullopt;
}

std::vector<system::AddressEntry> catalogOf(const std::vector<system::ServiceModel>& services) {
  return system::buildCatalog(services, system::AddressIndex(services));
}

void writeEndpoints(const system::LoadedSystem& loaded, const std::string& address,
                    system::Action action, std::ostream& out) {
  const auto& services = loaded.services();
  const auto endpoints = system::AddressIndex(services).endpoints(address, action);
  for (const auto& endpoint : endpoints) {
    const auto& service = services[endpoint.service];
    const auto& operation = service.operations[endpoint.operation];
    const Diagnostic at = loaded.locate({endpoint.service, operation.pointer});
    out << fmt::format("{} {} ({}:{}, operation '{}', address '{}')\n", service.name,
                       service.version, at.file, at.range.start.line, operation.id,
                       operation.address);
  }
  if (endpoints.empty())
    out << fmt::format("no service {}s '{}'\n", system::toString(action), address);
}

}  // namespace

std::optional<std::vector<std::string>> systemFiles(const std::vector<std::string>& paths,
                                                    std::ostream& err) {
  bool missing = false;
  for (const auto& path : paths) {
    std::error_code error;
    if (path == "-" || isGlob(path) || std::filesystem::exists(path, error)) continue;
    err << fmt::format("asynclint: no such file or folder: {}\n", path);
    missing = true;
  }
  if (missing) return std::nullopt;
  std::vector<std::string> files;
  for (auto& input : expandInputs(paths))
    files.push_back(std::move(input.path));
  return files;
}

int runCatalog(const CatalogOptions& options, std::ostream& out, std::ostream& err) {
  const auto format = system::parseCatalogFormat(options.format);
  if (!format) {
    err << fmt::format("asynclint: unknown catalog format '{}'\n", options.format);
    return exitUsage;
  }
  const auto loaded = readSystem(options.paths, options.resolve, err);
  if (!loaded) return exitUsage;
  if (options.whoConsumes)
    writeEndpoints(*loaded, *options.whoConsumes, system::Action::receive, out);
  if (options.whoProduces) writeEndpoints(*loaded, *options.whoProduces, system::Action::send, out);
  if (!options.whoConsumes && !options.whoProduces)
    system::writeCatalog(loaded->services(), catalogOf(loaded->services()), *format, out);
  return exitClean;
}

int runGraph(const GraphOptions& options, std::ostream& out, std::ostream& err) {
  const auto format = system::parseGraphFormat(options.format);
  if (!format) {
    err << fmt::format("asynclint: unknown graph format '{}'\n", options.format);
    return exitUsage;
  }
  const auto loaded = readSystem(options.paths, options.resolve, err);
  if (!loaded) return exitUsage;
  system::writeGraph(loaded->services(), catalogOf(loaded->services()), *format, out);
  return exitClean;
}

std::vector<Diagnostic> checkSystem(
    std::vector<std::shared_ptr<const system::ResolvedDocument>> documents,
    const std::function<const engine::RuleSettings&(const std::string& file)>& settingsFor) {
  const system::LoadedSystem loaded = system::systemOf(std::move(documents));
  std::vector<Diagnostic> findings = system::runSystemRules(loaded.services(), loaded.locator());
  std::vector<Diagnostic> kept;
  for (auto& finding : findings) {
    if (settingsFor(finding.file).configure(finding)) kept.push_back(std::move(finding));
  }
  return kept;
}

}  // namespace asynclint
