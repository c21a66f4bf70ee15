// Every `$ref` of a document, found once per run: where it is written, what it points to and
// whether that exists. Targets are decoded JSON pointers (RFC 6901 with percent-decoding), so
// rules compare places, never raw strings.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "source/node_map.hpp"

namespace asynclint::model {

enum class RefKind {
  local,     // "#/components/..." in this document
  external,  // another file or a URL: resolved by multi-file support, not here
  invalid,   // not a string, or a fragment that is not a JSON pointer
};

struct Reference {
  std::string at;    // pointer of the object that holds "$ref"
  std::string text;  // the "$ref" value as written
  RefKind kind = RefKind::invalid;
  std::string target;   // decoded pointer of the target (local refs)
  std::string written;  // where the target is written: `target` with each step that passes
                        // through a reference followed (usually equal to `target`)
  const nlohmann::json* node = nullptr;  // the target, when it exists
  bool resolved() const { return node != nullptr; }
};

class RefIndex {
 public:
  explicit RefIndex(const nlohmann::json& root);

  const std::vector<Reference>& all() const { return refs_; }
  // The reference held by the object at `pointer`, or nullptr.
  const Reference* at(std::string_view pointer) const;
  // The reference held by `holder`, a node of the indexed tree, or nullptr: at() for a caller
  // that has the node rather than its pointer.
  const Reference* heldBy(const nlohmann::json& holder) const;
  // Whether `node` is the target of some local reference.
  bool isTarget(const nlohmann::json& node) const { return targetNodes_.find(&node) != nullptr; }
  // The reference that the target of `reference` (one of all()) holds itself, or nullptr: the
  // next step of a chain of references, looked up once when the index is made.
  const Reference* next(const Reference& reference) const;
  // True when some local reference points at `pointer` or at something inside it.
  bool isReferenced(std::string_view pointer) const;
  // The indexes (into all()) of references written at or below `pointer`, in document order.
  std::vector<std::size_t> within(std::string_view pointer) const;
  // Where the node that `pointer` reaches is written, when steps of the pointer pass through
  // objects that are themselves local references ("/channels/alias/messages/m" with
  // channels.alias a $ref to components.channels.c is written at
  // "/components/channels/c/messages/m"), as AsyncAPI tools that dereference first read it.
  // A reference exactly at `pointer` is not followed. nullopt on an external reference or a
  // chain that does not end.
  std::optional<std::string> writtenLocation(std::string pointer) const;

 private:
  std::vector<Reference> refs_;  // sorted by `at`
  std::unordered_map<std::string_view, std::size_t> byLocation_;
  NodeMap<std::uint32_t> byHolder_;     // holder -> index into refs_
  NodeMap<std::uint32_t> targetNodes_;  // the nodes that local references resolve to
  std::vector<std::uint32_t> next_;     // parallel to refs_; kNoReference when the chain ends
  static constexpr std::uint32_t kNoReference = UINT32_MAX;
  std::vector<std::string_view> sortedTargets_;  // local targets, sorted, without repeats
};

// Decodes a local "$ref" ("#/a/b%20c") into a JSON pointer ("/a/b c"); nullopt when malformed.
std::optional<std::string> decodeLocalRef(std::string_view ref);

// Whether the value of `field` is data rather than structure (see forEachStructuralNode).
bool holdsData(std::string_view field);
// Whether the keys under `field` are names chosen by the author rather than fields.
bool namesChildren(std::string_view field);

using StructuralVisit = std::function<void(std::string_view field, const std::string& pointer,
                                           const nlohmann::json& node)>;

// Visits every node that is part of the document's structure, root first, with its pointer and
// the field it is the value of (empty for the root, array items and named entries). The values
// of `examples`, `example`, `default`, `const`, `enum` and `x-...` fields are data, not structure
// (a "$ref" or a "description" inside an example is the example's text), and are skipped; the
// keys of `properties`, `patternProperties`, `definitions`, `$defs` and `dependencies` are names
// chosen by the author, not fields. The reference index and the rules that read descriptions and
// tags all see the document this way.
void forEachStructuralNode(const nlohmann::json& root, const StructuralVisit& visit);

}  // namespace asynclint::model
