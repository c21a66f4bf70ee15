#include "engine/checks.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "source/json_pointer.hpp"

namespace asynclint::engine {

void reportRepeatedIds(RuleContext& context, std::vector<std::string> owners,
                       std::string_view idKey, std::string_view what) {
  owners =
      context.inWrittenOrder(std::move(owners), [](const std::string& owner) { return owner; });
  std::unordered_map<std::string, std::string> firstOwner;
  for (const auto& owner : owners) {
    const std::string idPointer = pointer::append(owner, idKey);
    const nlohmann::json* id = context.at(idPointer);
    if (id == nullptr || !id->is_string()) continue;
    const auto [first, inserted] = firstOwner.try_emplace(id->get<std::string>(), owner);
    if (inserted) continue;
    context.report(idPointer,
                   fmt::format("{} '{}' is already used by {}: give each {} its own {}", idKey,
                               id->get<std::string>(),
                               pointer::displayPath(context.root(), first->second), what, idKey),
                   Anchor::value,
                   {RuleContext::note(pointer::append(first->second, idKey), "first used here")});
  }
}

}  // namespace asynclint::engine
