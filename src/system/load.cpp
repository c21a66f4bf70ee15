#include "system/load.hpp"

#include <algorithm>
#include <filesystem>

#include "source/loader.hpp"

namespace asynclint::system {
namespace {

namespace fs = std::filesystem;

bool isDocumentFile(const fs::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml" || extension == ".json";
}

bool isSkippedFolder(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.starts_with('.') || name == "node_modules";
}

std::vector<std::string> filesUnder(const fs::path& folder) {
  std::vector<std::string> files;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(folder, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_directory(error) && isSkippedFolder(it->path())) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(error) && isDocumentFile(it->path()))
      files.push_back(it->path().generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool isAsyncApiDocument(const Document& document) {
  return document.root.is_object() && document.root.contains("asyncapi");
}

}  // namespace

CollectedFiles collectFiles(const std::vector<std::string>& paths) {
  CollectedFiles collected;
  for (const auto& path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      for (auto& file : filesUnder(path))
        collected.files.push_back(std::move(file));
    } else if (path == "-" || fs::exists(path, error)) {
      collected.files.push_back(path);
    } else {
      collected.errors.push_back(path);
    }
  }
  return collected;
}

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
