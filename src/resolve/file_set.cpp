#include "resolve/file_set.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>
#include <variant>

#include "resolve/remote.hpp"
#include "rule_ids.hpp"

namespace asynclint::resolve {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view standardInput = "<stdin>";

bool isInside(const fs::path& root, const fs::path& path) {
  const auto [rootEnd, pathAt] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  // A root written with a trailing slash ends with an empty element.
  return rootEnd == root.end() || (std::next(rootEnd) == root.end() && rootEnd->empty());
}

fs::path canonicalOrSelf(const fs::path& path) {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(fs::absolute(path, error), error);
  return error ? fs::absolute(path).lexically_normal() : canonical;
}

// "http://host/a/b.yaml" and "../c.yaml" → "http://host/c.yaml".
std::string joinUrl(const std::string& base, std::string_view relative) {
  if (isRemote(relative)) return std::string(relative);
  const auto authority = base.find("://");
  const auto pathStart = base.find('/', authority + 3);
  if (pathStart == std::string::npos) return base + "/" + std::string(relative);
  const fs::path path = fs::path(base.substr(pathStart)).parent_path() / relative;
  return base.substr(0, pathStart) + path.lexically_normal().generic_string();
}

std::vector<Diagnostic> withFile(std::vector<Diagnostic> diagnostics, const std::string& file) {
  for (auto& diagnostic : diagnostics)
    diagnostic.file = file;
  return diagnostics;
}

}  // namespace

bool isRemote(std::string_view location) {
  return location.starts_with("http://") || location.starts_with("https://");
}

fs::path defaultRoot(const std::string& entry) {
  std::error_code error;
  const fs::path start = entry == "-" || entry == standardInput
                             ? fs::current_path(error)
                             : canonicalOrSelf(entry).parent_path();
  for (fs::path folder = start; !folder.empty(); folder = folder.parent_path()) {
    if (fs::exists(folder / ".git", error)) return folder;
    if (folder == folder.parent_path()) break;
  }
  return fs::current_path(error);
}

std::shared_ptr<const LoadedFile> FileCache::local(const std::string& canonicalPath,
                                                   const LoadLimits& limits) {
  const std::lock_guard lock(mutex_);
  auto& file = files_[canonicalPath];
  if (!file) {
    LoadResult loaded = loadFile(canonicalPath, limits);
    auto stored = std::make_shared<LoadedFile>();
    if (loaded.document) stored->document = std::make_shared<Document>(std::move(*loaded.document));
    stored->diagnostics = std::move(loaded.diagnostics);
    file = std::move(stored);
  }
  return file;
}

std::shared_ptr<const LoadedFile> FileCache::remote(const std::string& url,
                                                    const ResolveOptions& options,
                                                    const LoadLimits& limits) {
  const std::lock_guard lock(mutex_);
  auto& file = files_[url];
  if (!file) {
    auto stored = std::make_shared<LoadedFile>();
    auto fetched = fetchUrl(url, options.remoteTimeoutSeconds, options.remoteMaxBytes);
    if (const auto* failure = std::get_if<FetchFailure>(&fetched)) {
      stored->fetchFailure = failure->message;
    } else {
      LoadResult loaded = loadText(url, std::move(std::get<std::string>(fetched)), limits);
      if (loaded.document)
        stored->document = std::make_shared<Document>(std::move(*loaded.document));
      stored->diagnostics = std::move(loaded.diagnostics);
    }
    file = std::move(stored);
  }
  return file;
}

FileSet::FileSet(const ResolveOptions& options, const std::string& entryPath,
                 std::shared_ptr<FileCache> cache, LoadLimits limits)
    : options_(options),
      cache_(cache ? std::move(cache) : std::make_shared<FileCache>()),
      limits_(limits) {
  root_ = canonicalOrSelf(options.root.empty() ? defaultRoot(entryPath) : fs::path(options.root));
}

std::size_t FileSet::add(SourceFile file) {
  const std::size_t index = files_.size();
  byKey_.emplace(file.key, index);
  files_.push_back(std::move(file));
  return index;
}

std::size_t FileSet::addEntry(LoadResult loaded, const std::string& path) {
  SourceFile entry;
  entry.key = path == "-" ? std::string(standardInput) : canonicalOrSelf(path).string();
  entry.shown = loaded.document ? loaded.document->path : path;
  if (loaded.document) entry.document = std::make_shared<Document>(std::move(*loaded.document));
  entry.diagnostics = std::move(loaded.diagnostics);
  return add(std::move(entry));
}

FileSet::Opened FileSet::open(std::size_t from, std::string_view location) {
  auto key = std::make_pair(from, std::string(location));
  if (const auto known = opened_.find(key); known != opened_.end()) return known->second;
  const SourceFile& origin = files_[from];
  Opened opened = origin.remote        ? openRemote(joinUrl(origin.key, location))
                  : isRemote(location) ? openRemote(std::string(location))
                                       : openLocal(from, location);
  opened_.emplace(std::move(key), opened);
  return opened;
}

FileSet::Opened FileSet::openLocal(std::size_t from, std::string_view location) {
  const SourceFile& origin = files_[from];
  std::error_code error;
  const fs::path folder =
      origin.key == standardInput ? fs::current_path(error) : fs::path(origin.key).parent_path();
  // Symbolic links are resolved before the check, so a link inside the root that leads out of
  // it is refused like a `..` that does.
  const fs::path target = canonicalOrSelf(folder / fs::path(location));
  if (!isInside(root_, target)) {
    return {std::nullopt,
            {ids::refOutsideRoot,
             fmt::format("'{}' is outside the root folder and is not read (--root sets the "
                         "root folder)",
                         location)}};
  }
  const std::string key = target.string();
  if (const auto failure = failures_.find(key); failure != failures_.end())
    return {std::nullopt,
            {ids::refFileUnresolved, fmt::format("'{}' {}", location, failure->second)}};
  if (const auto known = byKey_.find(key); known != byKey_.end()) return {known->second, {}};

  const auto loaded = cache_->local(key, limits_);
  SourceFile file;
  file.key = key;
  const fs::path shownFolder =
      origin.key == standardInput ? fs::path() : fs::path(origin.shown).parent_path();
  file.shown = (shownFolder / fs::path(location)).lexically_normal().generic_string();
  if (!loaded->document) {
    const bool unreadable =
        !loaded->diagnostics.empty() && loaded->diagnostics.front().rule == ids::fileUnreadable;
    const std::string reason = loaded->diagnostics.empty() ? std::string("it cannot be loaded")
                                                           : loaded->diagnostics.front().message;
    failures_[key] = unreadable ? "cannot be read: " + reason
                                : "cannot be used: it has errors (reported in " + file.shown + ")";
    if (!unreadable) {
      file.diagnostics = withFile(loaded->diagnostics, file.shown);
      add(std::move(file));
    }
    return openLocal(from, location);
  }
  file.document = loaded->document;
  file.diagnostics = withFile(loaded->diagnostics, file.shown);
  return {add(std::move(file)), {}};
}

FileSet::Opened FileSet::openRemote(std::string url) {
  if (!options_.allowRemote) {
    return {std::nullopt,
            {ids::refRemoteDisabled,
             fmt::format("'{}' is a remote reference, not fetched by default; pass "
                         "--allow-remote to fetch it",
                         url)}};
  }
  if (const auto failure = failures_.find(url); failure != failures_.end())
    return {std::nullopt, {ids::refFileUnresolved, fmt::format("'{}' {}", url, failure->second)}};
  if (const auto known = byKey_.find(url); known != byKey_.end()) return {known->second, {}};

  const auto loaded = cache_->remote(url, options_, limits_);
  if (!loaded->fetchFailure.empty()) {
    failures_[url] = "cannot be fetched: " + loaded->fetchFailure;
    return openRemote(std::move(url));
  }
  SourceFile file;
  file.key = url;
  file.shown = url;
  file.remote = true;
  file.diagnostics = withFile(loaded->diagnostics, url);
  if (!loaded->document) {
    failures_[url] = "cannot be used: it has errors (reported in " + url + ")";
    add(std::move(file));
    return openRemote(std::move(url));
  }
  file.document = loaded->document;
  return {add(std::move(file)), {}};
}

}  // namespace asynclint::resolve
