// A JSON object: "findings" (file, rule, severity, message, pointer, start/end line and column,
// null when a finding concerns a whole file, related locations, fingerprint), "files" (each file
// asked for and whether it could be checked) and "summary" (counts by severity).
#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace asynclint::report {
namespace {

using nlohmann::ordered_json;

ordered_json position(const Position& at) {
  if (at.line == 0) return nullptr;
  return ordered_json{{"line", at.line}, {"column", at.column}};
}

ordered_json finding(const Diagnostic& diagnostic) {
  ordered_json related = ordered_json::array();
  for (const auto& location : diagnostic.related) {
    related.push_back({{"file", location.file},
                       {"pointer", location.pointer},
                       {"start", position(location.range.start)},
                       {"end", position(location.range.end)},
                       {"message", location.message}});
  }
  return {{"file", diagnostic.file},
          {"rule", diagnostic.rule},
          {"severity", toString(diagnostic.severity)},
          {"message", diagnostic.message},
          {"pointer", diagnostic.pointer},
          {"start", position(diagnostic.range.start)},
          {"end", position(diagnostic.range.end)},
          {"related", std::move(related)},
          {"fingerprint", fingerprint(diagnostic)}};
}

class JsonReporter final : public Reporter {
 public:
  void write(const RunReport& report, std::ostream& out) const override {
    ordered_json findings = ordered_json::array();
    for (const auto& diagnostic : report.diagnostics)
      findings.push_back(finding(diagnostic));
    ordered_json files = ordered_json::array();
    std::size_t inputErrors = 0;
    for (const auto& file : report.files) {
      files.push_back({{"file", file.path}, {"checked", !file.inputError}});
      inputErrors += file.inputError ? 1 : 0;
    }
    const SeverityCounts counts = countSeverities(report.diagnostics);
    const ordered_json summary{{"files", report.files.size()}, {"inputErrors", inputErrors},
                               {"error", counts.error},        {"warning", counts.warning},
                               {"info", counts.info},          {"hint", counts.hint}};
    const ordered_json document{
        {"findings", std::move(findings)}, {"files", std::move(files)}, {"summary", summary}};
    out << document.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  }
};

std::unique_ptr<Reporter> makeJsonReporter(const ReportOptions&) {
  return std::make_unique<JsonReporter>();
}

}  // namespace

ASYNCLINT_REGISTER_REPORTER({"json", "findings, files and counts as one JSON object",
                             makeJsonReporter})

}  // namespace asynclint::report
