// A thread joined when it goes out of scope, as std::jthread (without its stop token), which the
// libc++ of emscripten 3.1.6 (the WebAssembly build) lacks. Internal to src/app/.
#pragma once

#include <thread>
#include <utility>

namespace asynclint {

class JoiningThread {
 public:
  template <typename Function>
  explicit JoiningThread(Function&& function) : thread_(std::forward<Function>(function)) {}
  JoiningThread(JoiningThread&&) noexcept = default;
  JoiningThread& operator=(JoiningThread&&) = delete;
  JoiningThread(const JoiningThread&) = delete;
  JoiningThread& operator=(const JoiningThread&) = delete;
  ~JoiningThread() {
    if (thread_.joinable()) thread_.join();
  }
  void join() { thread_.join(); }

 private:
  std::thread thread_;
};

}  // namespace asynclint
