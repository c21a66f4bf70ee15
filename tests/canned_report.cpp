#include "canned_report.hpp"

namespace asynclint::test {
namespace {

const std::string orders = "api/orders.yaml";
const std::string unicode = "api/v1,v2: ünï/naïve file.yaml";
const std::string missing = "api/missing.yaml";
const std::string clean = "api/clean.json";

Range range(std::uint32_t line, std::uint32_t column, std::uint32_t endLine,
            std::uint32_t endColumn) {
  return {{line, column}, {endLine, endColumn}};
}

Diagnostic finding(std::string rule, Severity severity, std::string message, std::string file,
                   std::string pointer, Range at, std::vector<RelatedLocation> related = {}) {
  Diagnostic diagnostic;
  diagnostic.rule = std::move(rule);
  diagnostic.severity = severity;
  diagnostic.message = std::move(message);
  diagnostic.file = std::move(file);
  diagnostic.pointer = std::move(pointer);
  diagnostic.range = at;
  diagnostic.related = std::move(related);
  return diagnostic;
}

report::RuleMeta rule(std::string id, Severity severity, std::string summary) {
  std::string doc = "# " + id + "\n\n## What it checks\n" + summary +
                    " (a `<tag>` & more).\n\n## Failing example\n```yaml\nkey: value\n```\n";
  std::string uri = "https://example.com/asynclint/rules/" + id + ".md";
  return {std::move(id),  severity,      summary, summary + " (a `<tag>` & more).",
          std::move(doc), std::move(uri)};
}

}  // namespace

report::RunReport cannedReport() {
  report::RunReport run;
  run.tool = {"asynclint", "1.2.3", "https://example.com/asynclint"};
  run.workingDirectory = "/home/user/project/";
  run.files = {
      {orders, false,
       "asyncapi: 3.0.0\ninfo:\n  title: Orders\nchannels:\n  orders:\n    address: "
       "\"orders<v2>\"\n"
       "  legacy:\n    address: legacy\n"},
      {unicode, false, "asyncapi: 3.0.0\ninfo:\n  title: Zürich — naïve\n  title: again\n"},
      {missing, true, ""},
      {clean, false, "{}\n"},
  };
  run.diagnostics = {
      finding("schema", Severity::error, "missing required property 'version' in info", orders,
              "/info", range(2, 1, 2, 5)),
      finding("channel-unused", Severity::warning,
              "channel 'legacy' (address \"legacy<v1>\") is never used & can go", orders,
              "/channels/legacy", range(7, 3, 7, 9),
              {{orders, "/channels/orders", range(5, 3, 5, 9), "a used channel is <orders>"}}),
      finding("message-examples-missing", Severity::info,
              "100% of messages lack examples:\r\nadd one,\nplease", orders,
              "/channels/orders/address", range(6, 14, 6, 26)),
      finding("info-contact-missing", Severity::hint, "the document has no contact; add one",
              orders, "", Range{}),
      finding("duplicate-key", Severity::error,
              "key 'title' is defined twice in 'info' (« naïve »)", unicode, "/info/title",
              range(4, 3, 4, 8),
              {{unicode, "/info/title", range(3, 3, 3, 8), "first defined here"}}),
      finding("file-unreadable", Severity::error, "no such file", missing, "", Range{}),
  };
  sortDiagnostics(run.diagnostics);
  run.rules = {
      rule("channel-unused", Severity::warning, "A channel that no operation uses"),
      rule("duplicate-key", Severity::error, "A key is defined twice in the same mapping"),
      rule("file-unreadable", Severity::error, "The file cannot be read"),
      rule("info-contact-missing", Severity::hint, "info has no contact"),
      rule("message-examples-missing", Severity::info, "A message has no examples"),
      rule("schema", Severity::error, "The document does not match the official JSON Schema"),
      rule("server-url-format", Severity::warning, "A server URL is malformed"),
  };
  return run;
}

}  // namespace asynclint::test
