// A channel address that is not a plain address: query, fragment, stray braces, whitespace.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"
#include "text/strings.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

bool isWhitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// What is wrong with the braces of `text`: a `{` never closed, a `}` never opened, or a `{`
// inside another; nullopt when they pair up.
std::optional<std::string> braceProblem(const std::string& text) {
  bool open = false;
  for (const char c : text) {
    if (c == '{') {
      if (open) return "has a '{' inside another '{...}'";
      open = true;
    } else if (c == '}') {
      if (!open) return "has a '}' without a matching '{'";
      open = false;
    }
  }
  if (open) return "has a '{' that is never closed";
  return std::nullopt;
}

// The problems of one address, each a phrase that follows "address '...' of channel 'x'".
std::vector<std::string> addressProblems(const std::string& address) {
  std::vector<std::string> problems;
  const bool query = address.find('?') != std::string::npos;
  const bool fragment = address.find('#') != std::string::npos;
  if (query || fragment) {
    problems.push_back(fmt::format(
        "contains {}: an address must not carry query parameters or fragments; describe them "
        "in the channel's bindings",
        query && fragment ? "a query ('?') and a fragment ('#')"
        : query           ? "a query ('?')"
                          : "a fragment ('#')"));
  }
  if (address.size() > 1 && address.ends_with('/')) {
    problems.push_back("ends with '/': remove the trailing slash");
  }
  if (address.find("{}") != std::string::npos) {
    problems.push_back("has an empty parameter '{}': name the parameter, e.g. '{userId}'");
  }
  if (const auto braces = braceProblem(address)) problems.push_back(*braces);
  if (std::any_of(address.begin(), address.end(), isWhitespace)) {
    problems.push_back("contains whitespace");
  }
  return problems;
}

class ChannelAddressFormat final : public DocumentRule {
 public:
  ChannelAddressFormat()
      : DocumentRule({.id = "channel-address-format",
                      .severity = Severity::warning,
                      .summary = "A channel address has a query, fragment, trailing slash, bad "
                                 "braces or whitespace",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    if (context.majorVersion() == 2) {
      // AsyncAPI 2: the key of each channel is its address.
      forEachMember(context.root(), "/channels",
                    [&](const std::string& name, const std::string& at, const nlohmann::json&) {
                      for (const auto& problem : addressProblems(name)) {
                        context.report(at,
                                       text::oneLine(fmt::format("channel '{}' {}", name, problem)),
                                       Anchor::key);
                      }
                    });
      return;
    }
    for (const auto& channel : asyncapi::channels(context)) {
      const auto address = channel.node->find("address");
      if (address == channel.node->end() || !address->is_string()) continue;
      const std::string text = address->get<std::string>();
      const std::string at = pointer::append(channel.pointer, "address");
      for (const auto& problem : addressProblems(text)) {
        context.report(at,
                       text::oneLine(fmt::format("address '{}' of {} {}", text,
                                                 asyncapi::describe("channel", channel), problem)),
                       Anchor::value);
      }
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::ChannelAddressFormat)
