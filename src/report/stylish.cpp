// Findings grouped by file, each with a code frame: the line before, the offending line and a
// caret under the columns concerned. Colors on a terminal.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string_view>

#include "report/reporter.hpp"
#include "report/style.hpp"
#include "source/line_index.hpp"
#include "source/utf8.hpp"

namespace asynclint::report {
namespace {

// The source of one file and its line index, built once per file.
struct Source {
  std::string_view text;
  LineIndex lines;
  std::optional<std::string_view> line(std::uint32_t number) const {
    if (number == 0 || number > lines.lineCount()) return std::nullopt;
    return lines.lineText(text, number);
  }
};

// Spaces up to code point `column` of `line`, keeping its tabs so that the caret lines up.
std::string padTo(std::string_view line, std::uint32_t column) {
  std::string pad;
  std::uint32_t at = 1;
  for (const char byte : line) {
    if (at >= column) break;
    if ((static_cast<unsigned char>(byte) & 0xC0U) == 0x80U) continue;  // inside a code point
    pad += byte == '\t' ? '\t' : ' ';
    ++at;
  }
  return pad + std::string(column - std::min(column, at), ' ');
}

class StylishReporter final : public Reporter {
 public:
  explicit StylishReporter(const ReportOptions& options)
      : paint_(options.color), options_(options) {}

  void write(const RunReport& report, std::ostream& out) const override {
    for (const auto& file : report.files) {
      const auto findings = diagnosticsOf(report, file.path);
      if (findings.empty()) continue;
      out << paint_(styleBold, file.path) << '\n';
      const Source source{file.text, LineIndex(file.text)};
      for (const auto& diagnostic : findings)
        writeFinding(diagnostic, source, out);
      out << '\n';
    }
    if (!options_.quiet) out << summaryLine(report) << '\n';
  }

 private:
  void writeFinding(const Diagnostic& diagnostic, const Source& source, std::ostream& out) const {
    const std::string place =
        diagnostic.range.known()
            ? fmt::format("{}:{}", diagnostic.range.start.line, diagnostic.range.start.column)
            : "-";
    out << fmt::format("  {:<7}  ", place)
        << paint_(severityStyle(diagnostic.severity),
                  fmt::format("{:<7}", toString(diagnostic.severity)))
        << "  " << indentedLines(diagnostic.message, std::string(20, ' ')) << "  "
        << paint_(styleDim, diagnostic.rule) << '\n';
    if (diagnostic.range.known()) writeFrame(diagnostic.range, source, out);
    for (const auto& related : diagnostic.related) {
      out << "           " << paint_(styleDim, "note") << "  " << related.message << " ("
          << placeText(related.file, related.range) << ")\n";
    }
  }

  void writeFrame(const Range& range, const Source& source, std::ostream& out) const {
    const std::uint32_t number = range.start.line;
    const auto line = source.line(number);
    if (!line) return;
    const std::size_t width = fmt::format("{}", number).size();
    if (number > 1) {
      if (const auto before = source.line(number - 1))
        out << paint_(styleDim, fmt::format("    {:>{}} | ", number - 1, width)) << *before << '\n';
    }
    out << paint_(styleDim, fmt::format("    {:>{}} | ", number, width)) << *line << '\n';
    const auto length = static_cast<std::uint32_t>(utf8::countCodePoints(*line));
    std::uint32_t end = range.end.line == number ? range.end.column : length + 1;
    end = std::max(end, range.start.column + 1);
    out << paint_(styleDim, fmt::format("    {:>{}} | ", "", width))
        << padTo(*line, range.start.column)
        << paint_(severityStyle(Severity::error),
                  "^" + std::string(end - range.start.column - 1, '~'))
        << '\n';
  }

  Painter paint_;
  ReportOptions options_;
};

std::unique_ptr<Reporter> makeStylishReporter(const ReportOptions& options) {
  return std::make_unique<StylishReporter>(options);
}

}  // namespace

ASYNCLINT_REGISTER_REPORTER({"stylish", "findings grouped by file, with code frames",
                             makeStylishReporter, true, true})

}  // namespace asynclint::report
