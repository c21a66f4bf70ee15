// libFuzzer harness for the loader: any bytes, as YAML or JSON, must load or be refused with
// findings; never a crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_limits.hpp"
#include "source/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  const asynclint::LoadResult loaded =
      asynclint::loadText("fuzz.yaml", std::move(text), asynclint::fuzz::limits());
  if (!loaded.document && loaded.diagnostics.empty()) __builtin_trap();  // refused without a word
  return 0;
}
