// Work that several rules of one document would each repeat (the walk of a JSONPath `..` descent
// over the whole tree, say), done once and shared: one memo per document run, safe to use from
// the threads that run its rules.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace asynclint::engine {

class DocumentMemo {
 public:
  // The value stored under `key`, made by `make()` (returning std::shared_ptr<const T>) the first
  // time. One key holds one type. Another rule asking meanwhile waits for the first to finish.
  template <typename T, typename Make>
  std::shared_ptr<const T> get(const std::string& key, Make&& make) {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(key);
    if (found == entries_.end())
      found = entries_.emplace(key, std::shared_ptr<const void>(make())).first;
    return std::static_pointer_cast<const T>(found->second);
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const void>> entries_;
};

}  // namespace asynclint::engine
