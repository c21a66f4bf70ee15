// SARIF 2.1.0, as GitHub code scanning and other review tools read it: the rules that fired (or
// all of them) with their docs, one result per finding with a stable partial fingerprint, and
// the files that could not be checked as tool execution notifications.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace asynclint::report {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view sourceRoot = "%SRCROOT%";

// RFC 3986: everything but unreserved characters and the path separator, byte by byte (UTF-8).
std::string percentEncoded(std::string_view path) {
  std::string encoded;
  for (const char character : path) {
    const auto byte = static_cast<unsigned char>(character);
    const bool unreserved = std::isalnum(byte) != 0 || byte == '-' || byte == '.' || byte == '_' ||
                            byte == '~' || byte == '/';
    if (unreserved && byte < 0x80) {
      encoded += character;
    } else {
      encoded += fmt::format("%{:02X}", byte);
    }
  }
  return encoded;
}

std::string fileUri(const std::filesystem::path& absolute) {
  return "file://" + percentEncoded(absolute.generic_string());
}

// Relative to %SRCROOT% when the file lies inside the working folder, else an absolute file URI.
ordered_json artifactLocation(const RunReport& report, const std::string& file) {
  const std::filesystem::path relative = relativePath(report, file);
  if (relative.is_absolute()) return {{"uri", fileUri(relative)}};
  if (!relative.empty() && *relative.begin() == "..") {
    return {
        {"uri",
         fileUri((std::filesystem::path(report.workingDirectory) / relative).lexically_normal())}};
  }
  return {{"uri", percentEncoded(relative.generic_string())}, {"uriBaseId", sourceRoot}};
}

ordered_json physicalLocation(const RunReport& report, const std::string& file,
                              const Range& range) {
  ordered_json location{{"artifactLocation", artifactLocation(report, file)}};
  if (range.known()) {
    ordered_json region{{"startLine", range.start.line}, {"startColumn", range.start.column}};
    if (range.end.line != 0 && range.end >= range.start) {
      region["endLine"] = range.end.line;
      region["endColumn"] = range.end.column;
    }
    location["region"] = std::move(region);
  }
  return location;
}

std::string_view level(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
    case Severity::hint:
      return "note";
  }
  return "error";
}

ordered_json ruleDescriptor(const RunReport& report, const std::string& id) {
  const RuleMeta* meta = findRuleMeta(report, id);
  if (meta == nullptr) return {{"id", id}};
  ordered_json descriptor{{"id", meta->id}, {"shortDescription", {{"text", meta->summary}}}};
  descriptor["fullDescription"] = {
      {"text", meta->fullDescription.empty() ? meta->summary : meta->fullDescription}};
  if (!meta->doc.empty()) descriptor["help"] = {{"text", meta->doc}, {"markdown", meta->doc}};
  if (!meta->helpUri.empty()) descriptor["helpUri"] = meta->helpUri;
  descriptor["defaultConfiguration"] = {{"level", level(meta->severity)}};
  return descriptor;
}

class SarifReporter final : public Reporter {
 public:
  explicit SarifReporter(const ReportOptions& options) : options_(options) {}

  void write(const RunReport& report, std::ostream& out) const override {
    const std::vector<std::string> ruleIds = describedRules(report);
    std::map<std::string, std::size_t, std::less<>> ruleIndex;
    ordered_json rules = ordered_json::array();
    for (const auto& id : ruleIds) {
      ruleIndex.emplace(id, rules.size());
      rules.push_back(ruleDescriptor(report, id));
    }
    ordered_json driver{{"name", report.tool.name},
                        {"version", report.tool.version},
                        {"semanticVersion", report.tool.version}};
    if (!report.tool.informationUri.empty()) driver["informationUri"] = report.tool.informationUri;
    driver["rules"] = std::move(rules);

    ordered_json results = ordered_json::array();
    for (const auto& diagnostic : report.diagnostics)
      results.push_back(result(report, diagnostic, ruleIndex.at(diagnostic.rule)));

    ordered_json run{{"tool", {{"driver", std::move(driver)}}},
                     {"invocations", ordered_json::array({invocation(report, ruleIndex)})}};
    if (!report.workingDirectory.empty()) {
      run["originalUriBaseIds"] = {{sourceRoot, {{"uri", fileUri(report.workingDirectory)}}}};
    }
    run["results"] = std::move(results);
    run["columnKind"] = "unicodeCodePoints";
    const ordered_json log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                           {"version", "2.1.0"},
                           {"runs", ordered_json::array({std::move(run)})}};
    out << log.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  }

 private:
  // The rules that produced a result, or every rule; sorted by id.
  std::vector<std::string> describedRules(const RunReport& report) const {
    std::vector<std::string> ids;
    if (options_.sarifAllRules) {
      for (const auto& rule : report.rules)
        ids.push_back(rule.id);
    }
    for (const auto& diagnostic : report.diagnostics)
      ids.push_back(diagnostic.rule);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
  }

  static ordered_json result(const RunReport& report, const Diagnostic& diagnostic,
                             std::size_t index) {
    ordered_json result{
        {"ruleId", diagnostic.rule},
        {"ruleIndex", index},
        {"level", level(diagnostic.severity)},
        {"message", {{"text", diagnostic.message}}},
        {"locations",
         ordered_json::array({{{"physicalLocation",
                                physicalLocation(report, diagnostic.file, diagnostic.range)}}})}};
    if (!diagnostic.related.empty()) {
      ordered_json related = ordered_json::array();
      for (const auto& location : diagnostic.related) {
        related.push_back(
            {{"id", related.size() + 1},
             {"physicalLocation", physicalLocation(report, location.file, location.range)},
             {"message", {{"text", location.message}}}});
      }
      result["relatedLocations"] = std::move(related);
    }
    result["partialFingerprints"] = {{"asynclint/v1", fingerprint(diagnostic)}};
    result["properties"] = {{"pointer", diagnostic.pointer}};
    return result;
  }

  // Why each file that could not be checked was left out: tool errors, so that a run over an
  // unreadable file is not mistaken for a clean one.
  static ordered_json invocation(const RunReport& report,
                                 const std::map<std::string, std::size_t, std::less<>>& ruleIndex) {
    ordered_json notifications = ordered_json::array();
    bool successful = true;
    for (const auto& file : report.files) {
      if (!file.inputError) continue;
      successful = false;
      for (const auto& diagnostic : diagnosticsOf(report, file.path)) {
        notifications.push_back(
            {{"level", "error"},
             {"message",
              {{"text", fmt::format("{} was not checked: {}", file.path, diagnostic.message)}}},
             {"locations",
              ordered_json::array(
                  {{{"physicalLocation", physicalLocation(report, file.path, diagnostic.range)}}})},
             {"associatedRule",
              {{"id", diagnostic.rule}, {"index", ruleIndex.at(diagnostic.rule)}}}});
      }
    }
    ordered_json invocation{{"executionSuccessful", successful}};
    if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
    return invocation;
  }

  ReportOptions options_;
};

std::unique_ptr<Reporter> makeSarifReporter(const ReportOptions& options) {
  return std::make_unique<SarifReporter>(options);
}

}  // namespace

ASYNCLINT_REGISTER_REPORTER({"sarif", "SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDEs)",
                             makeSarifReporter})

}  // namespace asynclint::report
