// Reading a system: the AsyncAPI documents named on the command line or found in folders, each
// resolved (references to other files followed) and turned into a ServiceModel.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "resolve/file_set.hpp"
#include "resolve/resolver.hpp"
#include "system/model.hpp"
#include "system/system_rule.hpp"

namespace asynclint::system {

// A document read and resolved once (by `validate`'s per-file check, or by loadSystem), kept for
// the system view: its files and the resolution that places its nodes.
struct ResolvedDocument {
  std::unique_ptr<resolve::FileSet> files;
  resolve::Resolution resolution;
};

class LoadedSystem {
 public:
  const std::vector<ServiceModel>& services() const { return services_; }
  // Files that could not be read, parsed or resolved: the findings that say why.
  const std::vector<Diagnostic>& problems() const { return problems_; }
  // References that could not be followed (a missing file, outside the root...): the model
  // lacks what they hold.
  const std::vector<Diagnostic>& referenceProblems() const { return referenceProblems_; }
  // Where a place of a service's resolved document is written: file, pointer and the range of
  // its key.
  Diagnostic locate(const ServicePlace& place) const;
  Locator locator() const;

 private:
  friend LoadedSystem loadSystem(const std::vector<std::string>&, const resolve::ResolveOptions&,
                                 std::shared_ptr<resolve::FileCache>);
  friend LoadedSystem systemOf(std::vector<std::shared_ptr<const ResolvedDocument>>);
  void add(std::shared_ptr<const ResolvedDocument> document);

  std::vector<ServiceModel> services_;
  std::vector<std::shared_ptr<const ResolvedDocument>> sources_;  // one per service
  std::vector<Diagnostic> problems_;
  std::vector<Diagnostic> referenceProblems_;
};

// The services of `files`; a file without a top-level `asyncapi` key (a fragment that documents
// reference) is not a service and is passed over.
LoadedSystem loadSystem(const std::vector<std::string>& files,
                        const resolve::ResolveOptions& options,
                        std::shared_ptr<resolve::FileCache> cache = nullptr);

// The services of documents that a run has already read and resolved, each with its own options:
// nothing is read again. Each must be an AsyncAPI document whose resolution is complete.
LoadedSystem systemOf(std::vector<std::shared_ptr<const ResolvedDocument>> documents);

}  // namespace asynclint::system
