// What a rule sees: the document tree, its reference index and a way to report. Rules report
// pointers; the engine turns them into file positions.
#pragma once

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"
#include "engine/memo.hpp"
#include "engine/ref_index.hpp"
#include "engine/rule.hpp"
#include "engine/settings.hpp"

namespace asynclint::schema {
class DocumentSchemas;
}

namespace asynclint::engine {

// A node reached by following local references, with the pointer where it is written.
struct Resolved {
  std::string pointer;
  const nlohmann::json* node = nullptr;
};

// Where the node at a pointer of the tree is written (see WrittenPlace).
using PlaceLookup = std::function<WrittenPlace(std::string_view pointer)>;

class RuleContext {
 public:
  RuleContext(const nlohmann::json& root, const RefIndex& refs, schema::DocumentSchemas& schemas,
              const RuleInfo& rule, const RuleSetting& setting, std::vector<Diagnostic>& out,
              const PlaceLookup* places = nullptr, DocumentMemo* memo = nullptr);

  const nlohmann::json& root() const { return root_; }
  const RefIndex& refs() const { return refs_; }
  // Checks values against the document's own schemas; one per document, shared by its rules,
  // so that each schema is compiled once.
  schema::DocumentSchemas& documentSchemas() const { return schemas_; }
  // Work shared by the rules of this document; nullptr outside a rule run (compute it then).
  DocumentMemo* memo() const { return memo_; }
  // The major version from the `asyncapi` field (2 or 3), or 0 when it is missing or malformed.
  int majorVersion() const { return majorVersion_; }

  // The value of one of the rule's options (declared in its RuleInfo): as configured, else its
  // default. The configuration layer has checked its type against the default's.
  nlohmann::json option(std::string_view name) const;

  // The node at `pointer`, or nullptr.
  const nlohmann::json* at(std::string_view pointer) const;
  // Follows `$ref`s from the node at `pointer` to the node they end at, and says where that is
  // written (see RefIndex::writtenLocation). nullopt when a reference is broken, external or
  // cyclic (other rules report those).
  std::optional<Resolved> resolve(std::string_view pointer) const;
  // The same for the `$ref` held by `holder`, a node of the tree (what a walk over it meets):
  // nullopt when it holds no reference of the document's structure.
  std::optional<Resolved> follow(const nlohmann::json& holder) const;

  // `items` in the order they are written in the files, `pointerOf(item)` saying where each is:
  // the tree lists object keys sorted, and what a rule calls "the first" of several must be the
  // first a reader meets. Stable; as given when the run knows no places.
  template <typename Item, typename PointerOf>
  std::vector<Item> inWrittenOrder(std::vector<Item> items, PointerOf pointerOf) const {
    if (places_ == nullptr || !*places_) return items;
    std::vector<std::pair<WrittenPlace, std::size_t>> order;
    order.reserve(items.size());
    for (std::size_t index = 0; index < items.size(); ++index)
      order.emplace_back((*places_)(pointerOf(items[index])), index);
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Item> sorted;
    sorted.reserve(items.size());
    for (const auto& entry : order)
      sorted.push_back(std::move(items[entry.second]));
    return sorted;
  }

  void report(std::string pointer, std::string message, Anchor anchor = Anchor::value,
              std::vector<RelatedLocation> related = {});
  // A related location in the same file, placed by the engine.
  static RelatedLocation note(std::string pointer, std::string message);

 private:
  const nlohmann::json& root_;
  const RefIndex& refs_;
  schema::DocumentSchemas& schemas_;
  const RuleInfo& rule_;
  const RuleSetting& setting_;
  std::vector<Diagnostic>& out_;
  const PlaceLookup* places_ = nullptr;
  DocumentMemo* memo_ = nullptr;
  int majorVersion_ = 0;
};

// Visits each member of the object at `pointer` (nothing when it is not an object) with its
// pointer, e.g. every channel under "/channels".
void forEachMember(
    const nlohmann::json& root, std::string_view pointer,
    const std::function<void(const std::string& key, const std::string& memberPointer,
                             const nlohmann::json& value)>& visit);

}  // namespace asynclint::engine
