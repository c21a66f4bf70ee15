#include "schema/failure_tree.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/constraints/constraint_visitor.hpp>
#include <valijson/validation_visitor.hpp>

#include "schema/phrasing.hpp"
#include "source/json_pointer.hpp"
#include "text/ecma_regex.hpp"
#include "text/suggest.hpp"

namespace asynclint::schema {
namespace {

using nlohmann::json;
using valijson::Subschema;
using valijson::adapters::NlohmannJsonAdapter;
namespace vc = valijson::constraints;
using SingleCheck = valijson::ValidationVisitor<NlohmannJsonAdapter>;

std::string typeName(vc::TypeConstraint::JsonType type) {
  switch (type) {
    case vc::TypeConstraint::kArray:
      return "array";
    case vc::TypeConstraint::kBoolean:
      return "boolean";
    case vc::TypeConstraint::kInteger:
      return "integer";
    case vc::TypeConstraint::kNull:
      return "null";
    case vc::TypeConstraint::kNumber:
      return "number";
    case vc::TypeConstraint::kObject:
      return "object";
    case vc::TypeConstraint::kString:
      return "string";
    case vc::TypeConstraint::kAny:
      return "any";
  }
  return "any";
}

bool requiresRef(const Subschema& schema) {
  bool found = false;
  Subschema::ApplyFunction check = [&](const vc::Constraint& constraint) {
    if (const auto* required = dynamic_cast<const vc::RequiredConstraint*>(&constraint)) {
      required->applyToRequiredProperties([&](const auto& name) {
        if (std::string(name.c_str()) == "$ref") found = true;
        return true;
      });
    }
    return true;
  };
  schema.apply(check);
  return found;
}

class Collector final : public vc::ConstraintVisitor {
 public:
  Collector(const json& node, const std::string& pointer, WalkContext& context,
            std::vector<Failure>& out)
      : node_(node), pointer_(pointer), context_(context), out_(out) {}

  bool visit(const vc::AllOfConstraint& constraint) override {
    constraint.applyToSubschemas([&](unsigned, const Subschema* schema) {
      append(collectFailures(*schema, node_, pointer_, context_));
      return true;
    });
    return true;
  }

  bool visit(const vc::AnyOfConstraint& constraint) override {
    Failure failure = branchesOf(constraint);
    const bool anyMatched = std::any_of(failure.branches.begin(), failure.branches.end(),
                                        [](const auto& branch) { return branch.failures.empty(); });
    if (!anyMatched) out_.push_back(std::move(failure));
    return true;
  }

  bool visit(const vc::OneOfConstraint& constraint) override {
    Failure failure = branchesOf(constraint);
    const auto matched = std::count_if(failure.branches.begin(), failure.branches.end(),
                                       [](const auto& branch) { return branch.failures.empty(); });
    // Subtypes that extend their base through the base itself cannot be told apart by
    // validation: several of them matching is not an ambiguity the schema's author can fix.
    const bool throughCycle = std::any_of(
        failure.branches.begin(), failure.branches.end(),
        [](const auto& branch) { return branch.failures.empty() && branch.throughCycle; });
    if (matched == 0) {
      out_.push_back(std::move(failure));
    } else if (matched > 1 && !throughCycle) {
      add(FailureKind::manyBranches,
          fmt::format("{} matches more than one of the forms allowed here, so it is ambiguous",
                      name()));
    }
    return true;
  }

  bool visit(const vc::ConditionalConstraint& constraint) override {
    SingleCheck ifCheck(NlohmannJsonAdapter(node_), {}, true, nullptr, context_.regexCache);
    const Subschema* branch = ifCheck.validateSchema(*constraint.getIfSubschema())
                                  ? constraint.getThenSubschema()
                                  : constraint.getElseSubschema();
    if (branch != nullptr) append(collectFailures(*branch, node_, pointer_, context_));
    return true;
  }

  bool visit(const vc::PropertiesConstraint& constraint) override {
    if (!node_.is_object()) return true;
    std::vector<std::pair<std::string, const Subschema*>> properties;
    constraint.applyToProperties([&](const auto& propertyName, const Subschema* schema) {
      properties.emplace_back(propertyName.c_str(), schema);
      return true;
    });
    std::vector<std::pair<std::string, const Subschema*>> patterns;
    constraint.applyToPatternProperties([&](const auto& pattern, const Subschema* schema) {
      patterns.emplace_back(pattern.c_str(), schema);
      return true;
    });
    for (const auto& [key, value] : node_.items()) {
      const std::string childPointer = pointer::append(pointer_, key);
      bool matched = false;
      for (const auto& [propertyName, schema] : properties) {
        if (propertyName != key) continue;
        matched = true;
        append(collectFailures(*schema, value, childPointer, context_));
      }
      for (const auto& [pattern, schema] : patterns) {
        if (!regex::search(pattern, key)) continue;
        matched = true;
        append(collectFailures(*schema, value, childPointer, context_));
      }
      if (matched) continue;
      if (const Subschema* additional = constraint.getAdditionalPropertiesSubschema()) {
        append(collectFailures(*additional, value, childPointer, context_));
      } else {
        reportUnknownProperty(key, childPointer, properties);
      }
    }
    return true;
  }

  bool visit(const vc::RequiredConstraint& constraint) override {
    if (!node_.is_object()) return true;
    constraint.applyToRequiredProperties([&](const auto& propertyName) {
      const std::string required(propertyName.c_str());
      if (!node_.contains(required)) {
        const std::string where =
            pointer_.empty() ? "" : " in " + pointer::displayPath(context_.documentRoot, pointer_);
        add(FailureKind::required, fmt::format("missing required property '{}'{}", required, where),
            Anchor::key, {required});
      }
      return true;
    });
    return true;
  }

  bool visit(const vc::SingularItemsConstraint& constraint) override {
    if (!node_.is_array()) return true;
    for (std::size_t i = 0; i < node_.size(); ++i) {
      append(collectFailures(*constraint.getItemsSubschema(), node_[i],
                             pointer::append(pointer_, i), context_));
    }
    return true;
  }

  bool visit(const vc::LinearItemsConstraint& constraint) override {
    if (!node_.is_array()) return true;
    constraint.applyToItemSubschemas([&](unsigned index, const Subschema* schema) {
      if (index < node_.size()) {
        append(collectFailures(*schema, node_[index], pointer::append(pointer_, index), context_));
      }
      return true;
    });
    const std::size_t listed = constraint.getItemSubschemaCount();
    const Subschema* additional = constraint.getAdditionalItemsSubschema();
    for (std::size_t i = listed; i < node_.size(); ++i) {
      if (additional == nullptr) {
        add(FailureKind::limit,
            fmt::format("{} must have at most {} items; found {}", name(), listed, node_.size()));
        break;
      }
      append(collectFailures(*additional, node_[i], pointer::append(pointer_, i), context_));
    }
    return true;
  }

  bool visit(const vc::TypeConstraint& constraint) override {
    if (passes(constraint)) return true;
    std::vector<std::string> names;
    constraint.applyToNamedTypes([&](vc::TypeConstraint::JsonType type) {
      names.push_back(typeName(type));
      return true;
    });
    add(FailureKind::type, typeMessage(names), Anchor::value, names);
    return true;
  }

  bool visit(const vc::EnumConstraint& constraint) override {
    if (passes(constraint)) return true;
    std::vector<const valijson::adapters::FrozenValue*> frozen;
    constraint.applyToValues([&](const valijson::adapters::FrozenValue& value) {
      frozen.push_back(&value);
      return true;
    });
    std::vector<std::string> allowed;
    for (const auto& value : context_.enums.enumValues(frozen))
      allowed.push_back(literal(value));
    add(FailureKind::enumeration, allowedMessage(allowed), Anchor::value, allowed);
    return true;
  }

  bool visit(const vc::ConstConstraint& constraint) override {
    if (passes(constraint)) return true;
    std::vector<std::string> allowed;
    if (auto value = context_.enums.constValue(*constraint.getValue()))
      allowed.push_back(literal(*value));
    add(FailureKind::constant, allowedMessage(allowed), Anchor::value, allowed);
    return true;
  }

  bool visit(const vc::PatternConstraint& constraint) override {
    if (passes(constraint)) return true;
    std::string pattern;
    constraint.getPattern(pattern);
    add(FailureKind::pattern, fmt::format("{} must match the pattern '{}'; found {}", name(),
                                          pattern, describeFound(node_)));
    return true;
  }

  bool visit(const vc::FormatConstraint& constraint) override {
    if (passes(constraint)) return true;
    add(FailureKind::format,
        fmt::format("{} must be {}; found {}", name(), formatWanted(constraint.getFormat()),
                    describeFound(node_)));
    return true;
  }

  // What a value of `format` looks like, in words.
  static std::string formatWanted(const std::string& format) {
    if (format == "uri") return "an absolute URI, such as 'https://example.com/path'";
    if (format == "email") return "an email address, such as 'team@example.com'";
    return "a valid " + format;
  }

  bool visit(const vc::MaximumConstraint& constraint) override {
    return limit(constraint, constraint.getExclusiveMaximum() ? "less than" : "at most",
                 fmt::format("{}", constraint.getMaximum()));
  }
  bool visit(const vc::MinimumConstraint& constraint) override {
    return limit(constraint, constraint.getExclusiveMinimum() ? "greater than" : "at least",
                 fmt::format("{}", constraint.getMinimum()));
  }
  bool visit(const vc::MaxItemsConstraint& constraint) override {
    return limit(constraint, "at most", fmt::format("{} items", constraint.getMaxItems()));
  }
  bool visit(const vc::MinItemsConstraint& constraint) override {
    return limit(constraint, "at least", fmt::format("{} items", constraint.getMinItems()));
  }
  bool visit(const vc::MaxLengthConstraint& constraint) override {
    return limit(constraint, "at most",
                 fmt::format("{} characters long", constraint.getMaxLength()));
  }
  bool visit(const vc::MinLengthConstraint& constraint) override {
    return limit(constraint, "at least",
                 fmt::format("{} characters long", constraint.getMinLength()));
  }
  bool visit(const vc::MaxPropertiesConstraint& constraint) override {
    return limit(constraint, "at most",
                 fmt::format("{} properties", constraint.getMaxProperties()));
  }
  bool visit(const vc::MinPropertiesConstraint& constraint) override {
    return limit(constraint, "at least",
                 fmt::format("{} properties", constraint.getMinProperties()));
  }
  bool visit(const vc::MultipleOfDoubleConstraint& constraint) override {
    return generic(constraint, fmt::format("must be a multiple of {}; found {}",
                                           constraint.getDivisor(), describeFound(node_)));
  }
  bool visit(const vc::MultipleOfIntConstraint& constraint) override {
    return generic(constraint, fmt::format("must be a multiple of {}; found {}",
                                           constraint.getDivisor(), describeFound(node_)));
  }
  bool visit(const vc::UniqueItemsConstraint& constraint) override {
    return generic(constraint, "must not contain the same item twice");
  }
  bool visit(const vc::NotConstraint& constraint) override {
    if (passes(constraint)) return true;
    add(FailureKind::notAllowed, fmt::format("{} has a form that is not allowed here", name()));
    return true;
  }
  bool visit(const vc::ContainsConstraint& constraint) override {
    return generic(constraint, "must contain an item that matches the schema's `contains`");
  }
  bool visit(const vc::DependenciesConstraint& constraint) override {
    return generic(constraint, "does not satisfy the schema's `dependencies`");
  }
  bool visit(const vc::PropertyNamesConstraint& constraint) override {
    return generic(constraint, "has a property name that the schema's `propertyNames` rejects");
  }
  bool visit(const vc::PolyConstraint& constraint) override {
    return generic(constraint, "does not satisfy a custom constraint");
  }

 private:
  template <typename Constraint>
  bool passes(const Constraint& constraint) {
    SingleCheck check(NlohmannJsonAdapter(node_), {}, true, nullptr, context_.regexCache);
    return check.visit(constraint);
  }

  template <typename Constraint>
  bool limit(const Constraint& constraint, std::string_view relation, const std::string& bound) {
    if (passes(constraint)) return true;
    const std::string found = node_.is_array()    ? fmt::format("{} items", node_.size())
                              : node_.is_object() ? fmt::format("{} properties", node_.size())
                              : node_.is_string()
                                  ? fmt::format("{} characters", node_.get<std::string>().size())
                                  : describeFound(node_);
    add(FailureKind::limit,
        fmt::format("{} must be {} {}; found {}", name(), relation, bound, found));
    return true;
  }

  template <typename Constraint>
  bool generic(const Constraint& constraint, std::string_view what) {
    if (passes(constraint)) return true;
    add(FailureKind::other, fmt::format("{} {}", name(), what));
    return true;
  }

  template <typename Constraint>
  Failure branchesOf(const Constraint& constraint) {
    Failure failure;
    failure.kind = FailureKind::noBranch;
    failure.pointer = pointer_;
    constraint.applyToSubschemas([&](unsigned, const Subschema* schema) {
      const std::size_t assumptionsBefore = context_.cycleAssumptions;
      auto failures = collectFailures(*schema, node_, pointer_, context_);
      failure.branches.push_back({requiresRef(*schema),
                                  context_.cycleAssumptions != assumptionsBefore,
                                  std::move(failures)});
      return true;
    });
    return failure;
  }

  void reportUnknownProperty(
      const std::string& key, const std::string& childPointer,
      const std::vector<std::pair<std::string, const Subschema*>>& properties) {
    std::vector<std::string> names;
    for (const auto& property : properties)
      names.push_back(property.first);
    const std::string where = pointer_.empty()
                                  ? "at the document root"
                                  : "in " + pointer::displayPath(context_.documentRoot, pointer_);
    std::string message = fmt::format("unknown property '{}' {}", key, where);
    if (auto suggestion = text::closest(key, names)) {
      message += fmt::format(" (did you mean '{}'?)", *suggestion);
    }
    Failure failure{FailureKind::unknownProperty, childPointer, Anchor::key,
                    std::move(message),           {},           {}};
    out_.push_back(std::move(failure));
  }

  std::string name() const { return nodeName(context_.documentRoot, pointer_); }

  std::string typeMessage(const std::vector<std::string>& names) const {
    return fmt::format("{} must be {}; found {}", name(), typeList(names), describeFound(node_));
  }

  std::string allowedMessage(const std::vector<std::string>& allowed) const {
    if (allowed.empty())
      return fmt::format("{} has a value that is not allowed: {}", name(), describeFound(node_));
    return fmt::format("{} must be {}; found {}", name(), allowedValues(allowed),
                       describeFound(node_));
  }

  void add(FailureKind kind, std::string message, Anchor anchor = Anchor::value,
           std::vector<std::string> expected = {}) {
    out_.push_back(Failure{kind, pointer_, anchor, std::move(message), std::move(expected), {}});
  }

  void append(std::vector<Failure> failures) {
    for (auto& failure : failures)
      out_.push_back(std::move(failure));
  }

  const json& node_;
  const std::string& pointer_;
  WalkContext& context_;
  std::vector<Failure>& out_;
};

}  // namespace

std::vector<Failure> collectFailures(const Subschema& schema, const json& node,
                                     const std::string& pointer, WalkContext& context) {
  std::vector<Failure> failures;
  if (schema.getAlwaysInvalid()) {
    failures.push_back(Failure{
        FailureKind::notAllowed, pointer, Anchor::value, "this value is not allowed here", {}, {}});
    return failures;
  }
  const std::pair<const Subschema*, std::string> visit{&schema, pointer};
  if (std::find(context.open.begin(), context.open.end(), visit) != context.open.end()) {
    ++context.cycleAssumptions;
    return failures;
  }
  context.open.push_back(visit);
  struct Close {
    std::vector<std::pair<const Subschema*, std::string>>& open;
    ~Close() { open.pop_back(); }
  } close{context.open};
  Collector collector(node, pointer, context, failures);
  Subschema::ApplyFunction visitEach = [&](const vc::Constraint& constraint) {
    constraint.accept(collector);
    return true;
  };
  schema.apply(visitEach);
  return failures;
}

}  // namespace asynclint::schema
