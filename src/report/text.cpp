// file:line:col: severity: message [rule], one finding a line, then a summary line.
#include "report/reporter.hpp"
#include "report/style.hpp"

namespace asynclint::report {
namespace {

class TextReporter final : public Reporter {
 public:
  explicit TextReporter(const ReportOptions& options) : options_(options) {}

  void write(const RunReport& report, std::ostream& out) const override {
    const Painter paint(options_.color);
    for (const auto& diagnostic : report.diagnostics) {
      out << paint(styleBold, placeText(diagnostic.file, diagnostic.range)) << ": "
          << paint(severityStyle(diagnostic.severity), toString(diagnostic.severity)) << ": "
          << indentedLines(diagnostic.message, "  ") << ' '
          << paint(styleDim, "[" + diagnostic.rule + "]") << '\n';
      for (const auto& related : diagnostic.related) {
        out << "  " << paint(styleBold, placeText(related.file, related.range)) << ": "
            << paint(styleDim, "note") << ": " << related.message << '\n';
      }
    }
    if (!options_.quiet) out << summaryLine(report) << '\n';
  }

 private:
  ReportOptions options_;
};

std::unique_ptr<Reporter> makeTextReporter(const ReportOptions& options) {
  return std::make_unique<TextReporter>(options);
}

}  // namespace

ASYNCLINT_REGISTER_REPORTER({"text", "file:line:col: severity: message [rule] (the default)",
                             makeTextReporter, true})

}  // namespace asynclint::report
