// Fetching a remote (`http`, `https`) reference, only when the user allows it.
#pragma once

#include <cstddef>
#include <string>
#include <variant>

namespace asynclint::resolve {

struct FetchFailure {
  std::string message;
};

// The body of `url`, or why it could not be fetched: a transport error, an HTTP status other
// than 2xx, more than `maxBytes`, or more than `timeoutSeconds` in all.
std::variant<std::string, FetchFailure> fetchUrl(const std::string& url, long timeoutSeconds,
                                                 std::size_t maxBytes);

}  // namespace asynclint::resolve
