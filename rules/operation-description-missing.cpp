// An operation that says neither what it does nor why, itself or through its traits.
#include <fmt/format.h>

#include <string>

#include "engine/checks.hpp"
#include "engine/context.hpp"
#include "model/asyncapi.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

// A non-blank `description` or `summary` (one of the wrong type counts, see hasContent).
bool isDescribed(const nlohmann::json& object) {
  return asyncapi::hasContent(object, "description") || asyncapi::hasContent(object, "summary");
}

class OperationDescriptionMissing final : public DocumentRule {
 public:
  OperationDescriptionMissing()
      : DocumentRule(
            {.id = "operation-description-missing",
             .severity = Severity::warning,
             .summary =
                 "An operation has neither `description` nor `summary`, itself or from its traits",
             .versions = Versions::v3}) {}

  void check(RuleContext& context) const override {
    for (const auto& operation : asyncapi::operations(context)) {
      // What a trait gives, its operation has.
      if (asyncapi::someTraitMay(context, operation.pointer, [](const nlohmann::json& trait) {
            return trait.is_object() && isDescribed(trait);
          })) {
        continue;
      }
      requireField(context, operation.pointer,
                   {.anyOf = {"description", "summary"},
                    .missing = fmt::format("{} has neither description nor summary: say what it "
                                           "does and when it happens",
                                           asyncapi::describe("operation", operation))});
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::OperationDescriptionMissing)
