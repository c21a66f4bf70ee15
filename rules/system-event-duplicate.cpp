// Possible duplicate events: one event sent to two addresses, or one message name sent with two
// different payloads by different services.
#include <fmt/format.h>

#include <map>
#include <set>

#include "system/drift.hpp"
#include "system/system_rule.hpp"

namespace asynclint::system {
namespace {

// One operation's use of a message.
struct Use {
  std::size_t service = 0;
  const OperationModel* operation = nullptr;
  const MessageModel* message = nullptr;
};

class SystemEventDuplicate final : public SystemRule {
 public:
  SystemEventDuplicate()
      : SystemRule("system-event-duplicate", Severity::info,
                   "The same event is sent to two addresses, or one message name "
                   "has two payloads") {}

  void checkSystem(SystemContext& context) const override {
    std::map<std::string, std::vector<Use>> byName;
    const auto& services = context.services();
    for (std::size_t s = 0; s < services.size(); ++s) {
      for (const auto& operation : services[s].operations) {
        for (const auto& message : operation.messages)
          byName[message.name].push_back({s, &operation, &message});
      }
    }
    for (const auto& [name, uses] : byName) {
      reportOtherAddresses(context, name, uses);
      reportOtherPayloads(context, name, uses);
    }
  }

 private:
  static void reportOtherAddresses(SystemContext& context, const std::string& name,
                                   const std::vector<Use>& uses) {
    const Use* first = nullptr;
    for (const auto& use : uses) {
      if (use.operation->action != Action::send) continue;
      if (first == nullptr) {
        first = &use;
        continue;
      }
      if (addressesMatch(use.operation->address, first->operation->address)) continue;
      const ServicePlace earlier{first->service, first->operation->pointer};
      context.report({use.service, use.operation->pointer},
                     fmt::format("event '{}' is sent to '{}' here and to '{}' by {} ({}): possible "
                                 "duplicate event",
                                 name, use.operation->address, first->operation->address,
                                 context.services()[first->service].name, context.where(earlier)),
                     {{earlier, fmt::format("'{}' is sent here", name)}});
    }
  }

  static void reportOtherPayloads(SystemContext& context, const std::string& name,
                                  const std::vector<Use>& uses) {
    const auto& services = context.services();
    const Use* first = nullptr;
    nlohmann::json firstPayload;
    std::set<std::size_t> reported;
    for (const auto& use : uses) {
      if (use.operation->action != Action::send || !use.message->payload) continue;
      const ServiceModel& service = services[use.service];
      nlohmann::json payload = canonicalSchema({*service.tree, service.at(*use.message->payload)});
      if (first == nullptr) {
        first = &use;
        firstPayload = std::move(payload);
        continue;
      }
      if (use.service == first->service || payload == firstPayload ||
          !reported.insert(use.service).second)
        continue;
      const ServicePlace earlier{first->service, first->operation->pointer};
      context.report({use.service, use.operation->pointer},
                     fmt::format("message '{}' has a different payload in {} ({}): possible "
                                 "duplicate event",
                                 name, services[first->service].name, context.where(earlier)),
                     {{earlier, fmt::format("the other '{}'", name)}});
    }
  }
};

}  // namespace
}  // namespace asynclint::system

ASYNCLINT_REGISTER_SYSTEM_RULE(asynclint::system::SystemEventDuplicate)
