// A map from the nodes of one tree to small values, by address. Open addressing with linear
// probing, its size a power of two kept at most three quarters full, so that a lookup takes one
// or two probes: the loader records where every node of a tree is written (millions for a large
// document), and walks ask the reference index about every object they meet. std::unordered_map
// allocates a node per entry; this is one array.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace asynclint {

template <typename Value>
class NodeMap {
 public:
  // Room for `expected` entries before the first growth.
  explicit NodeMap(std::size_t expected = 0) { rehash(capacityFor(expected)); }

  // Sets the value of `node`, replacing the one it had.
  void assign(const nlohmann::json* node, Value value) {
    Slot& slot = slotFor(node);
    slot.value = std::move(value);
  }
  // Sets the value of `node` when it has none; keeps the first value given otherwise.
  void insert(const nlohmann::json* node, Value value) {
    const std::size_t before = size_;
    Slot& slot = slotFor(node);
    if (size_ != before) slot.value = std::move(value);
  }
  const Value* find(const nlohmann::json* node) const {
    const Slot& slot = slots_[indexOf(node)];
    return slot.node == nullptr ? nullptr : &slot.value;
  }
  void erase(const nlohmann::json* node) {
    std::size_t hole = indexOf(node);
    if (slots_[hole].node == nullptr) return;
    // Backward shift: move up each later entry of the run that may sit past its home slot, so
    // that no lookup ever stops at the hole before reaching its entry.
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t next = (hole + 1) & mask; slots_[next].node != nullptr;
         next = (next + 1) & mask) {
      const std::size_t home = homeOf(slots_[next].node);
      const bool homeOutsideRun =
          hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
      if (homeOutsideRun) {
        slots_[hole] = std::move(slots_[next]);
        hole = next;
      }
    }
    slots_[hole] = Slot{};
    --size_;
  }
  std::size_t size() const { return size_; }
  // Room for `entries` in all before the next growth.
  void reserve(std::size_t entries) {
    if (capacityFor(entries) > slots_.size()) rehash(capacityFor(entries));
  }

 private:
  struct Slot {
    const nlohmann::json* node = nullptr;
    Value value{};
  };

  static std::size_t capacityFor(std::size_t entries) {
    std::size_t capacity = 16;
    while (3 * capacity < 4 * entries)
      capacity *= 2;
    return capacity;
  }

  // Fibonacci hashing of the address: nodes allocated side by side land far apart.
  std::size_t homeOf(const nlohmann::json* node) const {
    return static_cast<std::size_t>(
        (reinterpret_cast<std::uintptr_t>(node) * std::uint64_t{0x9E3779B97F4A7C15ULL}) >>
        (64 - bits_));
  }

  // The slot holding `node`, or the empty slot where it would go.
  std::size_t indexOf(const nlohmann::json* node) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t index = homeOf(node);
    while (slots_[index].node != nullptr && slots_[index].node != node)
      index = (index + 1) & mask;
    return index;
  }

  // The slot of `node`, made (and counted) when it had none.
  Slot& slotFor(const nlohmann::json* node) {
    if (4 * (size_ + 1) > 3 * slots_.size()) rehash(slots_.size() * 2);
    Slot& slot = slots_[indexOf(node)];
    if (slot.node == nullptr) {
      slot.node = node;
      ++size_;
    }
    return slot;
  }

  void rehash(std::size_t capacity) {
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    bits_ = 0;
    while ((std::size_t{1} << bits_) < capacity)
      ++bits_;
    for (Slot& slot : old) {
      if (slot.node != nullptr) slots_[indexOf(slot.node)] = std::move(slot);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  unsigned bits_ = 0;
};

}  // namespace asynclint
