// file:line:col: severity: message [rule], one finding a line, then a summary line.
#include <fmt/format.h>

#include "report/reporter.hpp"

namespace asynclint::report {
namespace {

constexpr std::string_view bold = "\033[1m";
constexpr std::string_view dim = "\033[2m";
constexpr std::string_view reset = "\033[0m";

std::string_view severityColor(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "\033[1;31m";
    case Severity::warning:
      return "\033[1;33m";
    case Severity::info:
      return "\033[1;36m";
    case Severity::hint:
      return "\033[1;34m";
  }
  return "";
}

std::string location(const std::string& file, const Range& range) {
  if (!range.known()) return file;
  return fmt::format("{}:{}:{}", file, range.start.line, range.start.column);
}

class TextReporter final : public Reporter {
 public:
  explicit TextReporter(const ReportOptions& options) : options_(options) {}

  void write(const RunReport& report, std::ostream& out) const override {
    for (const auto& diagnostic : report.diagnostics) {
      if (options_.quiet && diagnostic.severity != Severity::error) continue;
      out << paint(bold, location(diagnostic.file, diagnostic.range)) << ": "
          << paint(severityColor(diagnostic.severity), toString(diagnostic.severity)) << ": "
          << diagnostic.message << ' ' << paint(dim, "[" + diagnostic.rule + "]") << '\n';
      for (const auto& related : diagnostic.related) {
        out << "  " << paint(bold, location(related.file, related.range)) << ": "
            << paint(dim, "note") << ": " << related.message << '\n';
      }
    }
    if (!options_.quiet) out << summaryLine(report) << '\n';
  }

 private:
  std::string paint(std::string_view style, std::string_view text) const {
    if (!options_.color) return std::string(text);
    return fmt::format("{}{}{}", style, text, reset);
  }

  ReportOptions options_;
};

}  // namespace

std::unique_ptr<Reporter> makeTextReporter(const ReportOptions& options) {
  return std::make_unique<TextReporter>(options);
}

}  // namespace asynclint::report
