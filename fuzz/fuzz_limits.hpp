#pragma once

#include "source/loader.hpp"

namespace asynclint::fuzz {

// The loader's limits, but a smaller alias budget: under ASan, expanding the default 1,000,000
// nodes of an alias bomb takes over 10 s, so the fuzzer would report every bomb it builds as a
// timeout and spend its time on them. The code that enforces the budget is the same.
inline LoadLimits limits() {
  LoadLimits limits;
  limits.maxAliasNodes = 20'000;
  return limits;
}

}  // namespace asynclint::fuzz
