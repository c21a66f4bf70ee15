// Every rule, alone, on its fixtures under testdata/rules/<id>/: each failing fixture gives
// exactly its golden output (<fixture>.expected); each near-miss (ok-*) gives nothing. Also:
// every registered rule has documentation with the required sections, and fixtures.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <sstream>

#include "app/inputs.hpp"
#include "engine/engine.hpp"
#include "engine/rule.hpp"
#include "report/reporter.hpp"
#include "rule_fixtures.hpp"
#include "source/loader.hpp"
#include "support.hpp"
#include "system/load.hpp"
#include "system/system_rule.hpp"

namespace fs = std::filesystem;
using namespace asynclint;
using namespace asynclint::test;

namespace {

std::vector<fs::path> fixturesOf(const std::string& id) {
  std::vector<fs::path> fixtures;
  const fs::path folder = sourceDir() / "testdata" / "rules" / id;
  if (!fs::is_directory(folder)) return fixtures;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".expected")
      fixtures.push_back(fs::relative(entry.path(), sourceDir()));
  }
  std::sort(fixtures.begin(), fixtures.end());
  return fixtures;
}

// The rule's findings on one fixture, in the text format, with the summary line.
std::string runAlone(const std::string& id, const fs::path& fixture) {
  LoadResult loaded = loadFile((sourceDir() / fixture).string());
  REQUIRE_MESSAGE(loaded.document.has_value(), "fixture does not load: " << fixture);
  loaded.document->path = fixture.string();
  report::RunReport run;
  run.files.push_back({fixture.string(), false, {}});
  run.diagnostics = engine::runRules(*loaded.document, {id});
  sortDiagnostics(run.diagnostics);
  std::ostringstream out;
  report::writeReport(*report::findFormat("text"), run, {}, out);
  return out.str();
}

// A system rule's findings on one fixture (a folder of documents: one system), in the text
// format, with the summary line.
std::string runSystemAlone(const std::string& id, const fs::path& fixture) {
  // Files are named relative to the source folder, as in the goldens.
  const fs::path previous = fs::current_path();
  fs::current_path(sourceDir());
  struct Restore {
    fs::path folder;
    ~Restore() { fs::current_path(folder); }
  } restore{previous};
  REQUIRE_MESSAGE(fs::is_directory(fixture), "missing fixture: " << fixture);
  std::vector<std::string> files;
  for (auto& input : expandInputs({fixture.generic_string()}))
    files.push_back(std::move(input.path));
  const auto loaded = system::loadSystem(files, {});
  REQUIRE_MESSAGE(loaded.problems().empty(), "fixture does not load: " << fixture);
  report::RunReport run;
  for (const auto& file : files)
    run.files.push_back({file, false, {}});
  run.diagnostics = system::runSystemRules(loaded.services(), loaded.locator(),
                                           [&](const std::string& rule) { return rule == id; });
  sortDiagnostics(run.diagnostics);
  std::ostringstream out;
  report::writeReport(*report::findFormat("text"), run, {}, out);
  return out.str();
}

}  // namespace

// Called by the generated TEST_CASE "rule:<id>" of each rule (tests/CMakeLists.txt writes one per
// rules/<id>.cpp, so that `--test-case=rule:<id>` runs one rule's fixtures alone).
void checkRuleFixtures(const std::string& id) {
  const auto* rule = engine::findRule(id);
  REQUIRE_MESSAGE(rule != nullptr, "rules/" << id << ".cpp registers no rule named " << id);
  const auto fixtures = fixturesOf(id);
  const auto passing = std::count_if(fixtures.begin(), fixtures.end(), [](const fs::path& f) {
    return f.filename().string().starts_with("ok-");
  });
  CHECK_MESSAGE(passing >= 1, "rule " << id << " has no passing fixture (ok-*)");
  CHECK_MESSAGE(fixtures.size() - static_cast<std::size_t>(passing) >= 1,
                "rule " << id << " has no failing fixture");
  for (const auto& fixture : fixtures) {
    CAPTURE(fixture);
    const bool system = rule->info().kind == engine::RuleKind::system;
    CHECK_MESSAGE(fs::is_directory(sourceDir() / fixture) == system,
                  "a system rule's fixture is a folder of documents, another rule's a file");
    const std::string actual = system ? runSystemAlone(id, fixture) : runAlone(id, fixture);
    if (fixture.filename().string().starts_with("ok-")) {
      CHECK_MESSAGE(actual.starts_with("0 errors, 0 warnings in "), actual);
      CHECK_MESSAGE(actual.find("[") == std::string::npos, actual);
      continue;
    }
    fs::path golden = sourceDir() / fixture;
    golden += ".expected";
    checkAgainstGolden(golden, actual);
    CHECK_MESSAGE(actual.find("[" + id + "]") != std::string::npos,
                  "a failing fixture must trigger its rule");
  }
}

TEST_SUITE("rules") {
  TEST_CASE("every rule that is not built in has its own rules/<id>.cpp, hence a test case") {
    for (const auto* rule : engine::allRules()) {
      // Built-in findings come before the rules; kinds of change are proved by the diff suite.
      if (rule->info().kind == engine::RuleKind::builtin ||
          rule->info().kind == engine::RuleKind::diff)
        continue;
      CHECK_MESSAGE(fs::exists(sourceDir() / "rules" / (rule->info().id + ".cpp")),
                    "rule " << rule->info().id << " is not defined in rules/" << rule->info().id
                            << ".cpp, so no test case runs its fixtures");
    }
  }

  TEST_CASE(
      "every rule has an id in kebab-case, a summary and a documentation page with the required "
      "sections") {
    const std::regex kebab("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    const std::vector<std::string> sections{"## What it checks", "## Why it matters",
                                            "## Failing example", "## Passing example",
                                            "## Options"};
    for (const auto* rule : engine::allRules()) {
      const auto& info = rule->info();
      CAPTURE(info.id);
      CHECK(std::regex_match(info.id, kebab));
      CHECK_FALSE(info.summary.empty());
      const std::string doc(engine::ruleDoc(info.id));
      REQUIRE_MESSAGE(!doc.empty(), "rules/" << info.id << ".md is missing");
      CHECK(doc.starts_with("# " + info.id + "\n"));
      std::size_t last = 0;
      for (const auto& section : sections) {
        const std::size_t at = doc.find("\n" + section + "\n");
        CHECK_MESSAGE(at != std::string::npos, "missing section " << section);
        CHECK_MESSAGE(at >= last, "section out of order: " << section);
        last = at == std::string::npos ? last : at;
      }
      for (const auto& option : info.options)
        CHECK_MESSAGE(doc.find("`" + option.name + "`") != std::string::npos,
                      "undocumented option " << option.name);
    }
  }

  TEST_CASE("every documentation page and fixture folder belongs to a registered rule") {
    for (const auto& entry : fs::directory_iterator(sourceDir() / "rules")) {
      // README.md and SPEC-MUSTS.md (which rule enforces which MUST) are about all rules.
      const auto name = entry.path().filename();
      if (entry.path().extension() != ".md" || name == "README.md" || name == "SPEC-MUSTS.md")
        continue;
      CHECK_MESSAGE(engine::findRule(entry.path().stem().string()) != nullptr,
                    "orphan doc " << entry.path());
    }
    for (const auto& entry : fs::directory_iterator(sourceDir() / "testdata" / "rules")) {
      CHECK_MESSAGE(engine::findRule(entry.path().filename().string()) != nullptr,
                    "orphan fixtures " << entry.path());
    }
  }

  TEST_CASE("README.md's table of rules is what `asynclint rules --markdown` prints") {
    const std::string readme = readFile(sourceDir() / "README.md");
    const std::string begin = "<!-- rules table: generated by";
    const std::string end = "<!-- rules table: end -->";
    const auto from = readme.find('\n', readme.find(begin));
    const auto to = readme.find(end);
    REQUIRE_MESSAGE((readme.find(begin) != std::string::npos && to != std::string::npos),
                    "README.md has no generated rules table");
    const auto listed = run(binary() + " rules --no-config --markdown");
    CHECK(listed.exitCode == 0);
    CHECK_MESSAGE(readme.substr(from + 1, to - from - 1) == listed.output,
                  "regenerate it: asynclint rules --no-config --markdown");
  }

  TEST_CASE("README.md lists every rule") {
    const std::string readme = readFile(sourceDir() / "README.md");
    for (const auto* rule : engine::allRules()) {
      CHECK_MESSAGE(readme.find("| `" + rule->info().id + "` |") != std::string::npos,
                    "README.md does not list " << rule->info().id);
    }
  }
}
