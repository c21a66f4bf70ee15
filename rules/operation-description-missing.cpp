// An operation that says neither what it does nor why, itself or through its traits.
#include <fmt/format.h>

#include <string>

#include "engine/asyncapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {
namespace {

// A non-blank `description` or `summary`. One of the wrong type is the schema's finding and
// counts as present.
bool isDescribed(const nlohmann::json& object) {
  for (const char* key : {"description", "summary"}) {
    const auto member = object.find(key);
    if (member == object.end()) continue;
    if (!member->is_string()) return true;
    if (member->get_ref<const std::string&>().find_first_not_of(" \t\r\n") != std::string::npos) {
      return true;
    }
  }
  return false;
}

enum class TraitsVerdict { describe, silent, unknown };

// Whether one of the operation's traits brings a description or a summary. `unknown` when a
// trait is a broken reference: it may have been the one that did.
TraitsVerdict traitsDescribe(const RuleContext& context, const std::string& operation) {
  const std::string traitsPointer = pointer::append(operation, "traits");
  const nlohmann::json* traits = context.at(traitsPointer);
  if (traits == nullptr || !traits->is_array()) return TraitsVerdict::silent;
  for (std::size_t i = 0; i < traits->size(); ++i) {
    const auto trait = context.resolve(pointer::append(traitsPointer, i));
    if (!trait) return TraitsVerdict::unknown;
    if (trait->node->is_object() && isDescribed(*trait->node)) return TraitsVerdict::describe;
  }
  return TraitsVerdict::silent;
}

class OperationDescriptionMissing final : public Rule {
 public:
  OperationDescriptionMissing()
      : Rule({"operation-description-missing",
              Severity::warning,
              true,
              "An operation has neither `description` nor `summary`, itself or from its traits",
              Versions::v3,
              {}}) {}

  void check(RuleContext& context) const override {
    for (const auto& operation : asyncapi::operations(context)) {
      if (isDescribed(*operation.node)) continue;
      if (traitsDescribe(context, operation.pointer) != TraitsVerdict::silent) continue;
      context.report(
          operation.pointer,
          fmt::format(
              "{} '{}' has neither description nor summary: say what it "
              "does and when it happens",
              operation.pointer.starts_with("/components/") ? "component operation" : "operation",
              operation.key),
          Anchor::key);
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::OperationDescriptionMissing)
