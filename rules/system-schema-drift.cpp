// For one address and message, the producer's payload or headers cannot satisfy the consumer's.
#include <fmt/format.h>

#include "system/drift.hpp"
#include "system/system_rule.hpp"

namespace asynclint::system {
namespace {

class SystemSchemaDrift final : public SystemRule {
 public:
  SystemSchemaDrift()
      : SystemRule("system-schema-drift", Severity::error,
                   "A consumer's message schema asks what its producer does not "
                   "guarantee") {}

  void checkSystem(SystemContext& context) const override {
    const auto& services = context.services();
    for (std::size_t s = 0; s < services.size(); ++s) {
      for (const auto& operation : services[s].operations) {
        if (operation.action != Action::receive) continue;
        for (const auto& producer : context.addresses().endpoints(operation.address, Action::send))
          compareMessages(context, {s, operation.pointer}, operation, producer);
      }
    }
  }

 private:
  static void compareMessages(SystemContext& context, const ServicePlace& at,
                              const OperationModel& consumer, const Endpoint& producerEndpoint) {
    const auto& services = context.services();
    const ServiceModel& consumerService = services[at.service];
    const ServiceModel& producerService = services[producerEndpoint.service];
    const OperationModel& producer = producerService.operations[producerEndpoint.operation];
    const ServicePlace producerPlace{producerEndpoint.service, producer.pointer};
    for (const auto& wanted : consumer.messages) {
      for (const auto& sent : producer.messages) {
        if (sent.name != wanted.name) continue;
        for (const char* part : {"payload", "headers"}) {
          const auto problems = messageDrift(producerService, sent, consumerService, wanted, part);
          for (const auto& problem : problems) {
            context.report(
                at,
                fmt::format("schema drift on '{}', message '{}': {}; the producer is {} ({})",
                            consumer.address, wanted.name, problem, producerService.name,
                            context.where(producerPlace)),
                {{producerPlace,
                  fmt::format("{} sends '{}' here", producerService.name, wanted.name)}});
          }
        }
      }
    }
  }
};

}  // namespace
}  // namespace asynclint::system

ASYNCLINT_REGISTER_SYSTEM_RULE(asynclint::system::SystemSchemaDrift)
