// Checkstyle XML, which many review tools (reviewdog, Jenkins warnings, SonarQube) import:
// a <file> per file asked for, an <error> per finding.
#include <fmt/format.h>

#include "report/reporter.hpp"
#include "report/xml.hpp"

namespace asynclint::report {
namespace {

// Checkstyle knows error, warning, info and ignore.
std::string_view checkstyleSeverity(Severity severity) {
  return severity == Severity::hint ? "info" : toString(severity);
}

class CheckstyleReporter final : public Reporter {
 public:
  void write(const RunReport& report, std::ostream& out) const override {
    out << xmlDeclaration << "<checkstyle version=\"4.3\">\n";
    for (const auto& file : report.files) {
      out << fmt::format("  <file name=\"{}\">\n", xmlEscaped(file.path));
      for (const auto& diagnostic : diagnosticsOf(report, file.path))
        out << error(diagnostic);
      out << "  </file>\n";
    }
    out << "</checkstyle>\n";
  }

 private:
  static std::string error(const Diagnostic& diagnostic) {
    std::string place;
    if (diagnostic.range.known()) {
      place = fmt::format(" line=\"{}\" column=\"{}\"", diagnostic.range.start.line,
                          diagnostic.range.start.column);
    }
    return fmt::format("    <error{} severity=\"{}\" message=\"{}\" source=\"asynclint.{}\"/>\n",
                       place, checkstyleSeverity(diagnostic.severity),
                       xmlEscaped(diagnostic.message), xmlEscaped(diagnostic.rule));
  }
};

std::unique_ptr<Reporter> makeCheckstyleReporter(const ReportOptions&) {
  return std::make_unique<CheckstyleReporter>();
}

}  // namespace

ASYNCLINT_REGISTER_REPORTER({"checkstyle", "Checkstyle XML (reviewdog, Jenkins, SonarQube)",
                             makeCheckstyleReporter})

}  // namespace asynclint::report
