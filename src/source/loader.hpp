#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "source/document.hpp"

namespace asynclint {

// Bounds that keep hostile input from exhausting memory or the stack.
struct LoadLimits {
  std::size_t maxBytes = std::size_t{256} << 20U;
  std::size_t maxDepth = 256;
  std::size_t maxKeyBytes = std::size_t{64} << 10U;
  std::size_t maxAliasNodes = 1'000'000;  // nodes created by expanding aliases and merge keys
  std::size_t maxScalarBytes = std::size_t{16} << 20U;
  std::size_t maxEntries = 100'000;  // members of one mapping, items of one list
};

struct LoadResult {
  std::optional<Document> document;     // absent when no tree could be built
  std::vector<Diagnostic> diagnostics;  // findings of the loader, or the reason nothing loaded
  // True when the input could not be read or parsed at all (exit code 2).
  bool inputError() const { return !document.has_value(); }
};

// Reads `path` ("-" is standard input) and loads it.
LoadResult loadFile(const std::string& path, const LoadLimits& limits = {});

// Loads YAML or JSON text (told apart by content) into a Document with its source map.
LoadResult loadText(std::string path, std::string text, const LoadLimits& limits = {});

}  // namespace asynclint
