#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"
#include "source/line_index.hpp"
#include "source/node_map.hpp"

namespace asynclint {

// Where a node is written: the byte offsets at which its key (for object members) and its
// value start, and whether it sits inside a flow collection ({...} or [...], as in JSON).
struct NodeSpans {
  static constexpr std::uint32_t none = UINT32_MAX;
  std::uint32_t key = none;
  std::uint32_t value = none;
  bool inFlow = false;
};

// The node a pointer names, or the nearest ancestor that exists when the rest is missing.
struct Located {
  std::string pointer;  // the pointer of the node that was found
  bool exact = false;   // false when only an ancestor exists
  Range key;            // unknown for the root and for array items
  Range value;
};

// Maps every node of a loaded tree to its place in the source text. Nodes are identified by
// address, which stays valid because the tree is never copied after loading (see Document).
class SourceMap {
 public:
  void record(const nlohmann::json* node, NodeSpans spans) { spans_.assign(node, spans); }
  void forget(const nlohmann::json* node) { spans_.erase(node); }
  // Room for `nodes` before the map grows again.
  void reserve(std::size_t nodes) { spans_.reserve(nodes); }
  void setRoot(NodeSpans spans) { root_ = spans; }
  const NodeSpans* find(const nlohmann::json* node) const;
  const NodeSpans& root() const { return root_; }
  std::size_t size() const { return spans_.size(); }

  Located locate(const nlohmann::json& root, std::string_view pointer, std::string_view text,
                 const LineIndex& lines) const;

 private:
  NodeMap<NodeSpans> spans_;
  NodeSpans root_{NodeSpans::none, 0, false};
};

// The range of the token that starts at `begin` (a scalar, a key, or the first line of a
// collection), skipping any anchor (&a) or tag (!t) written before it.
Range tokenRange(std::string_view text, const LineIndex& lines, std::uint32_t begin, bool inFlow);

}  // namespace asynclint
