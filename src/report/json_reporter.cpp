// A JSON array of findings: file, rule, severity, message, pointer, start/end line and column
// (null when a finding concerns a whole file), and related locations.
#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace asynclint::report {
namespace {

using nlohmann::ordered_json;

ordered_json position(const Position& at) {
  if (at.line == 0) return nullptr;
  return ordered_json{{"line", at.line}, {"column", at.column}};
}

class JsonReporter final : public Reporter {
 public:
  void write(const RunReport& report, std::ostream& out) const override {
    ordered_json findings = ordered_json::array();
    for (const auto& diagnostic : report.diagnostics) {
      ordered_json related = ordered_json::array();
      for (const auto& location : diagnostic.related) {
        related.push_back({{"file", location.file},
                           {"pointer", location.pointer},
                           {"start", position(location.range.start)},
                           {"end", position(location.range.end)},
                           {"message", location.message}});
      }
      findings.push_back({{"file", diagnostic.file},
                          {"rule", diagnostic.rule},
                          {"severity", toString(diagnostic.severity)},
                          {"message", diagnostic.message},
                          {"pointer", diagnostic.pointer},
                          {"start", position(diagnostic.range.start)},
                          {"end", position(diagnostic.range.end)},
                          {"related", std::move(related)}});
    }
    out << findings.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  }
};

}  // namespace

std::unique_ptr<Reporter> makeJsonReporter(const ReportOptions&) {
  return std::make_unique<JsonReporter>();
}

}  // namespace asynclint::report
