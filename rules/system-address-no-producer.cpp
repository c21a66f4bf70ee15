// An address that some service receives from and no service of the system sends to.
#include <fmt/format.h>

#include "system/system_rule.hpp"

namespace asynclint::system {
namespace {

class SystemAddressNoProducer final : public SystemRule {
 public:
  SystemAddressNoProducer()
      : SystemRule("system-address-no-producer", Severity::warning,
                   "A service receives from an address that no service sends to") {}

  void checkSystem(SystemContext& context) const override {
    const auto& services = context.services();
    for (const auto& [s, o] : unpaired(services, context.addresses(), Action::receive)) {
      const OperationModel& operation = services[s].operations[o];
      context.report({s, operation.pointer},
                     fmt::format("{} receives '{}' but no service of the system sends it (a "
                                 "consumer waiting on nothing)",
                                 services[s].name, operation.address));
    }
  }
};

}  // namespace
}  // namespace asynclint::system

ASYNCLINT_REGISTER_SYSTEM_RULE(asynclint::system::SystemAddressNoProducer)
