// Configuration: .asynclint.yaml discovery, extends, overrides, config errors with positions,
// inline suppressions, the baseline and `init`, through the real binary in temporary projects;
// plus the glob matcher and the comment scanner on their own.
#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "config/glob.hpp"
#include "engine/rule.hpp"
#include "support.hpp"
#include "suppression/comments.hpp"

namespace fs = std::filesystem;
using namespace asynclint;
using namespace asynclint::test;

namespace {

// A throwaway git work tree (a `.git` folder bounds discovery) under the temporary folder.
class Project {
 public:
  Project() {
    std::random_device random;
    dir_ = fs::temp_directory_path() / ("asynclint-config-" + std::to_string(random()));
    fs::create_directories(dir_ / ".git");
  }
  ~Project() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  Project(const Project&) = delete;
  Project& operator=(const Project&) = delete;

  void write(const std::string& path, const std::string& text) const {
    fs::create_directories((dir_ / path).parent_path());
    writeFile(dir_ / path, text);
  }
  void copy(const std::string& testdata, const std::string& path) const {
    write(path, readFile(sourceDir() / testdata));
  }
  std::string read(const std::string& path) const { return readFile(dir_ / path); }
  void remove(const std::string& path) const { fs::remove(dir_ / path); }
  // Runs asynclint with `arguments` from `folder` of the project.
  CommandResult asynclint(const std::string& arguments, const std::string& folder = ".") const {
    return run("cd '" + (dir_ / folder).string() + "' && " + binary() + " " + arguments);
  }

 private:
  fs::path dir_;
};

// The product's order documents, a copy of one under legacy/, and `config` at the top.
void orderProject(const Project& project, const std::string& config) {
  project.copy("testdata/valid/order-producer.yaml", "svc/order-producer.yaml");
  project.copy("testdata/valid/order-fulfillment.yaml", "svc/order-fulfillment.yaml");
  project.copy("testdata/valid/order-fulfillment.yaml", "svc/legacy/order-fulfillment.yaml");
  project.write(".asynclint.yaml", config);
}

// The output of a scenario against testdata/config/<name>.expected (rewritten with
// ASYNCLINT_UPDATE_GOLDEN=1); the exit code is checked by the caller.
void checkGolden(const std::string& name, const CommandResult& result) {
  checkAgainstGolden(sourceDir() / "testdata" / "config" / (name + ".expected"), result.output);
}

const std::string orderFiles =
    "svc/order-producer.yaml svc/order-fulfillment.yaml svc/legacy/order-fulfillment.yaml";

}  // namespace

TEST_SUITE("config") {
  TEST_CASE("globs: * and ? stay in a folder, ** spans folders, bracket expressions") {
    using config::globMatch;
    CHECK(globMatch("legacy/**", "legacy/a.yaml"));
    CHECK(globMatch("legacy/**", "legacy/deep/er/a.yaml"));
    CHECK_FALSE(globMatch("legacy/**", "svc/legacy/a.yaml"));
    CHECK(globMatch("**/legacy/**", "svc/legacy/a.yaml"));
    CHECK(globMatch("**/legacy/**", "legacy/a.yaml"));
    CHECK(globMatch("*.yaml", "a.yaml"));
    CHECK_FALSE(globMatch("*.yaml", "dir/a.yaml"));
    CHECK(globMatch("**/*.yaml", "dir/a.yaml"));
    CHECK(globMatch("**/*.yaml", "a.yaml"));
    CHECK(globMatch("svc/*/asyncapi.yaml", "svc/orders/asyncapi.yaml"));
    CHECK_FALSE(globMatch("svc/*/asyncapi.yaml", "svc/a/b/asyncapi.yaml"));
    CHECK(globMatch("v?.json", "v2.json"));
    CHECK_FALSE(globMatch("v?.json", "v10.json"));
    CHECK_FALSE(globMatch("a?b", "a/b"));
    CHECK(globMatch("v[0-9].yaml", "v3.yaml"));
    CHECK_FALSE(globMatch("v[!0-9].yaml", "v3.yaml"));
    CHECK(globMatch("v[!0-9].yaml", "vx.yaml"));
    CHECK(globMatch("[ab]*", "beta"));
    CHECK(globMatch("a[.yaml", "a[.yaml"));  // an unclosed bracket is a character
    CHECK_FALSE(globMatch("a.yaml", "a.yml"));
    CHECK(globMatch("a**b", "axxb"));  // ** inside a name is *
    CHECK_FALSE(globMatch("a**b", "a/b"));
  }

  TEST_CASE("an option's default is its JSON text, or the text as a string") {
    CHECK(engine::optionDefault({"max", "10", ""}) == 10);
    CHECK(engine::optionDefault({"strict", "true", ""}) == true);
    CHECK(engine::optionDefault({"names", "[\"a\"]", ""}) == nlohmann::json::array({"a"}));
    CHECK(engine::optionDefault({"style", "camelCase", ""}) == "camelCase");
  }

  TEST_CASE("comments: a # after a space or at the line start, outside quoted and block scalars") {
    const std::string text =
        "# top\n"
        "a: b # trailing\n"
        "url: http://x#frag\n"
        "q: \"not # a comment\" # but this is\n"
        "s: 'it''s # quoted' #s\n"
        "plain: it's # plain\n"
        "block: |\n"
        "  # inside the block\n"
        "\n"
        "  still # inside\n"
        "next: 1 # after the block\n"
        "list:\n"
        "  - >-\n"
        "    # folded\n"
        "  - x # item\n"
        "multi: \"line one\n"
        "  # still quoted\"\n";
    std::vector<std::string> found;
    for (const auto& comment : suppression::yamlComments(text))
      found.emplace_back(comment.text);
    CHECK(found == std::vector<std::string>{" top", " trailing", " but this is", "s", " plain",
                                            " after the block", " item"});
  }

  TEST_CASE(
      "acceptance: on the order documents, a rule off, a warning raised, a legacy/** override") {
    Project project;
    const std::string all = "extends: all\nrules:\n  asyncapi-latest-version: off\n";
    orderProject(project, all);
    const auto everything = project.asynclint("validate --no-color " + orderFiles);
    CHECK(everything.exitCode == 0);
    checkGolden("acceptance-all", everything);

    project.write(".asynclint.yaml", all + "  tags-alphabetical: off\n");
    const auto ruleOff = project.asynclint("validate --no-color " + orderFiles);
    CHECK(ruleOff.exitCode == 0);
    checkGolden("acceptance-rule-off", ruleOff);

    const std::string raised = all + "  server-host-example: error\n";
    project.write(".asynclint.yaml", raised);
    const auto warningRaised = project.asynclint("validate --no-color " + orderFiles);
    CHECK(warningRaised.exitCode == 1);
    checkGolden("acceptance-warning-raised", warningRaised);

    project.write(".asynclint.yaml", raised +
                                         "overrides:\n"
                                         "  - files: [\"svc/legacy/**\"]\n"
                                         "    rules:\n"
                                         "      server-host-example: warning\n"
                                         "      tags-alphabetical: off\n");
    const auto legacy = project.asynclint("validate --no-color " + orderFiles);
    CHECK(legacy.exitCode == 1);
    checkGolden("acceptance-legacy-override", legacy);
    // The same override lets the legacy file alone pass.
    CHECK(project.asynclint("validate --no-color svc/legacy/order-fulfillment.yaml").exitCode == 0);
  }

  TEST_CASE("discovery: the nearest config wins; --config and --no-config; --rule wins over both") {
    Project project;
    orderProject(project, "rules:\n  server-host-example: error\n");
    project.write("svc/legacy/.asynclint.yaml", "rules:\n  tags-alphabetical: warning\n");
    project.write("other.yaml", "rules:\n  tags-alphabetical: error\n");
    const std::string files = "svc/order-producer.yaml svc/legacy/order-fulfillment.yaml";
    const auto nearest = project.asynclint("validate --no-color " + files);
    CHECK(nearest.exitCode == 1);
    checkGolden("discovery-nearest", nearest);
    // Run from a subfolder: the same configurations are found.
    const auto fromBelow = project.asynclint(
        "validate --no-color order-producer.yaml legacy/order-fulfillment.yaml", "svc");
    CHECK(fromBelow.exitCode == 1);
    checkGolden("discovery-from-subfolder", fromBelow);
    const auto given = project.asynclint("validate --no-color --config other.yaml " + files);
    CHECK(given.exitCode == 1);
    checkGolden("discovery-config-flag", given);
    const auto none = project.asynclint("validate --no-color --no-config " + files);
    CHECK(none.exitCode == 0);
    CHECK(none.output == "0 errors, 0 warnings in 2 files\n");
    const auto flag = project.asynclint(
        "validate --no-color --rule server-host-example=off --rule tags-alphabetical=off " + files);
    CHECK(flag.exitCode == 0);
    CHECK(flag.output == "0 errors, 0 warnings in 2 files\n");
    const auto badFlag = project.asynclint("validate --rule server-host-exampel=off " + files);
    CHECK(badFlag.exitCode == 2);
    CHECK(badFlag.output ==
          "asynclint: --rule 'server-host-exampel=off': unknown rule 'server-host-exampel' (did "
          "you mean 'server-host-example'?); `asynclint rules` lists them\n");
    CHECK(project.asynclint("validate --rule channel-unused=loud " + files).exitCode == 2);
    CHECK(project.asynclint("validate --rule syntax=warning " + files).exitCode == 2);
  }

  TEST_CASE("a JSON configuration; schema findings can change severity but not be turned off") {
    Project project;
    project.copy("testdata/invalid/info-unknown-property.yaml", "api.yaml");
    project.write(".asynclint.json", "{\"rules\": {\"schema\": \"warning\"}}");
    const auto lowered = project.asynclint("validate --no-color api.yaml");
    CHECK(lowered.exitCode == 0);
    CHECK(lowered.output ==
          "api.yaml:2:1: warning: missing required property 'version' in info [schema]\n"
          "api.yaml:4:3: warning: unknown property 'versio' in info (did you mean 'version'?) "
          "[schema]\n"
          "0 errors, 2 warnings in 1 file\n");
    const auto off = project.asynclint("validate --rule schema=off api.yaml");
    CHECK(off.exitCode == 2);
    CHECK(off.output ==
          "asynclint: --rule 'schema=off': 'schema' cannot be turned off; only its severity can "
          "change\n");
  }

  TEST_CASE("rules shows the effective severity under the configuration of the current folder") {
    Project project;
    project.write(".asynclint.yaml",
                  "extends: off\nrules:\n  server-host-example: error\n  schema: warning\n");
    auto row = [](const std::string& id, const std::string& severity, const std::string& on) {
      return std::regex("\n" + id + " +" + severity + " +" + on + " +[23]\\.x");
    };
    const auto list = project.asynclint("rules");
    CHECK(list.exitCode == 0);
    CHECK(std::regex_search(list.output, row("server-host-example", "error", "yes")));
    CHECK(std::regex_search(list.output, row("channel-unused", "off", "no")));
    CHECK(std::regex_search(list.output, row("schema", "warning", "yes")));
    const auto flag = project.asynclint("rules --rule channel-unused=hint");
    CHECK(std::regex_search(flag.output, row("channel-unused", "hint", "yes")));
    const auto none = project.asynclint("rules --no-config");
    CHECK(std::regex_search(none.output, row("channel-unused", "warning", "yes")));
    CHECK(std::regex_search(none.output, row("server-host-example", "off", "no")));
  }

  TEST_CASE("extends: a chain of files, presets, and a cycle is an error") {
    Project project;
    // Later files win: company < team < the project's own; the company's override globs are
    // relative to the project's configuration, which extends it.
    orderProject(project, "extends: base/team.yaml\nrules:\n  server-host-example: warning\n");
    project.write("base/team.yaml",
                  "extends: company.yaml\nrules:\n  server-host-example: error\n");
    project.write("base/company.yaml",
                  "extends: all\nrules:\n  asyncapi-latest-version: off\n  tags-alphabetical: "
                  "error\noverrides:\n  - files: [\"svc/legacy/**\"]\n    rules:\n      "
                  "tags-alphabetical: info\n");
    const auto chain = project.asynclint(
        "validate --no-color svc/order-fulfillment.yaml svc/legacy/order-fulfillment.yaml");
    CHECK(chain.exitCode == 1);
    checkGolden("extends-chain", chain);

    project.write("base/company.yaml", "extends: team.yaml\n");
    const auto cycle = project.asynclint("validate --no-color svc/order-producer.yaml");
    CHECK(cycle.exitCode == 2);
    CHECK(cycle.output ==
          "base/company.yaml:1:10: error: extends goes round a cycle: .asynclint.yaml -> "
          "team.yaml -> company.yaml -> team.yaml [config]\n"
          "1 error, 0 warnings in 1 file\n");
    project.write("base/team.yaml", "extends: nowhere.yaml\n");
    const auto missing = project.asynclint("validate --no-color svc/order-producer.yaml");
    CHECK(missing.exitCode == 2);
    checkGolden("extends-missing", missing);
  }

  TEST_CASE(
      "custom rules in the configuration: rulesets in extends, rules defined inline; "
      "listed by rules, described in SARIF, tuned by --rule and suppressions") {
    Project project;
    project.write("svc/order-producer.yaml",
                  "asyncapi: 3.0.0\n"
                  "info:\n"
                  "  title: Orders TODO\n"
                  "  version: 1.0.0\n"
                  "  description: Publishes orders.\n"
                  "  contact: {name: Orders team}\n"
                  "  license: {name: MIT}\n"
                  "servers:\n"
                  "  prod: {host: broker.example.org, protocol: kafka}\n"
                  "channels:\n"
                  "  orders: {address: orders}\n"
                  "operations:\n"
                  "  sendOrder:\n"
                  "    action: send\n"
                  "    channel: {$ref: '#/channels/orders'}\n"
                  "  sendOrderAgain:\n"
                  "    action: send\n"
                  "    summary: Sends it again.\n"
                  "    channel: {$ref: '#/channels/orders'}\n");
    project.write("style/house.spectral.yaml",
                  "rules:\n"
                  "  info-contact-email:\n"
                  "    description: The contact has an email\n"
                  "    message: \"{{description}}; add one to {{path}}\"\n"
                  "    severity: warn\n"
                  "    given: $.info.contact\n"
                  "    then: {field: email, function: truthy}\n"
                  "  operation-summary:\n"
                  "    description: Every operation has a summary\n"
                  "    severity: error\n"
                  "    given: $.operations[*]\n"
                  "    then: {field: summary, function: truthy}\n");
    project.write(".asynclint.yaml",
                  "extends: [recommended, style/house.spectral.yaml]\n"
                  "rules:\n"
                  "  operation-summary: warning\n"
                  "  title-no-todo:\n"
                  "    description: No TODO in titles\n"
                  "    severity: error\n"
                  "    given: $.info.title\n"
                  "    then:\n"
                  "      function: pattern\n"
                  "      functionOptions: {notMatch: TODO}\n");
    const auto findings = project.asynclint("validate --no-color svc/order-producer.yaml");
    CHECK(findings.exitCode == 1);
    checkGolden("custom-rules", findings);

    const auto listed = project.asynclint("rules");
    CHECK(listed.exitCode == 0);
    std::string custom;
    std::istringstream lines(listed.output);
    for (std::string line; std::getline(lines, line);) {
      if (line.find("[custom") != std::string::npos) custom += line + '\n';
    }
    checkGolden("custom-rules-listed", {custom, 0});

    const auto sarif = project.asynclint("validate -f sarif svc/order-producer.yaml");
    const auto log = nlohmann::json::parse(sarif.output);
    const auto& rules = log.at("runs").at(0).at("tool").at("driver").at("rules");
    const auto summary = std::find_if(rules.begin(), rules.end(), [](const nlohmann::json& rule) {
      return rule.at("id") == "operation-summary";
    });
    REQUIRE(summary != rules.end());
    CHECK(summary->at("shortDescription").at("text") == "Every operation has a summary");
    CHECK(summary->at("fullDescription").at("text") ==
          "Every operation has a summary (a custom rule, defined in style/house.spectral.yaml)");

    const auto tuned = project.asynclint(
        "validate --no-color --rule operation-summary=off --rule info-contact-email=error "
        "svc/order-producer.yaml");
    CHECK(tuned.exitCode == 1);
    checkGolden("custom-rules-tuned", tuned);
  }

  TEST_CASE("custom rules in the configuration: errors at their line in the file that has them") {
    Project project;
    project.copy("testdata/valid/order-producer.yaml", "order-producer.yaml");
    project.write("house.spectral.yaml",
                  "rules:\n  bad:\n    given: $.info\n    then: {function: truthyy}\n");
    project.write(".asynclint.yaml",
                  "extends: [house.spectral.yaml, [spectral:asyncapi, sometimes], nowhere.yaml]\n"
                  "rules:\n"
                  "  no-filter:\n"
                  "    given: $.channels[?(@.x ~ 3)]\n"
                  "    then: {function: truthy}\n"
                  "  not-defined-here: warning\n"
                  "overrides:\n"
                  "  - files: [\"legacy/**\"]\n"
                  "    rules:\n"
                  "      late: {given: $, then: {function: truthy}}\n");
    const auto errors = project.asynclint("validate --no-color order-producer.yaml");
    CHECK(errors.exitCode == 2);
    checkGolden("custom-rules-errors", errors);
  }

  TEST_CASE("each configuration error is reported at its line and column, exit 2") {
    Project project;
    project.copy("testdata/valid/order-producer.yaml", "order-producer.yaml");
    project.write(".asynclint.yaml",
                  "extend: all\n"
                  "rules:\n"
                  "  info-contact-missing: warn\n"
                  "  channel-unused: {severity: error, level: 2}\n"
                  "overrides:\n"
                  "  - files: legacy/**\n"
                  "ignore: [\"\"]\n"
                  "allow-remote: yes please\n");
    const auto shape = project.asynclint("validate --no-color order-producer.yaml");
    CHECK(shape.exitCode == 2);
    checkGolden("errors-shape", shape);
    project.write(".asynclint.yaml",
                  "rules:\n"
                  "  chanel-unused: off\n"
                  "  syntax: warning\n"
                  "  schema: off\n"
                  "  asyncapi-version: info\n"
                  "  channel-unused:\n"
                  "    options: {max: 3}\n"
                  "overrides:\n"
                  "  - files: [\"legacy/**\"]\n"
                  "    rules:\n"
                  "      tags-alfabetical: off\n");
    const auto rules = project.asynclint("validate --no-color order-producer.yaml");
    CHECK(rules.exitCode == 2);
    checkGolden("errors-rules", rules);
    project.write(".asynclint.yaml", "rules:\n  channel-unused: off\n  channel-unused: error\n");
    const auto duplicate =
        project.asynclint("validate --no-color --format json order-producer.yaml");
    CHECK(duplicate.exitCode == 2);
    CHECK(duplicate.output.find("\"rule\": \"duplicate-key\"") != std::string::npos);
    CHECK(duplicate.output.find("\"file\": \".asynclint.yaml\"") != std::string::npos);
    CHECK(project.asynclint("validate --config missing.yaml order-producer.yaml").output ==
          "missing.yaml: error: no such file [file-unreadable]\n1 error, 0 warnings in 1 file\n");
    CHECK(project.asynclint("rules").exitCode == 2);
  }

  TEST_CASE(
      "ignore: matching files are not linted; an empty file, rules: null and init's starter are "
      "valid") {
    Project project;
    orderProject(project, "ignore: [\"svc/legacy/**\"]\nrules:\n");
    const auto ignored = project.asynclint(
        "validate --no-color --rule server-host-example=error svc/order-fulfillment.yaml "
        "svc/legacy/order-fulfillment.yaml");
    CHECK(ignored.exitCode == 1);
    CHECK(
        ignored.output.starts_with("svc/order-fulfillment.yaml:34:11: error: server 'production'"));
    CHECK(ignored.output.ends_with("\n1 error, 0 warnings in 1 file\n"));
    project.write(".asynclint.yaml", "");
    CHECK(project.asynclint("validate svc/order-producer.yaml").exitCode == 0);

    project.remove(".asynclint.yaml");
    const auto init = project.asynclint("init");
    CHECK(init.exitCode == 0);
    CHECK(init.output == "wrote ./.asynclint.yaml\n");
    CHECK(project.read(".asynclint.yaml").starts_with("# asynclint configuration"));
    CHECK(project.asynclint("validate svc/order-producer.yaml").exitCode == 0);
    const auto again = project.asynclint("init");
    CHECK(again.exitCode == 2);
    CHECK(again.output == "asynclint: ./.asynclint.yaml already exists; not overwriting it\n");
  }

  TEST_CASE("inline suppressions of every kind, and the ones that suppress nothing") {
    Project project;
    project.copy("testdata/config/suppressions.yaml", "suppressions.yaml");
    project.write(".asynclint.yaml", "extends: all\nrules:\n  asyncapi-latest-version: off\n");
    const auto result = project.asynclint("validate --no-color suppressions.yaml");
    CHECK(result.exitCode == 0);
    checkGolden("suppressions", result);
    const auto unusedOff =
        project.asynclint("validate --no-color --rule suppression-unused=off suppressions.yaml");
    CHECK(unusedOff.output.find("suppression-unused") == std::string::npos);
  }

  TEST_CASE("x-asynclint-ignore in JSON, on a subtree and where extensions are not allowed") {
    Project project;
    project.copy("testdata/config/ignore-key.json", "ignore-key.json");
    const auto result = project.asynclint("validate --no-color --no-config ignore-key.json");
    CHECK(result.exitCode == 0);
    checkGolden("ignore-key", result);
  }

  TEST_CASE("baseline: write, then only new findings; stale entries counted, pruned by rewriting") {
    Project project;
    project.copy("testdata/config/baseline.yaml", "api.yaml");
    const auto before = project.asynclint("validate --no-color --no-config api.yaml");
    CHECK(before.output.ends_with("\n0 errors, 5 warnings in 1 file\n"));
    const auto written =
        project.asynclint("validate --no-color --no-config --write-baseline base.json api.yaml");
    CHECK(written.exitCode == 0);
    CHECK(written.output == "asynclint: wrote 5 findings to the baseline base.json\n");
    checkGolden("baseline.json", CommandResult{project.read("base.json"), 0});

    // A new error and a blank line at the top: every line moves, only the new error shows.
    project.write("api.yaml", "bad: 1\n\n" + project.read("api.yaml"));
    const auto shifted =
        project.asynclint("validate --no-color --no-config --baseline base.json api.yaml");
    CHECK(shifted.exitCode == 1);
    CHECK(shifted.output ==
          "api.yaml:1:1: error: unknown property 'bad' at the document root [schema]\n"
          "1 error, 0 warnings in 1 file; 5 hidden by the baseline, 0 stale baseline entries\n");

    // Fix one finding: its entry is stale until the baseline is written again.
    std::string text = project.read("api.yaml");
    text.replace(text.find("  version: 1.0.0\n"), 16, "  version: 1.0.0\n  description: Orders\n");
    project.write("api.yaml", text.substr(text.find('\n', text.find('\n') + 1) + 1));
    const auto stale =
        project.asynclint("validate --no-color --no-config --baseline base.json api.yaml");
    CHECK(stale.exitCode == 0);
    CHECK(stale.output ==
          "0 errors, 0 warnings in 1 file; 4 hidden by the baseline, 1 stale baseline entry\n");
    project.asynclint("validate --no-config --write-baseline base.json api.yaml");
    const auto pruned =
        project.asynclint("validate --no-color --no-config --baseline base.json api.yaml");
    CHECK(pruned.output ==
          "0 errors, 0 warnings in 1 file; 4 hidden by the baseline, 0 stale baseline entries\n");

    project.write("broken.json", "{\"findings\": []}");
    const auto broken =
        project.asynclint("validate --no-color --no-config --baseline broken.json api.yaml");
    CHECK(broken.exitCode == 2);
    CHECK(broken.output ==
          "broken.json:1:1: error: not an asynclint baseline (written by `asynclint validate "
          "--write-baseline`) [config]\n1 error, 0 warnings in 1 file\n");
  }
}
