// A system rule: a check over every service of a system at once (rules/<id>.cpp, documented and
// given fixtures like the other rules: testdata/rules/<id>/<case>/ is a folder of documents).
// System rules share the rule registry, so that configuration, `rules`, `explain` and the
// reporters know them; the per-document engine passes them over, and runSystemRules runs them.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "engine/rule.hpp"
#include "system/catalog.hpp"
#include "system/model.hpp"

namespace asynclint::system {

// A place in one service's resolved document.
struct ServicePlace {
  std::size_t service = 0;
  std::string pointer;
  Anchor anchor = Anchor::key;  // an operation is named by its key
};

// Where a place is written, placed in its file (file, pointer, range of a Diagnostic).
using Locator = std::function<Diagnostic(const ServicePlace&)>;

struct SystemNote {
  ServicePlace place;
  std::string message;
};

class SystemContext {
 public:
  SystemContext(const std::vector<ServiceModel>& services, const AddressIndex& addresses,
                const Locator& locate, const engine::RuleInfo& rule, std::vector<Diagnostic>& out);

  const std::vector<ServiceModel>& services() const { return services_; }
  const AddressIndex& addresses() const { return addresses_; }
  // "orders/producer.yaml:44", for naming another document in a message.
  std::string where(const ServicePlace& place) const;
  void report(const ServicePlace& place, std::string message, std::vector<SystemNote> notes = {});

 private:
  const std::vector<ServiceModel>& services_;
  const AddressIndex& addresses_;
  const Locator& locate_;
  const engine::RuleInfo& rule_;
  std::vector<Diagnostic>& out_;
};

class SystemRule : public engine::Rule {
 public:
  // System rules are on by default and read AsyncAPI 2.x and 3.x alike.
  SystemRule(std::string id, Severity severity, std::string summary);
  virtual void checkSystem(SystemContext& context) const = 0;
};

// Registers a system rule (its id in the rule registry, the rule among the system rules).
void registerSystemRule(std::unique_ptr<SystemRule> rule);
// Every registered system rule, sorted by id.
std::vector<const SystemRule*> allSystemRules();

// Runs the system rules that `enabled` accepts (all when it is empty) over `services`: findings
// placed by `locate`, at each rule's default severity.
std::vector<Diagnostic> runSystemRules(const std::vector<ServiceModel>& services,
                                       const Locator& locate,
                                       const std::function<bool(const std::string&)>& enabled = {});

}  // namespace asynclint::system

// Registers `Type` (default-constructible, derived from SystemRule) when the program starts.
#define ASYNCLINT_REGISTER_SYSTEM_RULE(Type)                                     \
  namespace {                                                                    \
  [[maybe_unused]] const bool ASYNCLINT_CONCAT(registered_, __LINE__) =          \
      (::asynclint::system::registerSystemRule(std::make_unique<Type>()), true); \
  }
