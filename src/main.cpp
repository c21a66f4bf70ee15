// Command line only: parses arguments with CLI11 and hands over to the app layer.
#include <unistd.h>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/app.hpp"
#include "app/process_end.hpp"
#include "app/system.hpp"
#include "schema/embedded_schemas.hpp"
#include "schema/schema_validator.hpp"

namespace {

// --config, --no-config and --rule, shared by `validate` and `rules`.
void addConfigOptions(CLI::App& command, asynclint::config::ConfigChoice& choice) {
  auto* file = command.add_option(
      "--config", choice.file, "Configuration file to use instead of the nearest .asynclint.yaml");
  command.add_flag("--no-config", choice.none, "Use no configuration file")->excludes(file);
  command
      .add_option("--rule", choice.ruleFlags,
                  "Set a rule's severity, winning over the configuration: "
                  "--rule channel-unused=off (repeatable)")
      ->allow_extra_args(false);
  command
      .add_option("-r,--ruleset", choice.rulesets,
                  "A Spectral ruleset whose rules run too, after the configuration's "
                  "(repeatable; docs/spectral-rulesets.md)")
      ->allow_extra_args(false);
}

// Whether a standard stream is a terminal. emscripten (the WebAssembly build) calls every standard
// stream one, pipes too: there the npm launcher asks Node and says (npm/lib/pre.js).
bool isTerminal(int descriptor) {
#ifdef __EMSCRIPTEN__
  const char* said =
      std::getenv(descriptor == STDOUT_FILENO ? "ASYNCLINT_STDOUT_TTY" : "ASYNCLINT_STDERR_TTY");
  return said != nullptr && std::string_view(said) == "1";
#else
  return isatty(descriptor) != 0;
#endif
}

bool wantsColor(bool noColorFlag) {
  if (noColorFlag) return false;
  const char* noColor = std::getenv("NO_COLOR");
  if (noColor != nullptr && *noColor != '\0') return false;
  return isTerminal(STDOUT_FILENO);
}

// A progress line only where a person watches: standard error is a terminal, and not a CI log
// (CI set, as every CI service sets it).
bool showsProgress() {
  const char* ci = std::getenv("CI");
  if (ci != nullptr && *ci != '\0') return false;
  return isTerminal(STDERR_FILENO);
}

std::string versionText() {
  std::string versions;
  for (const auto& version : asynclint::schema::supportedVersions())
    versions += " " + version;
  return std::string("asynclint ") + ASYNCLINT_VERSION +
         "\nofficial schemas from @asyncapi/specs " +
         std::string(asynclint::schema::embeddedSpecsVersion()) + ":" + versions;
}

std::string formatList() {
  std::string list;
  for (const auto& name : asynclint::report::formatNames()) {
    const auto* format = asynclint::report::findFormat(name);
    list += fmt::format("\n  {:<12} {}", name, format->description);
  }
  return list;
}

// The -f and -o options and their values, in the order of their kind.
struct OutputFlags {
  const CLI::Option* format = nullptr;
  const CLI::Option* output = nullptr;
  std::vector<std::string> formats;
  std::vector<std::string> paths;
};

// Pairs each -f with the -o that follows it (standard output when none does); CLI11's parse
// order says which came first. An -o alone sets the file of the default text output.
std::vector<asynclint::OutputSpec> pairOutputs(const OutputFlags& flags,
                                               const std::vector<CLI::Option*>& order) {
  using asynclint::OutputSpec;
  std::vector<OutputSpec> outputs;
  std::size_t nextFormat = 0;
  std::size_t nextPath = 0;
  for (const CLI::Option* option : order) {
    if (option == flags.format) {
      outputs.push_back(OutputSpec{flags.formats.at(nextFormat++), ""});
    } else if (option == flags.output) {
      const std::string& path = flags.paths.at(nextPath++);
      if (outputs.empty() && flags.formats.empty()) {
        outputs.push_back(OutputSpec{"text", path});
      } else if (outputs.empty()) {
        throw CLI::ValidationError("--output", "'-o " + path + "' must follow the -f it is for");
      } else if (!outputs.back().path.empty()) {
        throw CLI::ValidationError("--output", "'-o " + path + "' follows no -f of its own");
      } else {
        outputs.back().path = path;
      }
    }
  }
  if (outputs.empty()) outputs.push_back(OutputSpec{});
  const auto toStdout = std::count_if(outputs.begin(), outputs.end(),
                                      [](const OutputSpec& output) { return output.path.empty(); });
  if (toStdout > 1) {
    throw CLI::ValidationError(
        "--format", "only one format can go to standard output; give the others an -o FILE");
  }
  return outputs;
}

void addResolveOptions(CLI::App& command, asynclint::resolve::ResolveOptions& resolve) {
  command.add_option("--root", resolve.root,
                     "Folder that references to other files must stay in (default: the git work "
                     "tree of the document, else the current folder)");
  command.add_flag("--allow-remote", resolve.allowRemote,
                   "Fetch http(s) references (10 s timeout, 16 MiB per file, each URL once)");
}

// One subcommand: where CLI11 parses it, what to finish once parsing is done (outputs paired
// from the order of -f and -o), and what runs when it is the one given. Its options live on the
// heap, shared by the closures, because CLI11 writes into them during parsing.
struct Command {
  CLI::App* cli = nullptr;
  std::function<void()> finishParsing;
  std::function<int()> run;
};

// -f FORMAT (repeatable, each paired with the -o after it) for `validate` and `diff`.
void addOutputOptions(CLI::App& command, OutputFlags& flags) {
  flags.format =
      command
          .add_option("-f,--format", flags.formats,
                      "Output format (default text); repeat for several outputs:" + formatList())
          ->check(CLI::IsMember(asynclint::report::formatNames()))
          ->allow_extra_args(false)
          ->type_name("FORMAT");
  flags.output =
      command
          .add_option("-o,--output", flags.paths,
                      "Write the format given just before to FILE instead of standard output")
          ->allow_extra_args(false)
          ->type_name("FILE");
}

// What a command that reports findings parses besides its options: -f/-o, --no-color and
// --fail-severity, turned into its options once parsing is done.
template <typename Options>
struct ReportingCommandState {
  Options options;
  OutputFlags outputFlags;
  bool noColor = false;
  std::string failSeverity = "error";
};

Command addValidate(CLI::App& app) {
  auto state = std::make_shared<ReportingCommandState<asynclint::ValidateOptions>>();
  asynclint::ValidateOptions& options = state->options;
  auto* validate = app.add_subcommand(
      "validate",
      "Check AsyncAPI documents (YAML or JSON) against the official schema of their version");
  validate
      ->add_option("files", options.files,
                   "Documents, folders (searched for AsyncAPI documents) or quoted globs "
                   "('specs/**/*.yaml'); - reads standard input")
      ->required();
  addOutputOptions(*validate, state->outputFlags);
  validate->add_flag("-q,--quiet", options.report.quiet,
                     "Human formats (text, stylish, markdown) show errors only; machine formats "
                     "stay complete");
  validate->add_flag("--sarif-all-rules", options.report.sarifAllRules,
                     "SARIF describes every rule, not only those that fired");
  validate->add_flag(
      "--timings", options.timings,
      "Print the time of each phase (load, schema, rules, report) to standard error");
  validate
      ->add_option("-j,--jobs", options.jobs,
                   "Files checked at once (0: one per core); the output order does not change")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  validate->add_flag("--no-color", state->noColor, "Never color the output (also: NO_COLOR=1)");
  validate
      ->add_option("--fail-severity", state->failSeverity,
                   "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info", "hint"}))
      ->capture_default_str();
  addConfigOptions(*validate, options.config);
  validate->add_option("--baseline", options.baseline,
                       "Hide the findings this baseline file lists; report only new ones");
  validate->add_option("--write-baseline", options.writeBaseline,
                       "Record every current finding in this baseline file (replacing it) and "
                       "exit 0");
  addResolveOptions(*validate, options.resolve);
  validate->add_flag("--system", options.system,
                     "Also check the documents together as one system of services (orphaned "
                     "addresses, schema drift, ...); folders are searched for documents");
  validate->add_flag("--skip-non-asyncapi", options.skipNonAsyncApi,
                     "Pass over named files whose root has no asyncapi key, as for files found in "
                     "folders and globs (for hooks that pass every YAML and JSON file)");
  validate->add_flag("-v,--verbose", options.verbose,
                     "Say on standard error which files were skipped (not AsyncAPI) or ignored "
                     "(configuration), and how many documents were checked");
  validate->footer(
      "Examples:\n"
      "  asynclint validate asyncapi.yaml\n"
      "  asynclint validate .\n"
      "  asynclint validate 'specs/**/*.yaml'\n"
      "  asynclint validate a.yaml b.json --format json > findings.json\n"
      "  asynclint validate api/*.yaml -f sarif -o asynclint.sarif -f stylish\n"
      "  asynclint validate --quiet --no-color spec.yaml\n"
      "  asynclint validate --system services/ -f sarif -o system.sarif");
  return {validate,
          [state, validate] {
            state->options.outputs = pairOutputs(state->outputFlags, validate->parse_order());
          },
          [state] {
            state->options.report.color = wantsColor(state->noColor);
            state->options.progress = showsProgress();
            state->options.failSeverity = *asynclint::parseSeverity(state->failSeverity);
            return asynclint::runValidate(state->options, std::cout, std::cerr);
          }};
}

Command addCatalog(CLI::App& app) {
  auto options = std::make_shared<asynclint::CatalogOptions>();
  auto* catalog = app.add_subcommand(
      "catalog",
      "Per address of a system of services: who sends, who receives, which messages, which "
      "protocols");
  catalog->add_option("paths", options->paths, "Documents and folders (searched recursively)")
      ->required();
  catalog->add_option("-f,--format", options->format, "text, markdown or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}))
      ->capture_default_str();
  catalog->add_option("--who-consumes", options->whoConsumes,
                      "List the operations that receive from this address");
  catalog->add_option("--who-produces", options->whoProduces,
                      "List the operations that send to this address");
  addResolveOptions(*catalog, options->resolve);
  catalog->footer(
      "Examples:\n"
      "  asynclint catalog services/\n"
      "  asynclint catalog services/ --format markdown > EVENTS.md\n"
      "  asynclint catalog services/ --who-consumes orders.created");
  return {catalog, {}, [options] { return asynclint::runCatalog(*options, std::cout, std::cerr); }};
}

Command addGraph(CLI::App& app) {
  auto options = std::make_shared<asynclint::GraphOptions>();
  auto* graph = app.add_subcommand(
      "graph", "The event flow of a system of services: services → addresses → services");
  graph->add_option("paths", options->paths, "Documents and folders (searched recursively)")
      ->required();
  graph->add_option("-f,--format", options->format, "mermaid or dot")
      ->check(CLI::IsMember({"mermaid", "dot"}))
      ->capture_default_str();
  addResolveOptions(*graph, options->resolve);
  graph->footer(
      "Examples:\n"
      "  asynclint graph services/ > flow.mmd\n"
      "  asynclint graph services/ --format dot | dot -Tsvg > flow.svg");
  return {graph, {}, [options] { return asynclint::runGraph(*options, std::cout, std::cerr); }};
}

Command addBundle(CLI::App& app) {
  auto options = std::make_shared<asynclint::BundleOptions>();
  auto* bundle = app.add_subcommand(
      "bundle",
      "Write one self-contained document: parts of other files it refers to are copied "
      "into components");
  bundle->add_option("entry", options->entry, "The document to bundle")->required();
  bundle->add_option("-o,--output", options->output, "File to write (default: standard output)");
  bundle
      ->add_option("--format", options->format,
                   "yaml or json (default: by the output's extension, else yaml)")
      ->check(CLI::IsMember({"yaml", "json"}));
  addResolveOptions(*bundle, options->resolve);
  bundle->footer(
      "Examples:\n"
      "  asynclint bundle services/backend/asyncapi.yaml -o backend.bundle.yaml\n"
      "  asynclint bundle asyncapi.yaml --format json > bundle.json");
  return {bundle, {}, [options] { return asynclint::runBundle(*options, std::cout, std::cerr); }};
}

Command addDiff(CLI::App& app) {
  auto state = std::make_shared<ReportingCommandState<asynclint::DiffOptions>>();
  asynclint::DiffOptions& options = state->options;
  auto* diff = app.add_subcommand(
      "diff",
      "What changed between two versions of a document, and whom it breaks: breaking changes "
      "are errors, possibly breaking ones warnings, safe ones info (see docs/diff.md)");
  diff->add_option("old", options.before,
                   "The old document: a file, or REV:path to read it from git (main:asyncapi.yaml)")
      ->required();
  diff->add_option("new", options.after, "The new document: a file, or REV:path")->required();
  addOutputOptions(*diff, state->outputFlags);
  diff->add_flag("-q,--quiet", options.report.quiet,
                 "Human formats show breaking changes (errors) only");
  diff->add_flag("--no-color", state->noColor, "Never color the output (also: NO_COLOR=1)");
  diff->add_option("--fail-severity", state->failSeverity,
                   "Lowest severity that makes the exit code 1 (error: a breaking change)")
      ->check(CLI::IsMember({"error", "warning", "info", "hint"}))
      ->capture_default_str();
  diff->add_flag("--timings", options.timings,
                 "Print the time of each phase (load, compare, report) to standard error");
  addConfigOptions(*diff, options.config);
  addResolveOptions(*diff, options.resolve);
  diff->footer(
      "Examples:\n"
      "  asynclint diff old/asyncapi.yaml asyncapi.yaml\n"
      "  asynclint diff main:asyncapi.yaml asyncapi.yaml -f github\n"
      "  asynclint diff v1.0.0:api/asyncapi.yaml api/asyncapi.yaml -f markdown -o diff.md\n"
      "  asynclint diff --rule diff-sent-message-added=error old.yaml new.yaml");
  return {diff,
          [state, diff] {
            state->options.outputs = pairOutputs(state->outputFlags, diff->parse_order());
          },
          [state] {
            state->options.report.color = wantsColor(state->noColor);
            state->options.failSeverity = *asynclint::parseSeverity(state->failSeverity);
            return asynclint::runDiff(state->options, std::cout, std::cerr);
          }};
}

Command addRules(CLI::App& app) {
  struct State {
    asynclint::config::ConfigChoice config;
    bool markdown = false;
  };
  auto state = std::make_shared<State>();
  auto* rules = app.add_subcommand(
      "rules",
      "List every rule: id, severity and whether it is on under the configuration of "
      "the current folder, versions, summary");
  addConfigOptions(*rules, state->config);
  rules->add_flag("--markdown", state->markdown,
                  "Print the rules that check documents as a Markdown table (README.md's)");
  return {rules, {}, [state] {
            return asynclint::runListRules(
                state->config,
                state->markdown ? asynclint::RulesListing::markdown : asynclint::RulesListing::text,
                std::cout, std::cerr);
          }};
}

Command addInit(CLI::App& app) {
  auto* init = app.add_subcommand("init",
                                  "Write a commented starter .asynclint.yaml into the current "
                                  "folder (never overwrites one)");
  return {init, {}, [] { return asynclint::runInit(".", std::cout, std::cerr); }};
}

Command addExplain(CLI::App& app) {
  auto ruleId = std::make_shared<std::string>();
  auto* explain = app.add_subcommand("explain", "Print the documentation of a rule");
  explain->add_option("rule", *ruleId, "Rule id, as `asynclint rules` lists it")->required();
  return {explain, {}, [ruleId] { return asynclint::runExplain(*ruleId, std::cout, std::cerr); }};
}

void describeApp(CLI::App& app) {
  app.set_version_flag("--version", versionText());
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  asynclint validate asyncapi.yaml\n"
      "  asynclint validate specs/\n"
      "  asynclint validate 'services/**/asyncapi.yaml' --format json\n"
      "  cat asyncapi.yaml | asynclint validate -\n"
      "  asynclint validate --rule info-contact-missing=off --rule channel-unused=error spec.yaml\n"
      "  asynclint validate --write-baseline .asynclint-baseline.json specs/*.yaml\n"
      "  asynclint validate --baseline .asynclint-baseline.json specs/*.yaml\n"
      "  asynclint init\n"
      "  asynclint bundle asyncapi.yaml -o bundle.yaml\n"
      "  asynclint rules\n"
      "  asynclint explain channel-unused\n"
      "  asynclint catalog services/ --who-consumes orders.created\n"
      "  asynclint graph services/ --format dot | dot -Tsvg > flow.svg\n"
      "  asynclint diff main:asyncapi.yaml asyncapi.yaml -f github\n\n"
      "Exit codes: 0 clean, 1 findings at or above the failure severity, 2 usage or input errors.");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"asynclint: a fast, precise validator and linter for AsyncAPI documents",
               "asynclint"};
  describeApp(app);
  const std::vector<Command> commands{addValidate(app), addCatalog(app), addGraph(app),
                                      addBundle(app),   addDiff(app),    addRules(app),
                                      addInit(app),     addExplain(app)};
  try {
    app.parse(argc, argv);
    for (const Command& command : commands) {
      if (command.cli->parsed() && command.finishParsing) command.finishParsing();
    }
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return asynclint::exitUsage;
  }
#ifdef ASYNCLINT_NO_REMOTE  // the WebAssembly build has no HTTP client
  for (const Command& command : commands) {
    const CLI::Option* remote = command.cli->get_option_no_throw("--allow-remote");
    if (command.cli->parsed() && remote != nullptr && remote->count() > 0) {
      std::cerr << "asynclint: --allow-remote is not available in this build (WebAssembly)\n";
      return asynclint::exitUsage;
    }
  }
#endif
  asynclint::declareProcessEndsAfterCommand();
  for (const Command& command : commands) {
    if (command.cli->parsed()) return command.run();
  }
  return asynclint::exitUsage;  // require_subcommand(1) makes this unreachable
}
