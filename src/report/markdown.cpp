// A Markdown summary for pull-request comments and $GITHUB_STEP_SUMMARY: a heading with the
// counts, then a table of findings with links to the rules' docs.
#include <fmt/format.h>

#include "report/reporter.hpp"

namespace asynclint::report {
namespace {

// Text that stays literal inside a table cell: Markdown and HTML punctuation backslash-escaped
// (CommonMark allows it for any ASCII punctuation), line breaks as <br>.
std::string cellText(std::string_view text) {
  constexpr std::string_view special = "\\`*_[]<>|~&#!$";
  std::string escaped;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char character = text[i];
    if (character == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      escaped += "<br>";
    } else if (character == '\n') {
      escaped += "<br>";
    } else {
      if (special.find(character) != std::string_view::npos) escaped += '\\';
      escaped += character;
    }
  }
  return escaped;
}

std::string ruleCell(const RunReport& report, const std::string& rule) {
  const RuleMeta* meta = findRuleMeta(report, rule);
  if (meta == nullptr || meta->helpUri.empty()) return cellText(rule);
  return fmt::format("[{}]({})", cellText(rule), meta->helpUri);
}

class MarkdownReporter final : public Reporter {
 public:
  void write(const RunReport& report, std::ostream& out) const override {
    out << "### asynclint: " << summaryLine(report) << "\n\n";
    if (report.diagnostics.empty()) {
      out << "No problems found.\n";
      return;
    }
    out << "| Severity | File | Line | Rule | Message |\n|---|---|---|---|---|\n";
    for (const auto& diagnostic : report.diagnostics) {
      const std::string line =
          diagnostic.range.known()
              ? fmt::format("{}:{}", diagnostic.range.start.line, diagnostic.range.start.column)
              : "";
      out << fmt::format("| {} | {} | {} | {} | {} |\n", toString(diagnostic.severity),
                         cellText(relativePath(report, diagnostic.file)), line,
                         ruleCell(report, diagnostic.rule), cellText(diagnostic.message));
    }
  }
};

std::unique_ptr<Reporter> makeMarkdownReporter(const ReportOptions&) {
  return std::make_unique<MarkdownReporter>();
}

}  // namespace

ASYNCLINT_REGISTER_REPORTER({"markdown",
                             "a Markdown table for pull-request comments and job summaries",
                             makeMarkdownReporter, true})

}  // namespace asynclint::report
