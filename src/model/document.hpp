// One AsyncAPI document as the model reads it: the tree, its reference index, its major version
// and (when the caller knows them) where each node is written. Rules see it through their
// RuleContext; the system view, diff and custom rules use it directly. Depends on the source
// layer only.
#pragma once

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"
#include "model/ref_index.hpp"

namespace asynclint::model {

// A node reached by following local references, with the pointer where it is written.
struct Resolved {
  std::string pointer;
  const nlohmann::json* node = nullptr;
};

// Where the node at a pointer of the tree is written (see WrittenPlace).
using PlaceLookup = std::function<WrittenPlace(std::string_view pointer)>;

// The major version from the `asyncapi` field of `root` (2 or 3), or 0 when it is missing or
// malformed.
int majorVersionOf(const nlohmann::json& root);

class DocumentView {
 public:
  DocumentView(const nlohmann::json& root, const RefIndex& refs,
               const PlaceLookup* places = nullptr);

  const nlohmann::json& root() const { return root_; }
  const RefIndex& refs() const { return refs_; }
  int majorVersion() const { return majorVersion_; }

  // The node at `pointer`, or nullptr.
  const nlohmann::json* at(std::string_view pointer) const;
  // Follows `$ref`s from the node at `pointer` to the node they end at, and says where that is
  // written (see RefIndex::writtenLocation). nullopt when a reference is broken, external or
  // cyclic (rules report those).
  std::optional<Resolved> resolve(std::string_view pointer) const;
  // The same for the `$ref` held by `holder`, a node of the tree (what a walk over it meets):
  // nullopt when it holds no reference of the document's structure.
  std::optional<Resolved> follow(const nlohmann::json& holder) const;

  // `items` in the order they are written in the files, `pointerOf(item)` saying where each is:
  // the tree lists object keys sorted, and what a rule calls "the first" of several must be the
  // first a reader meets. Stable; as given when the view knows no places.
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

 private:
  const nlohmann::json& root_;
  const RefIndex& refs_;
  const PlaceLookup* places_ = nullptr;
  int majorVersion_ = 0;
};

// Visits each member of the object at `pointer` (nothing when it is not an object) with its
// pointer, e.g. every channel under "/channels".
void forEachMember(
    const nlohmann::json& root, std::string_view pointer,
    const std::function<void(const std::string& key, const std::string& memberPointer,
                             const nlohmann::json& value)>& visit);

}  // namespace asynclint::model
