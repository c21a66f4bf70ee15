// Command line only: parses arguments with CLI11 and hands over to the app layer.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "app.hpp"
#include "schema/embedded_schemas.hpp"
#include "schema/schema_validator.hpp"

namespace {

bool wantsColor(bool noColorFlag) {
  if (noColorFlag) return false;
  const char* noColor = std::getenv("NO_COLOR");
  if (noColor != nullptr && *noColor != '\0') return false;
  return isatty(STDOUT_FILENO) != 0;
}

std::string versionText() {
  std::string versions;
  for (const auto& version : asynclint::schema::supportedVersions())
    versions += " " + version;
  return std::string("asynclint ") + ASYNCLINT_VERSION +
         "\nofficial schemas from @asyncapi/specs " +
         std::string(asynclint::schema::embeddedSpecsVersion()) + ":" + versions;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"asynclint: a fast, precise validator and linter for AsyncAPI documents",
               "asynclint"};
  app.set_version_flag("--version", versionText());
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  asynclint validate asyncapi.yaml\n"
      "  asynclint validate services/*/asyncapi.yaml --format json\n"
      "  cat asyncapi.yaml | asynclint validate -\n"
      "  asynclint rules\n"
      "  asynclint explain channel-unused\n\n"
      "Exit codes: 0 clean, 1 findings at or above the failure severity, 2 usage or input errors.");

  asynclint::ValidateOptions options;
  bool noColor = false;
  std::string failSeverity = "error";
  auto* validate = app.add_subcommand(
      "validate",
      "Check AsyncAPI documents (YAML or JSON) against the official schema of their version");
  validate->add_option("files", options.files, "Documents to check; - reads standard input")
      ->required();
  validate->add_option("-f,--format", options.format, "Output format")
      ->check(CLI::IsMember(asynclint::report::formatNames()))
      ->capture_default_str();
  validate->add_flag("-q,--quiet", options.report.quiet, "Print errors only");
  validate->add_flag(
      "--timings", options.timings,
      "Print the time of each phase (load, schema, rules, report) to standard error");
  validate
      ->add_option("-j,--jobs", options.jobs,
                   "Files checked at once (0: one per core); the output order does not change")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  validate->add_flag("--no-color", noColor, "Never color the output (also: NO_COLOR=1)");
  validate
      ->add_option("--fail-severity", failSeverity, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info", "hint"}))
      ->capture_default_str();
  validate->footer(
      "Examples:\n"
      "  asynclint validate asyncapi.yaml\n"
      "  asynclint validate a.yaml b.json --format json > findings.json\n"
      "  asynclint validate --quiet --no-color spec.yaml");

  app.add_subcommand("rules",
                     "List every rule: id, default severity, on by default, versions, summary");
  std::string ruleId;
  auto* explain = app.add_subcommand("explain", "Print the documentation of a rule");
  explain->add_option("rule", ruleId, "Rule id, as `asynclint rules` lists it")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return asynclint::exitUsage;
  }

  if (app.got_subcommand("rules")) return asynclint::runListRules(std::cout);
  if (app.got_subcommand("explain")) return asynclint::runExplain(ruleId, std::cout, std::cerr);

  options.report.color = wantsColor(noColor);
  options.failSeverity = *asynclint::parseSeverity(failSeverity);
  return asynclint::runValidate(options, std::cout, std::cerr);
}
