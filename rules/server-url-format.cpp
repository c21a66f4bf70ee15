// A server `host` or `pathname` that does not have the shape AsyncAPI 3 gives them.
#include <fmt/format.h>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "source/json_pointer.hpp"
#include "text/strings.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

constexpr std::string_view kEmptyVariable =
    "has an empty variable '{}': name it and declare it in the server's variables";

// In AsyncAPI 3 the host is only a host name and port: the scheme is `protocol` and the path is
// `pathname`.
std::vector<std::string> hostProblems(const std::string& host) {
  std::vector<std::string> problems;
  std::string_view rest = host;
  if (const std::size_t scheme = rest.find("://"); scheme != std::string_view::npos) {
    const std::string_view withoutScheme = rest.substr(scheme + 3);
    problems.push_back(fmt::format(
        "includes a scheme ('{}'): the protocol belongs in 'protocol'; write the host as '{}'",
        rest.substr(0, scheme + 3), withoutScheme.substr(0, withoutScheme.find('/'))));
    rest = withoutScheme;
  }
  if (const std::size_t slash = rest.find('/'); slash != std::string_view::npos) {
    if (slash + 1 == rest.size()) {
      problems.push_back("ends with '/': remove the trailing slash");
    } else {
      problems.push_back(
          fmt::format("includes a path ('{}'): move it to 'pathname'", rest.substr(slash)));
    }
  }
  if (host.find("{}") != std::string::npos) problems.emplace_back(kEmptyVariable);
  return problems;
}

std::vector<std::string> pathnameProblems(const std::string& pathname) {
  std::vector<std::string> problems;
  if (!pathname.starts_with('/')) {
    problems.push_back(fmt::format("does not start with '/': write '/{}'", pathname));
  } else if (pathname.size() > 1 && pathname.ends_with('/')) {
    problems.push_back("ends with '/': remove the trailing slash");
  }
  if (pathname.find("{}") != std::string::npos) problems.emplace_back(kEmptyVariable);
  return problems;
}

class ServerUrlFormat final : public DocumentRule {
 public:
  ServerUrlFormat()
      : DocumentRule(
            {.id = "server-url-format",
             .severity = Severity::warning,
             .summary =
                 "A server `host` has a scheme, a path or a trailing slash, or its `pathname` is "
                 "malformed",
             .versions = Versions::v3}) {}

  void check(RuleContext& context) const override {
    for (const auto& server : asyncapi::servers(context)) {
      checkField(context, server, "host", hostProblems);
      checkField(context, server, "pathname", pathnameProblems);
    }
  }

 private:
  static void checkField(RuleContext& context, const asyncapi::Definition& server,
                         const char* field,
                         std::vector<std::string> (*problemsOf)(const std::string&)) {
    const auto value = server.node->find(field);
    if (value == server.node->end() || !value->is_string()) return;
    const std::string text = value->get<std::string>();
    for (const auto& problem : problemsOf(text)) {
      context.report(pointer::append(server.pointer, field),
                     text::oneLine(fmt::format("{} '{}' of {} {}", field, text,
                                               asyncapi::describe("server", server), problem)),
                     Anchor::value);
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::ServerUrlFormat)
