// GitHub Actions workflow commands, which the runner turns into annotations on the pull request:
// ::error file=F,line=L,col=C,endLine=L,endColumn=C,title=RULE::message
#include <fmt/format.h>

#include "report/reporter.hpp"
#include "report/style.hpp"

namespace asynclint::report {
namespace {

// GitHub's escaping of a command's message: '%' first, so that the escapes are not escaped.
std::string escapedData(std::string_view text) {
  std::string escaped;
  for (const char character : text) {
    switch (character) {
      case '%':
        escaped += "%25";
        break;
      case '\r':
        escaped += "%0D";
        break;
      case '\n':
        escaped += "%0A";
        break;
      default:
        escaped += character;
    }
  }
  return escaped;
}

// A property value also ends at ':' (the message) and ',' (the next property).
std::string escapedProperty(std::string_view text) {
  std::string escaped;
  for (const char character : escapedData(text)) {
    if (character == ':') {
      escaped += "%3A";
    } else if (character == ',') {
      escaped += "%2C";
    } else {
      escaped += character;
    }
  }
  return escaped;
}

std::string_view command(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
    case Severity::hint:
      return "notice";
  }
  return "error";
}

std::string properties(const RunReport& report, const Diagnostic& diagnostic) {
  std::string text = "file=" + escapedProperty(relativePath(report, diagnostic.file));
  const Range& range = diagnostic.range;
  if (range.known()) {
    text += fmt::format(",line={},col={}", range.start.line, range.start.column);
    if (range.end.line != 0)
      text += fmt::format(",endLine={},endColumn={}", range.end.line, range.end.column);
  }
  return text + ",title=" + escapedProperty(diagnostic.rule);
}

class GithubReporter final : public Reporter {
 public:
  void write(const RunReport& report, std::ostream& out) const override {
    for (const auto& diagnostic : report.diagnostics) {
      std::string message = diagnostic.message;
      for (const auto& related : diagnostic.related)
        message +=
            fmt::format("\n{}: {}", placeText(relativePath(report, related.file), related.range),
                        related.message);
      out << "::" << command(diagnostic.severity) << ' ' << properties(report, diagnostic)
          << "::" << escapedData(message) << '\n';
    }
  }
};

std::unique_ptr<Reporter> makeGithubReporter(const ReportOptions&) {
  return std::make_unique<GithubReporter>();
}

}  // namespace

ASYNCLINT_REGISTER_REPORTER({"github", "GitHub Actions annotations (workflow commands)",
                             makeGithubReporter})

}  // namespace asynclint::report
