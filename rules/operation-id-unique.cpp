// AsyncAPI 2: no two operations share an operationId.
#include "engine/asyncapi.hpp"

namespace asynclint::engine {
namespace {

class OperationIdUnique final : public Rule {
 public:
  OperationIdUnique()
      : Rule({"operation-id-unique",
              Severity::error,
              true,
              "Each operation's `operationId` must be unique in the document",
              Versions::v2,
              {}}) {}

  void check(RuleContext& context) const override {
    std::vector<std::string> operations;
    for (const auto& operation : asyncapi::operationsV2(context))
      operations.push_back(operation.pointer);
    asyncapi::reportRepeatedIds(context, std::move(operations), "operationId", "operation");
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::OperationIdUnique)
