// An address that some service sends to and no service of the system receives from.
#include <fmt/format.h>

#include "system/system_rule.hpp"

namespace asynclint::system {
namespace {

class SystemAddressNoConsumer final : public SystemRule {
 public:
  SystemAddressNoConsumer()
      : SystemRule("system-address-no-consumer", Severity::warning,
                   "A service sends to an address that no service receives from") {}

  void checkSystem(SystemContext& context) const override {
    const auto& services = context.services();
    for (const auto& [s, o] : unpaired(services, context.addresses(), Action::send)) {
      const OperationModel& operation = services[s].operations[o];
      context.report({s, operation.pointer},
                     fmt::format("'{}' is sent by {} but no service of the system receives it "
                                 "(orphaned address)",
                                 operation.address, services[s].name));
    }
  }
};

}  // namespace
}  // namespace asynclint::system

ASYNCLINT_REGISTER_SYSTEM_RULE(asynclint::system::SystemAddressNoConsumer)
