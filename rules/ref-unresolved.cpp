// A local $ref whose target does not exist.
#include <fmt/format.h>

#include "engine/context.hpp"
#include "source/json_pointer.hpp"
#include "text/suggest.hpp"

namespace asynclint::engine {
namespace {

class RefUnresolved final : public DocumentRule {
 public:
  RefUnresolved()
      : DocumentRule({.id = "ref-unresolved",
                      .severity = Severity::error,
                      .summary = "A local `$ref` points to nothing",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    for (const auto& reference : context.refs().all()) {
      const std::string at = pointer::append(reference.at, "$ref");
      if (reference.kind == RefKind::invalid && !reference.text.empty()) {
        context.report(
            at, fmt::format("'{}' is not a valid reference: after '#' must come a JSON pointer "
                            "such as '#/components/schemas/Order'",
                            reference.text));
      } else if (reference.kind == RefKind::local && !reference.resolved()) {
        context.report(at, explain(context, reference));
      }
    }
  }

 private:
  // Names the first step of the target that does not exist, with the closest existing name.
  static std::string explain(const RuleContext& context, const Reference& reference) {
    const auto tokens = pointer::split(reference.target).value_or(std::vector<std::string>{});
    std::string reached;
    for (const auto& token : tokens) {
      const auto parent = context.resolve(reached);
      if (!parent) {
        return fmt::format(
            "'{}' points to nothing: it passes through {}, which is itself a broken reference",
            reference.text, pointer::displayPath(context.root(), reached));
      }
      const std::string next = pointer::append(reached, token);
      if (parent->node->is_structured() && pointer::child(*parent->node, token)) {
        reached = next;
        continue;
      }
      std::string message = fmt::format(
          "'{}' points to nothing: there is no '{}' in {}", reference.text, token,
          reached.empty() ? "the document" : pointer::displayPath(context.root(), reached));
      if (parent->node->is_object()) {
        std::vector<std::string> keys;
        for (const auto& [key, value] : parent->node->items())
          keys.push_back(key);
        if (const auto suggestion = text::closest(token, keys)) {
          message += fmt::format(" (did you mean '{}'?)", *suggestion);
        }
      }
      return message;
    }
    return fmt::format("'{}' points to nothing", reference.text);
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::RefUnresolved)
