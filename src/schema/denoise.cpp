#include "schema/denoise.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <set>

#include "schema/phrasing.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::schema {
namespace {

using nlohmann::json;
using Branch = Failure::Branch;

std::size_t depth(const std::string& pointer) {
  return static_cast<std::size_t>(std::count(pointer.begin(), pointer.end(), '/'));
}

std::size_t deepest(const std::vector<Failure>& failures) {
  std::size_t result = 0;
  for (const auto& failure : failures)
    result = std::max(result, depth(failure.pointer));
  return result;
}

bool isSimpleAlternative(const Failure& failure, const std::string& at) {
  return failure.pointer == at && !failure.expected.empty() &&
         (failure.kind == FailureKind::type || failure.kind == FailureKind::constant ||
          failure.kind == FailureKind::enumeration);
}

// A node's type is wrong for a branch when the branch fails on the node's own type.
bool rejectsType(const Branch& branch, const std::string& at) {
  return std::any_of(branch.failures.begin(), branch.failures.end(), [&](const Failure& failure) {
    return failure.pointer == at && failure.kind == FailureKind::type;
  });
}

// The branches the node can have been meant for.
std::vector<const Branch*> candidates(const Failure& failure, const json& root) {
  std::vector<const Branch*> all;
  for (const auto& branch : failure.branches)
    all.push_back(&branch);
  const json* node = pointer::find(root, failure.pointer);
  const auto referenceCount =
      std::count_if(all.begin(), all.end(), [](const Branch* b) { return b->requiresRef; });
  if (node != nullptr && node->is_object() && referenceCount > 0 &&
      referenceCount < static_cast<std::ptrdiff_t>(all.size())) {
    const bool hasRef = node->contains("$ref");
    std::erase_if(all, [&](const Branch* branch) { return branch->requiresRef != hasRef; });
  }
  const bool someAcceptType = std::any_of(
      all.begin(), all.end(), [&](const Branch* b) { return !rejectsType(*b, failure.pointer); });
  if (someAcceptType)
    std::erase_if(all, [&](const Branch* b) { return rejectsType(*b, failure.pointer); });
  return all;
}

std::optional<Failure> mergedAlternatives(const Failure& failure,
                                          const std::vector<const Branch*>& branches,
                                          const json& root) {
  std::vector<std::string> types;
  std::vector<std::string> values;
  for (const Branch* branch : branches) {
    if (branch->failures.size() != 1 ||
        !isSimpleAlternative(branch->failures.front(), failure.pointer)) {
      return std::nullopt;
    }
    const Failure& only = branch->failures.front();
    auto& into = only.kind == FailureKind::type ? types : values;
    for (const auto& expected : only.expected) {
      if (std::find(into.begin(), into.end(), expected) == into.end()) into.push_back(expected);
    }
  }
  std::sort(values.begin(), values.end());
  const json* node = pointer::find(root, failure.pointer);
  std::string wanted;
  if (!types.empty()) wanted = typeList(types);
  if (!values.empty()) {
    if (!wanted.empty()) wanted += ", or ";
    wanted += allowedValues(values);
  }
  Failure merged;
  merged.kind = types.empty() ? FailureKind::enumeration : FailureKind::type;
  merged.pointer = failure.pointer;
  merged.message = fmt::format("{} must be {}; found {}", nodeName(root, failure.pointer), wanted,
                               node != nullptr ? describeFound(*node) : "nothing");
  return merged;
}

// When every branch rejects the value of the same property by const or enum (`is: routingKey`
// in one branch, `is: queue` in another), that property is the discriminator and its wrong value
// is the one real problem; the rest of each branch's complaints follow from it.
std::optional<Failure> mergedDiscriminator(const std::vector<const Branch*>& branches,
                                           const json& root) {
  std::vector<std::string> values;
  std::optional<std::string> at;
  for (const Branch* branch : branches) {
    const auto discriminator =
        std::find_if(branch->failures.begin(), branch->failures.end(), [&](const Failure& f) {
          return (f.kind == FailureKind::constant || f.kind == FailureKind::enumeration) &&
                 !f.expected.empty() && (!at || f.pointer == *at);
        });
    if (discriminator == branch->failures.end()) return std::nullopt;
    at = discriminator->pointer;
    for (const auto& expected : discriminator->expected) {
      if (std::find(values.begin(), values.end(), expected) == values.end())
        values.push_back(expected);
    }
  }
  // Branches of different binding versions list the same values in different orders.
  std::sort(values.begin(), values.end());
  const json* node = pointer::find(root, *at);
  Failure merged;
  merged.kind = FailureKind::enumeration;
  merged.pointer = *at;
  merged.expected = values;
  merged.message =
      fmt::format("{} must be {}; found {}", nodeName(root, *at), allowedValues(values),
                  node != nullptr ? describeFound(*node) : "nothing");
  return merged;
}

std::vector<Failure> resolveBranches(const Failure& failure, const json& root) {
  std::vector<const Branch*> branches = candidates(failure, root);
  if (branches.empty()) return {};
  if (branches.size() > 1) {
    if (auto merged = mergedAlternatives(failure, branches, root)) return {std::move(*merged)};
    if (auto merged = mergedDiscriminator(branches, root)) return {std::move(*merged)};
  }
  std::vector<std::vector<Failure>> resolved;
  for (const Branch* branch : branches)
    resolved.push_back(denoise(branch->failures, root));
  const auto best =
      std::max_element(resolved.begin(), resolved.end(), [](const auto& a, const auto& b) {
        const std::size_t depthA = deepest(a);
        const std::size_t depthB = deepest(b);
        if (depthA != depthB) return depthA < depthB;
        return a.size() > b.size();
      });
  return std::move(*best);
}

}  // namespace

std::vector<Failure> denoise(std::vector<Failure> failures, const json& root) {
  std::vector<Failure> result;
  for (auto& failure : failures) {
    if (failure.kind != FailureKind::noBranch) {
      result.push_back(std::move(failure));
      continue;
    }
    for (auto& resolved : resolveBranches(failure, root))
      result.push_back(std::move(resolved));
  }
  // A value outside an enum (`type: string` beside `enum: [...]`) fails the type too; the
  // allowed values say both.
  std::set<std::string> listed;
  for (const auto& failure : result) {
    if ((failure.kind == FailureKind::enumeration || failure.kind == FailureKind::constant) &&
        !failure.expected.empty()) {
      listed.insert(failure.pointer);
    }
  }
  std::erase_if(result, [&](const Failure& failure) {
    return failure.kind == FailureKind::type && listed.contains(failure.pointer);
  });
  return result;
}

}  // namespace asynclint::schema
