// The command line as users meet it: exit codes, several files, standard input, formats,
// colors and the help and version texts.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "support.hpp"

using namespace asynclint::test;

namespace {
const std::string valid = "testdata/valid/order-producer.yaml";
const std::string invalid = "testdata/invalid/info-unknown-property.yaml";
}  // namespace

TEST_SUITE("cli") {
  TEST_CASE(
      "a missing file and a folder without documents are input errors; the other files "
      "are still checked") {
    const auto result = run(binary() + " validate --no-color no-such-file.yaml " +
                            "testdata/inputs/specs/chart " + invalid + " " + valid);
    CHECK(result.exitCode == 2);
    CHECK(result.output ==
          "asynclint: no AsyncAPI document in 'testdata/inputs/specs/chart' (1 YAML or JSON file "
          "found: 1 not AsyncAPI, 0 ignored by the configuration)\n"
          "no-such-file.yaml: error: no such file [file-unreadable]\n"
          "testdata/invalid/info-unknown-property.yaml:2:1: error: missing required property "
          "'version' in info [schema]\n"
          "testdata/invalid/info-unknown-property.yaml:4:3: error: unknown property 'versio' in "
          "info (did you mean "
          "'version'?) [schema]\n"
          "3 errors, 0 warnings in 3 files\n");
  }

  TEST_CASE(
      "a folder: every AsyncAPI document under it, sorted; not dot files, .git, node_modules, "
      "other YAML or what the configuration ignores") {
    const auto result = run(binary() + " validate --no-color --verbose testdata/inputs");
    CHECK(result.exitCode == 1);
    CHECK(result.output ==
          "asynclint: skipped testdata/inputs/specs/chart/templates/deployment.yaml: not an "
          "AsyncAPI document (no asyncapi key)\n"
          "asynclint: skipped testdata/inputs/specs/common/order-payload.yaml: not an AsyncAPI "
          "document (no asyncapi key)\n"
          "asynclint: skipped testdata/inputs/specs/docker-compose.yml: not an AsyncAPI document "
          "(no asyncapi key)\n"
          "asynclint: ignored testdata/inputs/specs/generated/generated.yaml: matches an ignore "
          "glob of the configuration\n"
          "asynclint: 3 documents checked, 3 files skipped (not AsyncAPI), 1 ignored\n"
          "testdata/inputs/specs/billing/billing.asyncapi.json:3:3: error: missing required "
          "property 'version' in info [schema]\n"
          "testdata/inputs/specs/billing/billing.asyncapi.json:5:5: error: unknown property "
          "'versio' in info (did you mean 'version'?) [schema]\n"
          "2 errors, 0 warnings in 3 files\n");
    // The same documents, whichever way the folder is named.
    const auto fromInside = run("cd testdata/inputs && " + binary() + " validate --no-color .");
    CHECK(fromInside.exitCode == 1);
    CHECK(fromInside.output ==
          "specs/billing/billing.asyncapi.json:3:3: error: missing required property 'version' in "
          "info [schema]\n"
          "specs/billing/billing.asyncapi.json:5:5: error: unknown property 'versio' in info (did "
          "you mean 'version'?) [schema]\n"
          "2 errors, 0 warnings in 3 files\n");
  }

  TEST_CASE("quoted globs are expanded by asynclint; a file reached twice is checked once") {
    const auto result =
        run(binary() + " validate --no-color --verbose 'testdata/inputs/specs/*/asyncapi.yaml' " +
            "'testdata/inputs/**/*.json' testdata/inputs/specs/orders/asyncapi.yaml " +
            "'testdata/inputs/specs/billing/**/v?/*.yml'");
    CHECK(result.exitCode == 1);
    CHECK(result.output ==
          "asynclint: 3 documents checked, 0 files skipped (not AsyncAPI), 0 ignored\n"
          "testdata/inputs/specs/billing/billing.asyncapi.json:3:3: error: missing required "
          "property 'version' in info [schema]\n"
          "testdata/inputs/specs/billing/billing.asyncapi.json:5:5: error: unknown property "
          "'versio' in info (did you mean 'version'?) [schema]\n"
          "2 errors, 0 warnings in 3 files\n");
  }

  TEST_CASE("a glob or a folder that gives no document is an input error") {
    const auto glob = run(binary() + " validate --no-color 'testdata/inputs/nothing/**/*.yaml'");
    CHECK(glob.exitCode == 2);
    CHECK(glob.output ==
          "asynclint: no AsyncAPI document matches 'testdata/inputs/nothing/**/*.yaml' (no YAML "
          "or JSON file found)\n"
          "0 errors, 0 warnings in 0 files\n");
    const auto ignored = run(binary() + " validate --no-color testdata/inputs/specs/generated");
    CHECK(ignored.exitCode == 2);
    CHECK(ignored.output ==
          "asynclint: no AsyncAPI document in 'testdata/inputs/specs/generated' (1 YAML or JSON "
          "file found: 0 not AsyncAPI, 1 ignored by the configuration)\n"
          "0 errors, 0 warnings in 0 files\n");
  }

  TEST_CASE(
      "a search passes over a data file over the input limits; a document over them is "
      "still an error") {
    TempFolder folder("cli-big-data");
    std::string rows = "[";
    for (int i = 0; i <= 100'000; ++i)
      rows += (i == 0 ? "" : ",") + std::to_string(i);
    rows += "]";
    writeFile(folder.path / "data.json", "{\"rows\": " + rows + "}\n");
    writeFile(folder.path / "orders.yaml", readFile(sourceDir() / valid));
    const auto data =
        run("cd '" + folder.path.string() + "' && " + binary() + " validate --no-color -v .");
    CHECK(data.exitCode == 0);
    CHECK(data.output ==
          "asynclint: skipped data.json: not an AsyncAPI document (no asyncapi key)\n"
          "asynclint: 1 document checked, 1 file skipped (not AsyncAPI), 0 ignored\n"
          "0 errors, 0 warnings in 1 file\n");
    writeFile(folder.path / "data.json", "{\"asyncapi\": \"3.0.0\", \"x-rows\": " + rows + "}\n");
    const auto document =
        run("cd '" + folder.path.string() + "' && " + binary() + " validate --no-color .");
    CHECK(document.exitCode == 2);
    CHECK(document.output.starts_with("data.json:1:"));
  }

  TEST_CASE("a named file is checked whatever it holds, unless --skip-non-asyncapi") {
    const std::string others =
        " testdata/inputs/specs/docker-compose.yml testdata/inputs/specs/orders/asyncapi.yaml";
    const auto named = run(binary() + " validate --no-color" + others);
    CHECK(named.exitCode == 1);
    CHECK(named.output.starts_with(
        "testdata/inputs/specs/docker-compose.yml:1:1: error: missing required property"));
    const auto skipped = run(binary() + " validate --no-color --skip-non-asyncapi -v" + others);
    CHECK(skipped.exitCode == 0);
    CHECK(skipped.output ==
          "asynclint: skipped testdata/inputs/specs/docker-compose.yml: not an AsyncAPI document "
          "(no asyncapi key)\n"
          "asynclint: 1 document checked, 1 file skipped (not AsyncAPI), 0 ignored\n"
          "0 errors, 0 warnings in 1 file\n");
    // What pre-commit passes when a commit touches no AsyncAPI document: nothing to do, exit 0.
    const auto none = run(binary() + " validate --no-color --skip-non-asyncapi " +
                          "testdata/inputs/.github/workflows/asyncapi.yml");
    CHECK(none.exitCode == 0);
    CHECK(none.output == "0 errors, 0 warnings in 0 files\n");
  }

  TEST_CASE("standard input is read with -") {
    const auto result = run(binary() + " validate --no-color - < " + invalid);
    CHECK(result.exitCode == 1);
    CHECK(result.output.find("<stdin>:4:3: error: unknown property 'versio'") != std::string::npos);
    const auto clean = run("cat " + valid + " | " + binary() + " validate --no-color -");
    CHECK(clean.exitCode == 0);
  }

  TEST_CASE("JSON output lists every finding with its place") {
    const auto result = run(binary() + " validate --format json " + invalid);
    CHECK(result.exitCode == 1);
    const auto output = nlohmann::json::parse(result.output);
    const auto& findings = output["findings"];
    REQUIRE(findings.size() == 2);
    auto second = findings[1];
    CHECK(second["fingerprint"].get<std::string>().size() == 16);
    second.erase("fingerprint");
    CHECK(second == nlohmann::json::parse(R"json({
      "file": "testdata/invalid/info-unknown-property.yaml", "rule": "schema", "severity": "error",
      "message": "unknown property 'versio' in info (did you mean 'version'?)", "pointer": "/info/versio",
      "start": {"line": 4, "column": 3}, "end": {"line": 4, "column": 9}, "related": []})json"));
    CHECK(output["summary"] ==
          nlohmann::json::parse(
              R"json({"files": 1, "inputErrors": 0, "error": 2, "warning": 0, "info": 0,
                                           "hint": 0})json"));
    const auto clean = run(binary() + " validate --format json " + valid);
    CHECK(nlohmann::json::parse(clean.output)["findings"] == nlohmann::json::array());
  }

  TEST_CASE("color only when asked for by a terminal, never with NO_COLOR or --no-color") {
    const auto piped = run(binary() + " validate " + invalid);
    CHECK(piped.output.find('\033') == std::string::npos);
    const auto terminal = run("script -qec '" + binary() + " validate " + invalid + "' /dev/null");
    if (terminal.exitCode != 127 && terminal.output.find("not found") == std::string::npos) {
      CHECK(terminal.output.find("\033[1;31merror") != std::string::npos);
      const auto noColor =
          run("NO_COLOR=1 script -qec '" + binary() + " validate " + invalid + "' /dev/null");
      CHECK(noColor.output.find('\033') == std::string::npos);
    }
  }

  TEST_CASE("--quiet prints errors only; --fail-severity is validated") {
    const auto quiet = run(binary() + " validate --quiet --no-color " + valid);
    CHECK(quiet.output.empty());
    CHECK(quiet.exitCode == 0);
    const auto bad = run(binary() + " validate --fail-severity fatal " + valid);
    CHECK(bad.exitCode == 2);
  }

  TEST_CASE("usage errors exit 2; --help and --version exit 0") {
    CHECK(run(binary()).exitCode == 2);
    CHECK(run(binary() + " validate").exitCode == 2);
    CHECK(run(binary() + " validate --frobnicate " + valid).exitCode == 2);
    const auto help = run(binary() + " validate --help");
    CHECK(help.exitCode == 0);
    CHECK(help.output.find("Examples:") != std::string::npos);
    const auto version = run(binary() + " --version");
    CHECK(version.exitCode == 0);
    CHECK(version.output.find(
              "@asyncapi/specs 6.11.1: 2.0.0 2.1.0 2.2.0 2.3.0 2.4.0 2.5.0 2.6.0 3.0.0 3.1.0") !=
          std::string::npos);
  }
}

TEST_SUITE("cli") {
  TEST_CASE("rules lists every rule; explain prints a rule's documentation") {
    const auto list = run(binary() + " rules");
    CHECK(list.exitCode == 0);
    CHECK(std::regex_search(
        list.output,
        std::regex(
            "\nref-unresolved +error +yes +2\\.x, 3\\.x +A local `\\$ref` points to nothing\n")));
    CHECK(list.output.find("\nschema ") != std::string::npos);  // builtin findings are listed too
    const auto explain = run(binary() + " explain channel-unused");
    CHECK(explain.exitCode == 0);
    CHECK(explain.output.starts_with(
        "channel-unused: A channel is used by no operation\n"
        "severity: warning, on by default, AsyncAPI 3.x\n\n# channel-unused\n"));
    CHECK(explain.output.find("## Failing example") != std::string::npos);
    const auto unknown = run(binary() + " explain channel-unsed");
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.output ==
          "asynclint: unknown rule 'channel-unsed' (did you mean 'channel-unused'?); "
          "`asynclint rules` lists them\n");
  }

  TEST_CASE("--timings prints each phase to standard error") {
    const auto result =
        run("(" + binary() + " validate --timings --no-color " + valid + " 2>&1 >/dev/null)");
    CHECK(result.output.find("timings: " + valid + ": load ") != std::string::npos);
    CHECK(result.output.find(" s, schema ") != std::string::npos);
    CHECK(result.output.find("timings: report ") != std::string::npos);
  }

  TEST_CASE("--jobs checks files in parallel; the output is the same for any number of jobs") {
    // Every fixture of the repository, valid and broken, so that threads meet every path (but
    // the slow alias bomb and the million-node fan-out of references, checked on their own).
    const std::string files =
        "$(find testdata -type f ! -name '*.expected' ! -name alias-bomb.yaml ! -name 'fan*' | "
        "sort)";
    for (const std::string format : {"text", "json"}) {
      const auto serial =
          run(binary() + " validate --no-color --format " + format + " --jobs 1 " + files);
      CHECK(serial.exitCode == 2);  // some fixtures are unreadable on purpose
      CHECK(serial.output.size() > 10000);
      for (const std::string jobs : {"2", "0"}) {
        const auto parallel = run(binary() + " validate --no-color --format " + format +
                                  " --jobs " + jobs + " " + files);
        CHECK(parallel.exitCode == serial.exitCode);
        CHECK(parallel.output == serial.output);
      }
    }
    CHECK(run(binary() + " validate --jobs -1 " + valid).exitCode == 2);
  }

  TEST_CASE("one file with a spare core (schema check beside the rules) gives the same output") {
    // Each file on its own: with --jobs 2 the schema check and the rules share two threads.
    const std::string each =
        "for f in $(find testdata/invalid testdata/rules/message-examples-invalid "
        "testdata/rules/schema-values-invalid -type f ! -name '*.expected' ! -name alias-bomb.yaml "
        "| sort); do " +
        binary() + " validate --no-color --format json --jobs JOBS \"$f\"; echo \"rc=$?\"; done";
    const auto withJobs = [&](const std::string& jobs) {
      std::string command = each;
      command.replace(command.find("JOBS"), 4, jobs);
      return run(command).output;
    };
    const std::string serial = withJobs("1");
    CHECK(serial.find("\"rule\": \"schema\"") != std::string::npos);
    CHECK(serial.find("\"rule\": \"message-examples-invalid\"") != std::string::npos);
    CHECK(withJobs("2") == serial);
  }
}

TEST_SUITE("cli") {
  TEST_CASE("each -f writes to the -o that follows it, or to standard output") {
    const std::string folder =
        (std::filesystem::path(binary()).parent_path() / "cli-outputs-test").string();
    run("rm -rf " + folder + " && mkdir -p " + folder);
    const auto result =
        run(binary() + " validate --no-color " + invalid + " -f sarif -o " + folder +
            "/out.sarif -f json --format=junit --output " + folder + "/out.xml");
    CHECK(result.exitCode == 1);
    CHECK(nlohmann::json::parse(result.output)["findings"].size() == 2);
    const auto sarif = nlohmann::json::parse(readFile(folder + "/out.sarif"));
    CHECK(sarif["runs"][0]["results"].size() == 2);
    CHECK(readFile(folder + "/out.xml").starts_with("<?xml"));

    const auto defaultFormat =
        run(binary() + " validate " + invalid + " -o " + folder + "/out.txt");
    CHECK(defaultFormat.output.empty());
    CHECK(readFile(folder + "/out.txt").ends_with("2 errors, 0 warnings in 1 file\n"));
    // -f and -o take one value each: the files after them are still files.
    const auto twoFiles =
        run(binary() + " validate -f json -o " + folder + "/two.json " + valid + " " + invalid);
    CHECK(twoFiles.exitCode == 1);
    CHECK(nlohmann::json::parse(readFile(folder + "/two.json"))["summary"]["files"] == 2);
    run("rm -rf " + folder);
  }

  TEST_CASE("outputs that cannot be told apart or written are usage errors") {
    const auto twoOnStdout = run(binary() + " validate " + valid + " -f json -f text");
    CHECK(twoOnStdout.exitCode == 2);
    CHECK(twoOnStdout.output.find("only one format can go to standard output") !=
          std::string::npos);
    const auto orphan = run(binary() + " validate " + valid + " -o x.txt -f json");
    CHECK(orphan.exitCode == 2);
    CHECK(orphan.output.find("'-o x.txt' must follow the -f it is for") != std::string::npos);
    const auto unwritable =
        run(binary() + " validate " + valid + " -f sarif -o /no/such/folder/x.sarif");
    CHECK(unwritable.exitCode == 2);
    CHECK(unwritable.output ==
          "asynclint: cannot write '/no/such/folder/x.sarif': No such file or directory\n");
    CHECK(run(binary() + " validate " + valid + " -f yaml").exitCode == 2);
  }

  TEST_CASE("--quiet trims human formats only; gitlab is codeclimate") {
    const std::string warned = "testdata/rules/channel-unused/orphans.yaml";
    const auto quiet = run(binary() + " validate --quiet --no-color -f stylish " + warned);
    CHECK(quiet.output.find("warning") == std::string::npos);
    const auto json = run(binary() + " validate --quiet -f json " + warned);
    CHECK(json.output.find("\"warning\"") != std::string::npos);
    CHECK(run(binary() + " validate -f gitlab " + warned).output ==
          run(binary() + " validate -f codeclimate " + warned).output);
  }
}
