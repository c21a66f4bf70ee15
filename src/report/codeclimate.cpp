// GitLab Code Quality (a subset of the Code Climate issue format): a JSON array of issues with
// description, check_name, fingerprint, severity and location.path / location.lines.begin.
#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace asynclint::report {
namespace {

using nlohmann::ordered_json;

// Code Climate's scale: info, minor, major, critical, blocker.
std::string_view codeClimateSeverity(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "critical";
    case Severity::warning:
      return "major";
    case Severity::info:
      return "minor";
    case Severity::hint:
      return "info";
  }
  return "critical";
}

class CodeClimateReporter final : public Reporter {
 public:
  void write(const RunReport& report, std::ostream& out) const override {
    ordered_json issues = ordered_json::array();
    for (const auto& diagnostic : report.diagnostics) {
      // GitLab requires a line: a finding about a whole file is shown on its first line.
      const Range& range = diagnostic.range;
      const std::uint32_t begin = range.known() ? range.start.line : 1;
      const std::uint32_t end = range.end.line >= begin ? range.end.line : begin;
      issues.push_back({{"type", "issue"},
                        {"check_name", diagnostic.rule},
                        {"description", diagnostic.message},
                        {"categories", ordered_json::array({"Bug Risk"})},
                        {"fingerprint", fingerprint(diagnostic)},
                        {"severity", codeClimateSeverity(diagnostic.severity)},
                        {"location",
                         {{"path", relativePath(report, diagnostic.file)},
                          {"lines", {{"begin", begin}, {"end", end}}}}}});
    }
    out << issues.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  }
};

std::unique_ptr<Reporter> makeCodeClimateReporter(const ReportOptions&) {
  return std::make_unique<CodeClimateReporter>();
}

}  // namespace

ASYNCLINT_REGISTER_REPORTER({"codeclimate", "GitLab Code Quality (Code Climate JSON)",
                             makeCodeClimateReporter})
ASYNCLINT_REGISTER_REPORTER({"gitlab", "the same as codeclimate", makeCodeClimateReporter})

}  // namespace asynclint::report
