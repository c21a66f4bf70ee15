// fetchUrl for builds without libcurl (the WebAssembly build): the command line refuses
// --allow-remote there (main.cpp), and a configuration's allow-remote gets this answer per URL.
#include "resolve/remote.hpp"

namespace asynclint::resolve {

std::variant<std::string, FetchFailure> fetchUrl(const std::string& /*url*/,
                                                 long /*timeoutSeconds*/,
                                                 std::size_t /*maxBytes*/) {
  return FetchFailure{"remote references are not available in this build (WebAssembly)"};
}

}  // namespace asynclint::resolve
