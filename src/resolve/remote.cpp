#include "resolve/remote.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <memory>

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

}  // namespace

std::variant<std::string, FetchFailure> fetchUrl(const std::string& url, long timeoutSeconds,
                                                 std::size_t maxBytes) {
  static const bool initialized = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  if (!initialized) return FetchFailure{"the HTTP client could not start"};
  const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(),
                                                                 &curl_easy_cleanup);
  if (!curl) return FetchFailure{"the HTTP client could not start"};
  Download download;
  download.maxBytes = maxBytes;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, timeoutSeconds);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(maxBytes));
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, &receive);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &download);
  const CURLcode code = curl_easy_perform(curl.get());
  if (download.tooLarge || code == CURLE_FILESIZE_EXCEEDED)
    return FetchFailure{fmt::format("it is larger than {} bytes", maxBytes)};
  if (code == CURLE_OPERATION_TIMEDOUT)
    return FetchFailure{fmt::format("no complete answer within {} s", timeoutSeconds)};
  if (code != CURLE_OK) return FetchFailure{curl_easy_strerror(code)};
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300) return FetchFailure{fmt::format("HTTP status {}", status)};
  return std::move(download.body);
}

}  // namespace asynclint::resolve
