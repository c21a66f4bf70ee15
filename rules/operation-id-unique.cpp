// AsyncAPI 2: no two operations share an operationId.
#include "engine/checks.hpp"
#include "engine/context.hpp"
#include "model/asyncapi.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

class OperationIdUnique final : public DocumentRule {
 public:
  OperationIdUnique()
      : DocumentRule({.id = "operation-id-unique",
                      .severity = Severity::error,
                      .summary = "Each operation's `operationId` must be unique in the document",
                      .versions = Versions::v2}) {}

  void check(RuleContext& context) const override {
    std::vector<std::string> operations;
    for (const auto& operation : asyncapi::operationsV2(context))
      operations.push_back(operation.pointer);
    reportRepeatedIds(context, std::move(operations), "operationId", "operation");
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::OperationIdUnique)
