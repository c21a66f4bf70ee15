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
    for (const auto& problem : resolution.problems())
      system.referenceProblems_.push_back(problem);
    system.services_.push_back(buildServiceModel((*fileSet)[0].shown, resolution.tree()));
    system.sources_.push_back(std::make_unique<LoadedSystem::Source>(
        LoadedSystem::Source{std::move(fileSet), std::move(resolution)}));
  }
  return system;
}

}  // namespace asynclint::system
