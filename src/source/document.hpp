#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"
#include "source/line_index.hpp"
#include "source/source_map.hpp"

namespace asynclint {

enum class SourceFormat { yaml, json };

// One loaded file: its text, the normalized tree and where each node is written.
// Move-only: the source map identifies nodes by address, which a copy of the tree would break.
struct Document {
  std::string path;  // as the user named it; "<stdin>" for standard input
  std::string text;
  SourceFormat format = SourceFormat::yaml;
  nlohmann::json root;
  SourceMap sourceMap;
  LineIndex lines;

  Document() = default;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  Located locate(std::string_view pointer) const {
    return sourceMap.locate(root, pointer, text, lines);
  }
  // The one answer to "where is the node at `pointer` written": its key when `anchor` asks for
  // the key, or when the pointer reaches no node and the range is that of the nearest one
  // there is; its value otherwise. Every producer of findings places them through this.
  Range rangeOf(std::string_view pointer, Anchor anchor) const;
  // Fills the range (and related ranges in this file, on their keys) of a diagnostic from its
  // pointer.
  void place(Diagnostic& diagnostic) const;
};

// True when the root is a mapping with an `asyncapi` key: an AsyncAPI document, not a fragment
// that one references, a configuration or some other YAML.
bool isAsyncApiDocument(const Document& document);
// For text that could not be loaded: true when it has an `asyncapi` key at the start of a line
// (YAML's root) or, quoted, anywhere (JSON), so that it may be an AsyncAPI document.
bool mayBeAsyncApiText(std::string_view text);

}  // namespace asynclint
