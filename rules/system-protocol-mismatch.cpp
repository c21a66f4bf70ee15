// One address used over different protocols by its producers and its consumers.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "system/system_rule.hpp"

namespace asynclint::system {
namespace {

bool shareAFamily(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& protocol) {
    return std::any_of(b.begin(), b.end(), [&](const std::string& other) {
      return protocolFamily(protocol) == protocolFamily(other);
    });
  });
}

std::string protocolsText(const std::vector<std::string>& protocols) {
  return fmt::format("{}", fmt::join(protocols, ", "));
}

class SystemProtocolMismatch final : public SystemRule {
 public:
  SystemProtocolMismatch()
      : SystemRule("system-protocol-mismatch", Severity::warning,
                   "Producers and consumers of an address use different protocols") {}

  void checkSystem(SystemContext& context) const override {
    const auto& services = context.services();
    for (std::size_t s = 0; s < services.size(); ++s) {
      for (const auto& operation : services[s].operations) {
        if (operation.action != Action::receive || operation.protocols.empty()) continue;
        for (const auto& [p, o] : context.addresses().endpoints(operation.address, Action::send)) {
          const OperationModel& producer = services[p].operations[o];
          if (producer.protocols.empty() || shareAFamily(operation.protocols, producer.protocols))
            continue;
          const ServicePlace producerPlace{p, producer.pointer};
          context.report(
              {s, operation.pointer},
              fmt::format("{} receives '{}' over {} but {} sends it over {} ({})", services[s].name,
                          operation.address, protocolsText(operation.protocols), services[p].name,
                          protocolsText(producer.protocols), context.where(producerPlace)),
              {{producerPlace, fmt::format("{} sends it here", services[p].name)}});
        }
      }
    }
  }
};

}  // namespace
}  // namespace asynclint::system

ASYNCLINT_REGISTER_SYSTEM_RULE(asynclint::system::SystemProtocolMismatch)
