// A server whose host is a documentation placeholder or the local machine.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"
#include "text/strings.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

// The host name of an AsyncAPI 3 `host` ("broker:9092") or an AsyncAPI 2 `url`
// ("mqtt://user@broker:1883/path"), lowercased, without scheme, user, port or path.
std::string hostNameOf(std::string_view address) {
  std::string host = text::asciiLowercase(address);
  if (const auto scheme = host.find("://"); scheme != std::string::npos) host.erase(0, scheme + 3);
  host.resize(std::min(host.find_first_of("/?#"), host.size()));
  if (const auto user = host.rfind('@'); user != std::string::npos) host.erase(0, user + 1);
  if (host.starts_with('[')) {  // an IPv6 literal: [::1]:1883
    const auto close = host.find(']');
    return close == std::string::npos ? host.substr(1) : host.substr(1, close - 1);
  }
  host.resize(std::min(host.find(':'), host.size()));
  if (host.ends_with('.')) host.pop_back();
  return host;
}

std::vector<std::string_view> labelsOf(std::string_view host) {
  std::vector<std::string_view> labels;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = host.find('.', start);
    labels.push_back(host.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels;
}

// 127.0.0.0/8, written as an IPv4 address (not a name such as 127.acme.io).
bool isIpv4Loopback(const std::vector<std::string_view>& labels) {
  return labels.size() == 4 && labels.front() == "127" &&
         std::all_of(labels.begin(), labels.end(), [](std::string_view label) {
           return !label.empty() && label.find_first_not_of("0123456789") == std::string_view::npos;
         });
}

// Why the host is not a real one, or nullopt.
std::optional<std::string> placeholderReason(std::string_view host) {
  const auto labels = labelsOf(host);
  if (labels.back() == "localhost" || isIpv4Loopback(labels) || host == "::1") {
    return "points to the local machine, which clients elsewhere cannot reach";
  }
  for (const auto label : labels) {
    if (label == "example") {
      return "points to a domain reserved for examples (RFC 2606): most likely a placeholder";
    }
  }
  return std::nullopt;
}

class ServerHostExample final : public DocumentRule {
 public:
  ServerHostExample()
      : DocumentRule(
            {.id = "server-host-example",
             .severity = Severity::warning,
             .recommended = false,
             .summary =
                 "A server's host is example.com, localhost or 127.0.0.1: probably a placeholder",
             .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    for (const auto& server : asyncapi::servers(context)) {
      for (const char* field : {"host", "url"}) {
        const auto address = server.node->find(field);
        if (address == server.node->end() || !address->is_string()) continue;
        const std::string& written = address->get_ref<const std::string&>();
        const auto reason = placeholderReason(hostNameOf(written));
        if (!reason) continue;
        context.report(
            pointer::append(server.pointer, field),
            fmt::format("{} {} '{}' {}; write the real {}, or a {{variable}} that "
                        "readers fill in",
                        asyncapi::describe("server", server), field, written, *reason, field));
      }
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::ServerHostExample)
