#include "resolve/remote.hpp"

#include <curl/curl.h>
#include <dlfcn.h>
#include <fmt/format.h>

#include <memory>
#include <optional>

namespace asynclint::resolve {
namespace {

struct Download {
  std::string body;
  std::size_t maxBytes = 0;
  bool tooLarge = false;
};

std::size_t receive(char* data, std::size_t size, std::size_t count, void* user) {
  auto& download = *static_cast<Download*>(user);
  const std::size_t bytes = size * count;
  if (download.body.size() + bytes > download.maxBytes) {
    download.tooLarge = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  download.body.append(data, bytes);
  return bytes;
}

// libcurl and the thirty libraries it needs (TLS, Kerberos, LDAP...) take longer to map and
// relocate than checking a small document does; they are loaded on the first remote fetch.
struct Curl {
  decltype(&curl_global_init) globalInit;
  decltype(&curl_easy_init) init;
  decltype(&curl_easy_setopt) setopt;
  decltype(&curl_easy_perform) perform;
  decltype(&curl_easy_getinfo) getinfo;
  decltype(&curl_easy_strerror) strerror;
  decltype(&curl_easy_cleanup) cleanup;
};

template <typename Function>
bool bind(void* library, const char* name, Function& function) {
  function = reinterpret_cast<Function>(dlsym(library, name));
  return function != nullptr;
}

std::optional<Curl> loadCurl() {
  void* library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) return std::nullopt;
  Curl curl{};
  const bool complete = bind(library, "curl_global_init", curl.globalInit) &&
                        bind(library, "curl_easy_init", curl.init) &&
                        bind(library, "curl_easy_setopt", curl.setopt) &&
                        bind(library, "curl_easy_perform", curl.perform) &&
                        bind(library, "curl_easy_getinfo", curl.getinfo) &&
                        bind(library, "curl_easy_strerror", curl.strerror) &&
                        bind(library, "curl_easy_cleanup", curl.cleanup) &&
                        curl.globalInit(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  if (!complete) return std::nullopt;
  return curl;
}

}  // namespace

std::variant<std::string, FetchFailure> fetchUrl(const std::string& url, long timeoutSeconds,
                                                 std::size_t maxBytes) {
  static const std::optional<Curl> api = loadCurl();
  if (!api) {
    return FetchFailure{"remote references need libcurl (libcurl.so.4), which could not be loaded"};
  }
  const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(api->init(), api->cleanup);
  if (!curl) return FetchFailure{"the HTTP client could not start"};
  Download download;
  download.maxBytes = maxBytes;
  api->setopt(curl.get(), CURLOPT_URL, url.c_str());
  api->setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  api->setopt(curl.get(), CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  api->setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
  api->setopt(curl.get(), CURLOPT_MAXREDIRS, 5L);
  api->setopt(curl.get(), CURLOPT_TIMEOUT, timeoutSeconds);
  api->setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  api->setopt(curl.get(), CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(maxBytes));
  api->setopt(curl.get(), CURLOPT_WRITEFUNCTION, &receive);
  api->setopt(curl.get(), CURLOPT_WRITEDATA, &download);
  const CURLcode code = api->perform(curl.get());
  if (download.tooLarge || code == CURLE_FILESIZE_EXCEEDED)
    return FetchFailure{fmt::format("it is larger than {} bytes", maxBytes)};
  if (code == CURLE_OPERATION_TIMEDOUT)
    return FetchFailure{fmt::format("no complete answer within {} s", timeoutSeconds)};
  if (code != CURLE_OK) return FetchFailure{api->strerror(code)};
  long status = 0;
  api->getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300) return FetchFailure{fmt::format("HTTP status {}", status)};
  return std::move(download.body);
}

}  // namespace asynclint::resolve
