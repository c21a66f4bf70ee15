#include "model/document.hpp"

#include "source/json_pointer.hpp"

namespace asynclint::model {

int majorVersionOf(const nlohmann::json& root) {
  if (!root.is_object()) return 0;
  const auto version = root.find("asyncapi");
  if (version == root.end() || !version->is_string()) return 0;
  const auto& text = version->get_ref<const std::string&>();
  if (text.starts_with("2.")) return 2;
  if (text.starts_with("3.")) return 3;
  return 0;
}

DocumentView::DocumentView(const nlohmann::json& root, const RefIndex& refs,
                           const PlaceLookup* places)
    : root_(root), refs_(refs), places_(places), majorVersion_(majorVersionOf(root)) {}

const nlohmann::json* DocumentView::at(std::string_view pointer) const {
  return pointer::find(root_, pointer);
}

std::optional<Resolved> DocumentView::resolve(std::string_view pointer) const {
  Resolved current;
  if (refs_.at(pointer) != nullptr) {
    // The pointer of a `$ref` as written (what a walk over the tree meets): nothing to search.
    current.pointer = std::string(pointer);
  } else {
    auto written = refs_.writtenLocation(std::string(pointer));
    if (!written) return std::nullopt;
    current.node = at(*written);
    current.pointer = std::move(*written);
    if (current.node == nullptr) return std::nullopt;
  }
  // A chain longer than the number of references must have gone round a cycle.
  for (std::size_t hops = 0; hops <= refs_.all().size(); ++hops) {
    const Reference* reference = refs_.at(current.pointer);
    if (reference == nullptr)
      return current.node != nullptr ? std::optional(current) : std::nullopt;
    if (reference->kind != RefKind::local || !reference->resolved()) return std::nullopt;
    current = Resolved{reference->written, reference->node};
  }
  return std::nullopt;
}

std::optional<Resolved> DocumentView::follow(const nlohmann::json& holder) const {
  const Reference* reference = refs_.heldBy(holder);
  // A chain longer than the number of references must have gone round a cycle.
  for (std::size_t hops = 0; reference != nullptr && hops <= refs_.all().size(); ++hops) {
    if (reference->kind != RefKind::local || !reference->resolved()) return std::nullopt;
    const Reference* next = refs_.next(*reference);
    if (next == nullptr) return Resolved{reference->written, reference->node};
    reference = next;
  }
  return std::nullopt;
}

void forEachMember(const nlohmann::json& root, std::string_view pointerText,
                   const std::function<void(const std::string&, const std::string&,
                                            const nlohmann::json&)>& visit) {
  const nlohmann::json* node = pointer::find(root, pointerText);
  if (node == nullptr || !node->is_object()) return;
  for (const auto& [key, value] : node->items())
    visit(key, pointer::append(pointerText, key), value);
}

}  // namespace asynclint::model
