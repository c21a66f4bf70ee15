// Every output format on one canned run, compared with its golden file under testdata/report/
// (ASYNCLINT_UPDATE_GOLDEN=1 rewrites them), and the properties that consumers rely on.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/app.hpp"
#include "canned_report.hpp"
#include "support.hpp"

using namespace asynclint;
using namespace asynclint::test;
namespace fs = std::filesystem;

namespace {

std::string render(std::string_view format, const report::RunReport& run,
                   report::ReportOptions options = {}) {
  const auto* info = report::findFormat(format);
  REQUIRE_MESSAGE(info != nullptr, "no format " << format);
  std::ostringstream out;
  report::writeReport(*info, run, options, out);
  return out.str();
}

void checkGolden(const std::string& name, const std::string& actual) {
  checkAgainstGolden(sourceDir() / "testdata/report" / (name + ".golden"), actual);
}

// A format registered with the factory of another is an alias of it.
const report::FormatInfo* aliasTarget(const std::string& name) {
  for (const auto& other : report::formatNames()) {
    const auto* format = report::findFormat(other);
    if (other < name && format->make == report::findFormat(name)->make) return format;
  }
  return nullptr;
}

nlohmann::json sarifOf(const report::RunReport& run, report::ReportOptions options = {}) {
  return nlohmann::json::parse(render("sarif", run, options));
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("every format gives its golden output on the canned run") {
    const auto run = cannedReport();
    for (const auto& name : report::formatNames()) {
      CAPTURE(name);
      if (const auto* target = aliasTarget(name)) {
        CHECK(render(name, run) == render(target->name, run));
        continue;
      }
      checkGolden(name, render(name, run));
    }
    checkGolden("sarif-all-rules", render("sarif", run, {.sarifAllRules = true}));
    checkGolden("stylish-color", render("stylish", run, {.color = true}));
    checkGolden("text-quiet", render("text", run, {.quiet = true}));
    checkGolden(
        "markdown-clean",
        render("markdown", report::RunReport{
                               run.tool, {run.files.back()}, {}, run.rules, run.workingDirectory}));
  }

  TEST_CASE("--quiet keeps machine formats complete") {
    const auto run = cannedReport();
    for (const auto& name : report::formatNames()) {
      CAPTURE(name);
      if (!report::findFormat(name)->human)
        CHECK(render(name, run, {.quiet = true}) == render(name, run));
    }
    CHECK(render("text", run, {.quiet = true}).find("warning") == std::string::npos);
  }

  TEST_CASE("github: %, CR and LF escaped in messages, and : and , in properties too") {
    const auto output = render("github", cannedReport());
    CHECK(output.find("::notice file=api/orders.yaml,line=6,col=14,endLine=6,endColumn=26,"
                      "title=message-examples-missing::100%25 of messages lack examples:%0D%0Aadd "
                      "one,%0Aplease\n") != std::string::npos);
    CHECK(output.find(
              "::error file=api/v1%2Cv2%3A ünï/naïve file.yaml,line=4,col=3,endLine=4,endColumn=8,"
              "title=duplicate-key::key 'title' is defined twice in 'info' (« naïve »)%0A"
              "api/v1,v2: ünï/naïve file.yaml:3:3: first defined here\n") != std::string::npos);
    CHECK(output.find("::notice file=api/orders.yaml,title=info-contact-missing::") !=
          std::string::npos);
    CHECK(output.find("::error file=api/missing.yaml,title=file-unreadable::no such file\n") !=
          std::string::npos);
    // One command a line: no raw line break inside a command.
    std::size_t lines = 0;
    for (const char c : output)
      lines += c == '\n' ? 1 : 0;
    CHECK(lines == cannedReport().diagnostics.size());
  }

  TEST_CASE("sarif: rule indexes, locations, fingerprints and tool errors") {
    const auto run = cannedReport();
    const auto sarif = sarifOf(run);
    const auto& log = sarif["runs"][0];
    const auto& rules = log["tool"]["driver"]["rules"];
    CHECK(rules.size() == 6);  // the rules that fired, not server-url-format
    for (const auto& result : log["results"])
      CHECK(rules[result["ruleIndex"].get<std::size_t>()]["id"] == result["ruleId"]);
    CHECK(sarifOf(run, {.sarifAllRules = true})["runs"][0]["tool"]["driver"]["rules"].size() ==
          run.rules.size());
    CHECK(log["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///home/user/project/");
    bool sawEncoded = false;
    for (const auto& result : log["results"]) {
      const auto& location = result["locations"][0]["physicalLocation"];
      CHECK(location["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
      if (result["ruleId"] == "duplicate-key") {
        CHECK(location["artifactLocation"]["uri"] ==
              "api/v1%2Cv2%3A%20%C3%BCn%C3%AF/na%C3%AFve%20file.yaml");
        CHECK(result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 3);
        sawEncoded = true;
      }
      if (result["ruleId"] == "info-contact-missing") CHECK_FALSE(location.contains("region"));
      CHECK(result["partialFingerprints"]["asynclint/v1"].get<std::string>().size() == 16);
    }
    CHECK(sawEncoded);
    const auto& invocation = log["invocations"][0];
    CHECK(invocation["executionSuccessful"] == false);
    REQUIRE(invocation["toolExecutionNotifications"].size() == 1);
    CHECK(invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]
                    ["artifactLocation"]["uri"] == "api/missing.yaml");
  }

  TEST_CASE("sarif: files outside the working folder get absolute file URIs") {
    report::RunReport run = cannedReport();
    run.diagnostics.clear();
    for (const std::string file :
         {"/home/user/project/api/inside.yaml", "/elsewhere/x y.yaml", "../up.yaml"}) {
      Diagnostic diagnostic;
      diagnostic.rule = "schema";
      diagnostic.file = file;
      run.diagnostics.push_back(diagnostic);
    }
    const auto sarif = sarifOf(run);
    const auto& results = sarif["runs"][0]["results"];
    auto artifact = [&](std::size_t i) {
      return results[i]["locations"][0]["physicalLocation"]["artifactLocation"];
    };
    CHECK(artifact(0) == nlohmann::json{{"uri", "api/inside.yaml"}, {"uriBaseId", "%SRCROOT%"}});
    CHECK(artifact(1) == nlohmann::json{{"uri", "file:///elsewhere/x%20y.yaml"}});
    CHECK(artifact(2) == nlohmann::json{{"uri", "file:///home/user/up.yaml"}});
  }

  TEST_CASE("sarif: a finding keeps its fingerprint when a comment moves it down") {
    const fs::path folder = fs::temp_directory_path() / "asynclint-fingerprint-test";
    fs::create_directories(folder);
    const std::string document =
        readFile(sourceDir() / "testdata/invalid/info-unknown-property.yaml");
    auto fingerprints = [&](const std::string& text) {
      const fs::path file = folder / "asyncapi.yaml";
      writeFile(file, text);
      report::RunReport run;
      run.files.push_back({file.string(), false, {}});
      run.diagnostics = validateFile(file.string()).diagnostics;
      std::vector<std::pair<std::string, int>> found;
      const auto sarif = sarifOf(run);
      for (const auto& result : sarif["runs"][0]["results"]) {
        found.emplace_back(
            result["partialFingerprints"]["asynclint/v1"].get<std::string>(),
            result["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>());
      }
      return found;
    };
    const auto before = fingerprints(document);
    const auto after = fingerprints("# a comment that shifts every line\n" + document);
    fs::remove_all(folder);
    REQUIRE(before.size() == 2);
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
      CHECK(after[i].first == before[i].first);
      CHECK(after[i].second == before[i].second + 1);
    }
  }

  TEST_CASE("the app fills rule metadata from the registry, with docs and stable help links") {
    const auto catalog = ruleCatalog();
    REQUIRE(!catalog.empty());
    for (const auto& rule : catalog) {
      CAPTURE(rule.id);
      CHECK(!rule.summary.empty());
      CHECK(!rule.doc.empty());
      CHECK(!rule.fullDescription.empty());
      CHECK(rule.helpUri == toolInfo().informationUri + "/blob/main/rules/" + rule.id + ".md");
    }
  }
}
