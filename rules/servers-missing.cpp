// A document that says nowhere where the application connects.
#include <fmt/format.h>

#include "engine/checks.hpp"
#include "engine/context.hpp"

namespace asynclint::engine {
namespace {

class ServersMissing final : public DocumentRule {
 public:
  ServersMissing()
      : DocumentRule({.id = "servers-missing",
                      .severity = Severity::warning,
                      .summary = "The document has no `servers`, or an empty `servers` object",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    // AsyncAPI 2 servers have a url, AsyncAPI 3 servers a host.
    const char* where = context.majorVersion() == 2 ? "url" : "host";
    requireField(context, "",
                 {.anyOf = {"servers"},
                  .missing = fmt::format("the document has no servers: add servers with the {} "
                                         "and protocol of the brokers the application connects to",
                                         where),
                  .empty = fmt::format("servers is empty: add the {} and protocol of the brokers "
                                       "the application connects to",
                                       where),
                  .emptyAnchor = Anchor::key});
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::ServersMissing)
