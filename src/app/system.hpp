// The commands about a whole system of services: `asynclint catalog`, `asynclint graph`, and the
// system rules of `asynclint validate --system`.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "engine/settings.hpp"
#include "resolve/file_set.hpp"
#include "system/load.hpp"

namespace asynclint {

struct CatalogOptions {
  std::vector<std::string> paths;  // files and folders (searched recursively)
  std::string format = "text";     // text, markdown, json
  std::optional<std::string> whoConsumes;
  std::optional<std::string> whoProduces;
  resolve::ResolveOptions resolve;
};

// `asynclint catalog`: per address, who sends, who receives, which messages over which
// protocols; or, with --who-consumes/--who-produces, the operations on one address. Exit 2 when
// a path does not exist or a document cannot be read.
int runCatalog(const CatalogOptions& options, std::ostream& out, std::ostream& err);

struct GraphOptions {
  std::vector<std::string> paths;
  std::string format = "mermaid";  // mermaid, dot
  resolve::ResolveOptions resolve;
};

// `asynclint graph`: the event flow, services → addresses → services.
int runGraph(const GraphOptions& options, std::ostream& out, std::ostream& err);

// The files of a system: `paths` with folders replaced by the documents under them; nullopt
// after saying which path does not exist.
std::optional<std::vector<std::string>> systemFiles(const std::vector<std::string>& paths,
                                                    std::ostream& err);

// The findings of the system rules over `documents`, read and resolved by the per-document
// checks (documents that could not be read are not among them: those checks report them).
// `settingsFor` gives the settings of a file: whether a rule is on for it, and at which severity.
std::vector<Diagnostic> checkSystem(
    std::vector<std::shared_ptr<const system::ResolvedDocument>> documents,
    const std::function<const engine::RuleSettings&(const std::string& file)>& settingsFor);

}  // namespace asynclint
