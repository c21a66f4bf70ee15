// The files of one multi-file run: each is read and parsed once, and only when it is inside the
// root folder (or, with remote references allowed, fetched once from its URL).
#pragma once

#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "source/loader.hpp"

namespace asynclint::resolve {

// How references to other files are followed. The configuration file sets the same fields.
struct ResolveOptions {
  std::string root;          // files outside it are never opened; empty: see defaultRoot
  bool allowRemote = false;  // fetch http(s) references
  long remoteTimeoutSeconds = 10;
  std::size_t remoteMaxBytes = std::size_t{16} << 20U;
};

// The git work tree that holds `entry` (a folder holding `.git`), else the current folder.
std::filesystem::path defaultRoot(const std::string& entry);

// A referenced file as loaded: shared by the checks of every entry of a run.
struct LoadedFile {
  std::shared_ptr<const Document> document;  // null when the file could not be read or parsed
  std::vector<Diagnostic> diagnostics;       // the loader's (file not set)
  std::string fetchFailure;                  // a remote file: why it could not be fetched
};

// The files referenced during one run, each read (or fetched) and parsed once whatever the
// number of entries and references that name it. Safe to share between threads.
class FileCache {
 public:
  std::shared_ptr<const LoadedFile> local(const std::string& canonicalPath,
                                          const LoadLimits& limits);
  std::shared_ptr<const LoadedFile> remote(const std::string& url, const ResolveOptions& options,
                                           const LoadLimits& limits);

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const LoadedFile>, std::less<>> files_;
};

struct SourceFile {
  std::string key;    // canonical path, or the URL without fragment
  std::string shown;  // the name diagnostics use: relative as the user wrote the entry, or the URL
  bool remote = false;
  std::shared_ptr<const Document> document;  // null when the file could not be read or parsed
  std::vector<Diagnostic> diagnostics;       // the loader's, with `file` set
};

// Why a reference's file cannot be used: the rule id and the message, said at the `$ref`.
struct OpenProblem {
  std::string rule;
  std::string message;
};

class FileSet {
 public:
  // `cache` (optional) shares loaded files with the other entries of the run.
  FileSet(const ResolveOptions& options, const std::string& entryPath,
          std::shared_ptr<FileCache> cache = nullptr, LoadLimits limits = {});

  // The entry document, loaded first (index 0).
  std::size_t addEntry(LoadResult loaded, const std::string& path);

  struct Opened {
    std::optional<std::size_t> file;
    OpenProblem problem;
  };
  // The file named by `location` (the part of a `$ref` before '#'), relative to file `from`.
  // Checks the root before anything is opened; loads each file once.
  Opened open(std::size_t from, std::string_view location);

  const SourceFile& operator[](std::size_t index) const { return files_[index]; }
  std::size_t size() const { return files_.size(); }

 private:
  Opened openLocal(std::size_t from, std::string_view location);
  Opened openRemote(std::string url);
  std::size_t add(SourceFile file);

  ResolveOptions options_;
  std::shared_ptr<FileCache> cache_;
  LoadLimits limits_;
  std::filesystem::path root_;    // canonical
  std::deque<SourceFile> files_;  // a deque: documents are referred to by address
  std::map<std::string, std::size_t, std::less<>> byKey_;
  std::map<std::string, std::string, std::less<>> failures_;  // key → why it cannot be used
  // Each (file, location) pair is checked against the root once: canonical paths cost syscalls.
  std::map<std::pair<std::size_t, std::string>, Opened> opened_;
};

bool isRemote(std::string_view location);

}  // namespace asynclint::resolve
