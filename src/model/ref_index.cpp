#include "model/ref_index.hpp"

#include <algorithm>

#include "source/json_pointer.hpp"

namespace asynclint::model {
namespace {

using nlohmann::json;

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `pointer` is built in place, one token per level. Under a naming map (`keysAreNames`), keys
// are names: none holds data or names children, and none is reported as a field.
void walkStructure(const json& node, std::string& pointer, std::string_view field,
                   bool keysAreNames, const StructuralVisit& visit) {
  visit(field, pointer, node);
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (!keysAreNames && holdsData(key)) continue;
      const pointer::Step step(pointer, key);
      walkStructure(value, pointer, keysAreNames ? std::string_view() : std::string_view(key),
                    !keysAreNames && namesChildren(key), visit);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      const pointer::Step step(pointer, std::to_string(i));
      walkStructure(node[i], pointer, {}, false, visit);
    }
  }
}

Reference referenceAt(const std::string& pointer, const json& ref) {
  Reference reference;
  reference.at = pointer;
  if (!ref.is_string()) return reference;
  reference.text = ref.get<std::string>();
  if (!reference.text.starts_with("#")) {
    reference.kind = RefKind::external;
    return reference;
  }
  const auto decoded = decodeLocalRef(reference.text);
  reference.kind = decoded ? RefKind::local : RefKind::invalid;
  if (decoded) reference.target = *decoded;
  return reference;
}

}  // namespace

bool holdsData(std::string_view field) {
  return field == "examples" || field == "example" || field == "default" || field == "const" ||
         field == "enum" || field.starts_with("x-");
}
bool namesChildren(std::string_view field) {
  return field == "properties" || field == "patternProperties" || field == "definitions" ||
         field == "$defs" || field == "dependencies";
}

void forEachStructuralNode(const json& root, const StructuralVisit& visit) {
  std::string pointer;
  walkStructure(root, pointer, {}, false, visit);
}

std::optional<std::string> decodeLocalRef(std::string_view ref) {
  if (!ref.starts_with("#")) return std::nullopt;
  std::string decoded;
  for (std::size_t i = 1; i < ref.size(); ++i) {
    if (ref[i] != '%') {
      decoded += ref[i];
      continue;
    }
    if (i + 2 >= ref.size()) return std::nullopt;
    const int high = hexValue(ref[i + 1]);
    const int low = hexValue(ref[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    decoded += static_cast<char>(high * 16 + low);
    i += 2;
  }
  if (!decoded.empty() && decoded.front() != '/') return std::nullopt;
  if (!pointer::split(decoded)) return std::nullopt;
  return decoded;
}

RefIndex::RefIndex(const json& root) {
  std::vector<std::pair<Reference, const json*>> found;
  forEachStructuralNode(root, [&](std::string_view, const std::string& pointer, const json& node) {
    if (!node.is_object()) return;
    if (const auto ref = node.find("$ref"); ref != node.end())
      found.emplace_back(referenceAt(pointer, *ref), &node);
  });
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first.at < b.first.at; });
  refs_.reserve(found.size());
  byHolder_.reserve(found.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    refs_.push_back(std::move(found[i].first));
    byHolder_.insert(found[i].second, static_cast<std::uint32_t>(i));
  }
  for (std::size_t i = 0; i < refs_.size(); ++i)
    byLocation_.emplace(refs_[i].at, i);
  for (Reference& reference : refs_) {
    if (reference.kind != RefKind::local) continue;
    sortedTargets_.push_back(reference.target);
    if (auto written = writtenLocation(reference.target)) {
      reference.node = pointer::find(root, *written);
      reference.written = std::move(*written);
    }
  }
  next_.reserve(refs_.size());
  targetNodes_.reserve(refs_.size());
  for (const Reference& reference : refs_) {
    if (reference.node != nullptr) targetNodes_.insert(reference.node, 0);
    const Reference* following = reference.node != nullptr ? heldBy(*reference.node) : nullptr;
    next_.push_back(following == nullptr ? kNoReference
                                         : static_cast<std::uint32_t>(following - refs_.data()));
  }
  std::sort(sortedTargets_.begin(), sortedTargets_.end());
  sortedTargets_.erase(std::unique(sortedTargets_.begin(), sortedTargets_.end()),
                       sortedTargets_.end());
}

std::optional<std::string> RefIndex::writtenLocation(std::string pointer) const {
  constexpr int maxHops = 64;
  for (int hop = 0; hop < maxHops; ++hop) {
    const Reference* through = nullptr;
    std::size_t end = 0;
    // Every proper prefix, shortest first: "" (the root), "/channels", "/channels/alias", ...
    for (std::size_t slash = 0; slash < pointer.size(); slash = pointer.find('/', slash + 1)) {
      through = at(std::string_view(pointer).substr(0, slash));
      if (through != nullptr) {
        end = slash;
        break;
      }
    }
    if (through == nullptr) return pointer;
    if (through->kind != RefKind::local) return std::nullopt;
    pointer = through->target + pointer.substr(end);
  }
  return std::nullopt;
}

bool RefIndex::isReferenced(std::string_view pointer) const {
  const auto it = std::lower_bound(sortedTargets_.begin(), sortedTargets_.end(), pointer);
  for (auto candidate = it; candidate != sortedTargets_.end() && candidate->starts_with(pointer);
       ++candidate) {
    if (candidate->size() == pointer.size() || (*candidate)[pointer.size()] == '/') return true;
  }
  return false;
}

const Reference* RefIndex::heldBy(const json& holder) const {
  const std::uint32_t* index = byHolder_.find(&holder);
  return index != nullptr ? &refs_[*index] : nullptr;
}

const Reference* RefIndex::next(const Reference& reference) const {
  const std::uint32_t index = next_[static_cast<std::size_t>(&reference - refs_.data())];
  return index == kNoReference ? nullptr : &refs_[index];
}

const Reference* RefIndex::at(std::string_view pointer) const {
  const auto it = byLocation_.find(pointer);
  return it == byLocation_.end() ? nullptr : &refs_[it->second];
}

std::vector<std::size_t> RefIndex::within(std::string_view pointer) const {
  std::vector<std::size_t> indexes;
  const auto first =
      std::lower_bound(refs_.begin(), refs_.end(), pointer,
                       [](const Reference& r, std::string_view p) { return r.at < p; });
  for (auto it = first; it != refs_.end(); ++it) {
    const std::string_view at = it->at;
    if (!at.starts_with(pointer)) break;
    if (at.size() > pointer.size() && at[pointer.size()] != '/') continue;
    indexes.push_back(static_cast<std::size_t>(it - refs_.begin()));
  }
  return indexes;
}

}  // namespace asynclint::model
