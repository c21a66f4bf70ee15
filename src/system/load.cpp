#include "system/load.hpp"

#include <algorithm>
#include <filesystem>

#include "source/loader.hpp"

namespace asynclint::system {
namespace {

namespace fs = std::filesystem;

}  // namespace

Diagnostic LoadedSystem::locate(const ServicePlace& place) const {
  Diagnostic diagnostic;
  diagnostic.pointer = place.pointer;
  diagnostic.anchor = place.anchor;
  sources_.at(place.service)->resolution.place(diagnostic);
  return diagnostic;
}

Locator LoadedSystem::locator() const {
  return [this](const ServicePlace& place) { return locate(place); };
}

LoadedSystem loadSystem(const std::vector<std::string>& files,
                        const resolve::ResolveOptions& options,
                        std::shared_ptr<resolve::FileCache> cache) {
  LoadedSystem system;
  if (!cache) cache = std::make_shared<resolve::FileCache>();
  for (const auto& path : files) {
    LoadResult loaded = loadFile(path);
    if (!loaded.document) {
      for (auto& diagnostic : loaded.diagnostics) {
        diagnostic.file = path;
        system.problems_.push_back(std::move(diagnostic));
      }
      continue;
    }
    if (!isAsyncApiDocument(*loaded.document)) continue;
    auto fileSet = std::make_unique<resolve::FileSet>(options, path, cache);
    fileSet->addEntry(std::move(loaded), path);
    auto resolution = resolve::resolveDocument(*fileSet);
    if (resolution.truncated()) {
      for (const auto& problem : resolution.problems())
        system.problems_.push_back(problem);
      continue;
    }
    system.add(std::make_shared<const ResolvedDocument>(
        ResolvedDocument{std::move(fileSet), std::move(resolution)}));
  }
  return system;
}

LoadedSystem systemOf(std::vector<std::shared_ptr<const ResolvedDocument>> documents) {
  LoadedSystem system;
  for (auto& document : documents)
    system.add(std::move(document));
  return system;
}

void LoadedSystem::add(std::shared_ptr<const ResolvedDocument> document) {
  for (const auto& problem : document->resolution.problems())
    referenceProblems_.push_back(problem);
  // The service shares the resolved tree, and with it the ownership of the whole document.
  std::shared_ptr<const nlohmann::json> tree(document, &document->resolution.tree());
  services_.push_back(buildServiceModel((*document->files)[0].shown, std::move(tree)));
  sources_.push_back(std::move(document));
}

}  // namespace asynclint::system
