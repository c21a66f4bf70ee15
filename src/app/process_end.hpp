// Large values that a command no longer needs once its output is written: freeing a resolved
// 10,000-channel tree node by node takes longer than comparing two of them (0.7 s of a 3.7 s
// `diff`), for memory that the operating system takes back at once when the process ends.
// Internal to src/app/ and main.
#pragma once

#include <memory>

namespace asynclint {

// Said by main: the process ends when the command returns. Until then (unit tests, which run
// many commands in one process), values handed to keepUntilProcessEnd are freed as usual.
void declareProcessEndsAfterCommand();

// Keeps `value` alive, never freed, when the process ends after the command; frees it now
// otherwise. The keeping list is reachable from a global, so leak checkers do not report it.
void keepUntilProcessEnd(std::shared_ptr<const void> value);

}  // namespace asynclint
