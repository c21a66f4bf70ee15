// A document written for an older AsyncAPI version than the newest asynclint knows.
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "engine/context.hpp"
#include "schema/embedded_schemas.hpp"

namespace asynclint::engine {
namespace {

class AsyncapiLatestVersion final : public DocumentRule {
 public:
  AsyncapiLatestVersion()
      : DocumentRule(
            {.id = "asyncapi-latest-version",
             .severity = Severity::info,
             .recommended = false,
             .summary =
                 "The document uses an older AsyncAPI version than the newest asynclint knows",
             .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    const auto field = context.root().find("asyncapi");
    if (field == context.root().end() || !field->is_string()) return;
    const std::string& version = field->get_ref<const std::string&>();
    const auto& known = schema::embeddedSchemas();  // oldest first
    if (known.empty() || version == known.back().version) return;
    // An unknown version is the finding of `asyncapi-version`.
    const bool isKnown = std::any_of(known.begin(), known.end(),
                                     [&](const auto& schema) { return schema.version == version; });
    if (!isKnown) return;
    const std::string latest(known.back().version);
    const bool sameMajor =
        version.substr(0, version.find('.')) == latest.substr(0, latest.find('.'));
    context.report("/asyncapi",
                   fmt::format("AsyncAPI {} is not the latest version, {}{}", version, latest,
                               sameMajor ? ": a minor version, backward compatible, so updating "
                                           "the asyncapi field is usually all it takes"
                                         : ": moving to it is a migration (`asyncapi convert` "
                                           "of the AsyncAPI CLI does most of it)"));
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::AsyncapiLatestVersion)
