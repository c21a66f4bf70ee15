// JUnit XML, as CI servers (GitLab, Jenkins, Azure) show test reports: one testsuite per file,
// one testcase per rule that fired there, each finding a line of the failure; a file that could
// not be read or parsed is an <error>.
#include <fmt/format.h>

#include <map>

#include "report/reporter.hpp"
#include "report/style.hpp"
#include "report/xml.hpp"

namespace asynclint::report {
namespace {

std::string findingLine(const Diagnostic& diagnostic) {
  return fmt::format("{}: {}: {}", placeText(diagnostic.file, diagnostic.range),
                     toString(diagnostic.severity), diagnostic.message);
}

class JunitReporter final : public Reporter {
 public:
  void write(const RunReport& report, std::ostream& out) const override {
    std::size_t tests = 0;
    std::size_t failures = 0;
    std::size_t errors = 0;
    std::string suites;
    for (const auto& file : report.files) {
      std::map<std::string, std::vector<const Diagnostic*>> byRule;
      for (const auto& diagnostic : diagnosticsOf(report, file.path))
        byRule[diagnostic.rule].push_back(&diagnostic);
      suites += testSuite(file, byRule);
      tests += std::max<std::size_t>(1, byRule.size());
      (file.inputError ? errors : failures) += byRule.size();
    }
    out << xmlDeclaration
        << fmt::format(
               "<testsuites name=\"asynclint\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
               tests, failures, errors)
        << suites << "</testsuites>\n";
  }

 private:
  static std::string testSuite(
      const FileEntry& file, const std::map<std::string, std::vector<const Diagnostic*>>& byRule) {
    const std::string name = xmlEscaped(file.path);
    const std::size_t cases = std::max<std::size_t>(1, byRule.size());
    const std::size_t failed = file.inputError ? 0 : byRule.size();
    const std::size_t errored = file.inputError ? byRule.size() : 0;
    std::string suite =
        fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n", name,
                    cases, failed, errored);
    if (byRule.empty())
      suite += fmt::format("    <testcase name=\"asynclint\" classname=\"{}\"/>\n", name);
    for (const auto& [rule, diagnostics] : byRule) {
      std::string details;
      for (const auto* diagnostic : diagnostics)
        details += findingLine(*diagnostic) + '\n';
      const std::string_view element = file.inputError ? "error" : "failure";
      suite += fmt::format(
          "    <testcase name=\"{}\" classname=\"{}\">\n      <{} type=\"{}\" "
          "message=\"{}\">{}</{}>\n"
          "    </testcase>\n",
          xmlEscaped(rule), name, element, toString(diagnostics.front()->severity),
          xmlEscaped(diagnostics.front()->message), xmlEscaped(details), element);
    }
    return suite + "  </testsuite>\n";
  }
};

std::unique_ptr<Reporter> makeJunitReporter(const ReportOptions&) {
  return std::make_unique<JunitReporter>();
}

}  // namespace

ASYNCLINT_REGISTER_REPORTER({"junit",
                             "JUnit XML test report: a testsuite per file, a testcase per rule",
                             makeJunitReporter})

}  // namespace asynclint::report
