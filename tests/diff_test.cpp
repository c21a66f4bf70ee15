// `asynclint diff`: every pair under testdata/diff/<case>/ (old.yaml, new.yaml) compared both
// ways, each against its golden (old-to-new.expected, new-to-old.expected: the text output and
// the exit code); pairs named ok-* give no finding either way. Also: every kind of change is
// proved by some golden, in both verdict directions where the direction matters; the output
// formats; re-grading with --rule and a configuration; the git side (REV:path) in a temporary
// repository; input errors.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "diff/kinds.hpp"
#include "engine/rule.hpp"
#include "support.hpp"

using namespace asynclint;
using namespace asynclint::test;
namespace fs = std::filesystem;

namespace {

const fs::path cases = fs::path("testdata") / "diff";

CommandResult asynclintRun(const std::string& arguments) {
  return run(binary() + " " + arguments);
}

std::vector<std::string> caseNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(sourceDir() / cases)) {
    if (entry.is_directory() && fs::exists(entry.path() / "old.yaml"))
      names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The text output of `diff from to` with its exit code, as the goldens hold it.
std::string diffOutput(const fs::path& from, const fs::path& to) {
  const auto result =
      asynclintRun("diff --no-color " + from.generic_string() + " " + to.generic_string());
  return result.output + "(exit " + std::to_string(result.exitCode) + ")\n";
}

std::string allGoldens() {
  std::string text;
  for (const auto& name : caseNames()) {
    for (const char* golden : {"old-to-new.expected", "new-to-old.expected"}) {
      const fs::path path = sourceDir() / cases / name / golden;
      if (fs::exists(path)) text += readFile(path);
    }
  }
  return text;
}

struct TemporaryFolder {
  fs::path path;
  TemporaryFolder() {
    std::string pattern = (fs::temp_directory_path() / "asynclint-diff-test-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

CommandResult runIn(const fs::path& folder, const std::string& command) {
  return run("cd '" + folder.string() + "' && " + command);
}

}  // namespace

TEST_SUITE("diff") {
  TEST_CASE("every pair gives its golden output, both ways") {
    const auto names = caseNames();
    REQUIRE(names.size() >= 40);
    for (const auto& name : names) {
      CAPTURE(name);
      const fs::path folder = cases / name;
      const std::string forward = diffOutput(folder / "old.yaml", folder / "new.yaml");
      const std::string backward = diffOutput(folder / "new.yaml", folder / "old.yaml");
      if (name.starts_with("ok-")) {
        CHECK(forward == "0 errors, 0 warnings in 2 files\n(exit 0)\n");
        CHECK(backward == "0 errors, 0 warnings in 2 files\n(exit 0)\n");
        continue;
      }
      checkAgainstGolden(sourceDir() / folder / "old-to-new.expected", forward);
      checkAgainstGolden(sourceDir() / folder / "new-to-old.expected", backward);
    }
  }

  TEST_CASE("every kind of change is proved by a golden, and has a verdict of its severity") {
    const std::string goldens = allGoldens();
    for (const auto& kind : diff::allKinds()) {
      CAPTURE(std::string(kind.id));
      CHECK(goldens.find(fmt::format("[{}]", kind.id)) != std::string::npos);
      const auto* rule = engine::findRule(kind.id);
      REQUIRE(rule != nullptr);
      CHECK(rule->info().kind == engine::RuleKind::diff);
      CHECK((rule->info().severity == kind.severity));
    }
  }

  TEST_CASE("the acceptance items of issue 20 on the order services: verdict and line") {
    // Each: case, the one finding's place, rule and severity (the rest is in the goldens).
    const std::vector<std::tuple<std::string, std::string>> expected{
        {"description-changed",
         "new.yaml:40:5: info: channel 'ordersCreated': description changed "
         "[diff-documentation-changed]"},
        {"sent-optional-property-added", "new.yaml:114:9: info: "},
        {"sent-required-property-removed", "new.yaml:87:7: error: "},
        {"sent-property-type-changed", "new.yaml:128:11: error: "},
        {"sent-enum-value-added", "new.yaml:284:11: error: "},
        {"sent-enum-value-removed", "new.yaml:284:11: info: "},
        {"address-renamed", "new.yaml:38:14: error: "},
        {"operation-removed", "old.yaml:123:3: error: "},
        {"channel-key-renamed", "new.yaml:37:3: info: "},
        {"received-required-property-added", "new.yaml:230:7: error: "},
        {"received-optional-property-added", "new.yaml:228:7: info: "},
        {"received-property-type-widened", "new.yaml:221:11: info: "},
    };
    for (const auto& [name, place] : expected) {
      CAPTURE(name);
      const fs::path folder = cases / name;
      const std::string output = diffOutput(folder / "old.yaml", folder / "new.yaml");
      CHECK(output.find((folder / place).generic_string()) != std::string::npos);
    }
  }

  TEST_CASE("every output format, at the new document's line and the old one's for a removal") {
    // A removed operation (old document) and an enum value no longer sent (new document).
    const std::string pair =
        "testdata/diff/sent-enum-value-added/new.yaml "
        "testdata/diff/operation-removed/new.yaml";
    for (const char* format :
         {"github", "json", "markdown", "junit", "stylish", "codeclimate", "checkstyle"}) {
      CAPTURE(format);
      const auto result = asynclintRun(std::string("diff --no-color -f ") + format + " " + pair);
      CHECK(result.exitCode == 1);
      checkAgainstGolden(sourceDir() / cases / "expected" / (std::string(format) + ".txt"),
                         result.output);
    }
    std::string sarif = asynclintRun("diff -f sarif " + pair).output;
    const std::string workingFolder = "file://" + sourceDir().generic_string() + "/";
    for (auto at = sarif.find(workingFolder); at != std::string::npos;
         at = sarif.find(workingFolder))
      sarif.replace(at, workingFolder.size(), "file:///working-folder/");
    checkAgainstGolden(sourceDir() / cases / "expected" / "sarif.json", sarif);
  }

  TEST_CASE("--rule, a configuration and --fail-severity re-grade a kind of change") {
    const std::string pair =
        "testdata/diff/sent-message-added/old.yaml testdata/diff/sent-message-added/new.yaml";
    const auto asIs = asynclintRun("diff --no-color --no-config " + pair);
    CHECK(asIs.exitCode == 0);
    CHECK(asIs.output.find("warning: ") != std::string::npos);
    const auto error =
        asynclintRun("diff --no-color --no-config --rule diff-sent-message-added=error " + pair);
    CHECK(error.exitCode == 1);
    CHECK(error.output.find("error: operation 'publishOrderCreated' now also sends message "
                            "'OrderCancelled'") != std::string::npos);
    const auto off =
        asynclintRun("diff --no-color --no-config --rule diff-sent-message-added=off " + pair);
    CHECK(off.exitCode == 0);
    CHECK(off.output == "0 errors, 0 warnings in 2 files\n");
    const auto failing =
        asynclintRun("diff --no-color --no-config --fail-severity warning " + pair);
    CHECK(failing.exitCode == 1);
    const auto configured =
        asynclintRun("diff --no-color --config testdata/diff/regrade.asynclint.yaml " + pair);
    CHECK(configured.exitCode == 1);
    CHECK(configured.output.find("error: operation 'publishOrderCreated' now also sends") !=
          std::string::npos);
  }

  TEST_CASE("explain documents every kind of change") {
    const auto explained = asynclintRun("explain diff-address-changed");
    CHECK(explained.exitCode == 0);
    CHECK(explained.output.starts_with(
        "diff-address-changed: An operation's channel has another address\n"
        "severity: error, on by default, AsyncAPI 2.x, 3.x\n"));
  }

  TEST_CASE("input errors: a missing file, a document that is not AsyncAPI, a bad reference") {
    const auto missing = asynclintRun(
        "diff --no-color testdata/diff/nowhere.yaml testdata/diff/ok-identical/new.yaml");
    CHECK(missing.exitCode == 2);
    CHECK(missing.output.find("testdata/diff/nowhere.yaml") != std::string::npos);
    const auto notAsyncApi = asynclintRun(
        "diff --no-color testdata/diff/regrade.asynclint.yaml testdata/diff/ok-identical/new.yaml");
    CHECK(notAsyncApi.exitCode == 2);
    CHECK(notAsyncApi.output.find("not an AsyncAPI document") != std::string::npos);
  }

  TEST_CASE("REV:path reads a side from git, its references to other files as at that revision") {
    TemporaryFolder repository;
    const fs::path top = repository.path;
    fs::create_directories(top / "api" / "schemas");
    const std::string document =
        readFile(sourceDir() / cases / "multifile-sent-type-changed" / "old.yaml");
    writeFile(top / "api" / "asyncapi.yaml", document);
    writeFile(top / "api" / "schemas" / "old-order.yaml",
              readFile(sourceDir() / cases / "multifile-sent-type-changed" / "schemas" /
                       "old-order.yaml"));
    const auto committed =
        runIn(top,
              "git init -q . && git checkout -q -b main && git add -A && "
              "git -c user.name=t -c user.email=t@example.com commit -q -m base");
    REQUIRE_MESSAGE(committed.exitCode == 0, committed.output);
    // The working copy: the address renamed, and the schema file of the same name changed.
    std::string renamed = document;
    renamed.replace(renamed.find("address: orders.created"), 23, "address: orders.placed");
    writeFile(top / "api" / "asyncapi.yaml", renamed);
    writeFile(top / "api" / "schemas" / "old-order.yaml",
              readFile(sourceDir() / cases / "multifile-sent-type-changed" / "schemas" /
                       "new-order.yaml"));
    const auto result =
        runIn(top, binary() + " diff main:api/asyncapi.yaml api/asyncapi.yaml -f github");
    CHECK(result.exitCode == 1);
    CHECK(result.output ==
          "::error file=api/asyncapi.yaml,line=38,col=14,endLine=38,endColumn=27,"
          "title=diff-address-changed::operation 'publishOrderCreated' sends on 'orders.placed' "
          "instead of 'orders.created': whoever receives from 'orders.created' no longer meets "
          "it%0Amain:api/asyncapi.yaml:38:14: the old address\n"
          "::error file=api/schemas/old-order.yaml,line=8,col=7,endLine=8,endColumn=11,"
          "title=diff-sent-payload-widened::'OrderCreated' sent on 'orders.placed' by operation "
          "'publishOrderCreated': payload.total_amount is number for the new schema but string "
          "for the old schema; consumers written for the old schema may reject "
          "it%0Aapi/asyncapi.yaml:66:15: referenced here\n");
    // From a subfolder, ./path is relative to it, as for `git show`.
    const auto here =
        runIn(top / "api", binary() + " diff --no-color main:./asyncapi.yaml asyncapi.yaml");
    CHECK(here.exitCode == 1);
    CHECK(here.output.find("main:api/asyncapi.yaml") != std::string::npos);
    const auto unknown =
        runIn(top, binary() + " diff --no-color nosuchbranch:api/asyncapi.yaml api/asyncapi.yaml");
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.output.find("cannot read revision 'nosuchbranch'") != std::string::npos);
    const auto absent =
        runIn(top, binary() + " diff --no-color main:api/other.yaml api/asyncapi.yaml");
    CHECK(absent.exitCode == 2);
    CHECK(absent.output.find("'api/other.yaml' does not exist at revision 'main'") !=
          std::string::npos);
  }
}
