#include "app/process_end.hpp"

#include <mutex>
#include <vector>

namespace asynclint {
namespace {

struct Kept {
  std::mutex mutex;
  bool processEndsAfterCommand = false;
  std::vector<std::shared_ptr<const void>> values;
};

// Deliberately never destroyed: destroying it would free what it keeps, at exit.
Kept& kept() {
  static Kept* const instance = new Kept;
  return *instance;
}

}  // namespace

void declareProcessEndsAfterCommand() {
  const std::lock_guard lock(kept().mutex);
  kept().processEndsAfterCommand = true;
}

void keepUntilProcessEnd(std::shared_ptr<const void> value) {
  Kept& state = kept();
  const std::lock_guard lock(state.mutex);
  if (state.processEndsAfterCommand) state.values.push_back(std::move(value));
}

}  // namespace asynclint
