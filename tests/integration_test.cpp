// asynclint's outputs judged by their consumers' own tools: Microsoft's SARIF validator, xmllint,
// pre-commit, action-validator and Graphviz (scripts/setup-test-tools.sh installs them). Without a
// tool a test skips with a message, unless ASYNCLINT_REQUIRE_TEST_TOOLS=1 (scripts/test.sh) or
// CI=true makes that a failure (see testTool in support.hpp).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "canned_report.hpp"
#include "support.hpp"

using namespace asynclint;
using namespace asynclint::test;
namespace fs = std::filesystem;

namespace {

// A scratch folder under the build tree, emptied first.
fs::path scratch(const std::string& name) {
  const fs::path folder = fs::path(binary()).parent_path() / "integration" / name;
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

std::string render(std::string_view format, const report::ReportOptions& options = {}) {
  std::ostringstream out;
  report::writeReport(*report::findFormat(format), cannedReport(), options, out);
  return out.str();
}

}  // namespace

TEST_SUITE("integration") {
  TEST_CASE("SARIF passes Microsoft's SARIF validator with 0 errors") {
    const auto validator =
        testTool("sarif-multitool", npmTool("@microsoft/sarif-multitool-linux/Sarif.Multitool"));
    if (!validator) return;
    const fs::path folder = scratch("sarif");
    writeFile(folder / "canned.sarif", render("sarif"));
    writeFile(folder / "canned-all-rules.sarif", render("sarif", {.sarifAllRules = true}));
    const auto real = run(binary() + " validate --sarif-all-rules -f sarif -o " +
                          (folder / "real.sarif").string() +
                          " testdata/invalid/*.yaml testdata/valid/*.yaml no-such-file.yaml");
    CHECK(real.exitCode == 2);
    for (const std::string name : {"canned", "canned-all-rules", "real"}) {
      CAPTURE(name);
      const fs::path verdict = folder / (name + ".verdict.sarif");
      const auto result = run("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 '" + *validator +
                              "' validate '" + (folder / (name + ".sarif")).string() + "' -o '" +
                              verdict.string() + "' --log ForceOverwrite");
      REQUIRE_MESSAGE(result.exitCode == 0, result.output);
      const auto log = nlohmann::json::parse(readFile(verdict));
      std::size_t errors = 0;
      std::size_t others = 0;
      for (const auto& finding : log["runs"][0]["results"]) {
        // The validator's default level is warning; an error says so.
        (finding.value("level", "warning") == "error" ? errors : others) += 1;
      }
      CHECK_MESSAGE(errors == 0, result.output);
      MESSAGE(name << ": " << errors << " errors, " << others
                   << " warnings and notes from the validator");
    }
  }

  TEST_CASE("JUnit and Checkstyle output is well-formed XML for xmllint") {
    const auto xmllint = testTool("xmllint", "xmllint");
    if (!xmllint) return;
    const fs::path folder = scratch("xml");
    for (const std::string format : {"junit", "checkstyle"}) {
      CAPTURE(format);
      const fs::path canned = folder / (format + "-canned.xml");
      const fs::path real = folder / (format + "-real.xml");
      writeFile(canned, render(format));
      run(binary() + " validate -f " + format + " -o " + real.string() +
          " testdata/invalid/*.yaml no-such-file.yaml");
      for (const auto& file : {canned, real}) {
        const auto result = run("xmllint --noout '" + file.string() + "'");
        CHECK_MESSAGE(result.exitCode == 0, result.output);
      }
    }
    // xmllint does fail on what is not well-formed.
    writeFile(folder / "broken.xml", "<a><b></a>");
    CHECK(run("xmllint --noout '" + (folder / "broken.xml").string() + "'").exitCode != 0);
  }

  TEST_CASE("the pre-commit hook fails on a bad document and passes on a good one") {
    if (!testTool("git", "git") || !testTool("pre-commit", "pre-commit")) return;
    const auto result = run("tests/integration/pre-commit-hook.sh '" + sourceDir().string() +
                            "' '" + binary() + "'");
    CHECK_MESSAGE(result.exitCode == 0, result.output);
  }

  TEST_CASE("action.yml validates, and its shell steps work on testdata") {
    const auto validator = testTool("action-validator", npmTool(".bin/action-validator"));
    if (!validator) return;
    const auto validated = run("'" + *validator + "' action.yml");
    CHECK_MESSAGE(validated.exitCode == 0, validated.output);
    writeFile(scratch("action") / "broken.yml", "name: x\nruns:\n  using: composite\n  steps: 7\n");
    CHECK(run("'" + *validator + "' '" +
              (scratch("action-broken") / ".." / "action" / "broken.yml").string() + "'")
              .exitCode != 0);
    const auto steps =
        run("tests/integration/action.sh '" + sourceDir().string() + "' '" + binary() + "'");
    CHECK_MESSAGE(steps.exitCode == 0, steps.output);
  }
}

TEST_SUITE("integration") {
  TEST_CASE("the DOT event-flow graph renders with Graphviz") {
    const auto dot = testTool("dot (graphviz)", "dot");
    if (!dot) return;
    const fs::path folder = scratch("graph");
    const auto graph = run(binary() + " graph testdata/system/order --format dot > " +
                           (folder / "order.dot").string());
    REQUIRE(graph.exitCode == 0);
    const auto rendered = run(*dot + " -Tsvg " + (folder / "order.dot").string() + " -o " +
                              (folder / "order.svg").string());
    CHECK_MESSAGE(rendered.exitCode == 0, rendered.output);
    const std::string svg = readFile(folder / "order.svg");
    CHECK(svg.find("<svg") != std::string::npos);
    for (const auto* label : {"Order Producer", "Order Fulfillment", "Order SQS Bridge",
                              "orders.created", "orders.fulfilled"})
      CHECK_MESSAGE(svg.find(label) != std::string::npos, label);
  }
}
