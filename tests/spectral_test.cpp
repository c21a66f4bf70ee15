// Custom rules in the Spectral ruleset language, judged against Stoplight's own spectral-cli: each
// ruleset testdata/rulesets/*.spectral.yaml runs, through asynclint and through Spectral, on the
// documents of testdata/rulesets/docs/, and both must give the same findings, counted by (file,
// rule, line, severity), but for the differences listed with their reasons in
// testdata/rulesets/divergences.tsv. asynclint's own output for each ruleset is also pinned by a
// golden file beside it (<name>.expected), which needs no Spectral.
//
// asynclint runs with testdata/rulesets/asynclint.yaml, which turns its own rules off, so that only
// the ruleset's rules report, as with Spectral. Without Spectral (scripts/setup-test-tools.sh) the
// comparison skips with a message, unless ASYNCLINT_REQUIRE_TEST_TOOLS=1 or CI=true.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "support.hpp"

using namespace asynclint::test;
namespace fs = std::filesystem;

namespace {

const fs::path rulesetsFolder = "testdata/rulesets";

// The rulesets under test (relative to the source folder), sorted; base/ holds files they extend.
std::vector<fs::path> rulesets() {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(sourceDir() / rulesetsFolder)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 13 && name.ends_with(".spectral.yaml"))
      found.push_back(rulesetsFolder / name);
  }
  std::sort(found.begin(), found.end());
  return found;
}

// The documents every ruleset runs on, as one shell argument list.
std::string documents() {
  std::vector<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(sourceDir() / rulesetsFolder / "docs"))
    if (entry.is_regular_file())
      found.push_back(entry.path().lexically_relative(sourceDir()).string());
  std::sort(found.begin(), found.end());
  std::string arguments;
  for (const auto& document : found)
    arguments += " '" + document + "'";
  return arguments;
}

std::string baseName(const fs::path& ruleset) {
  const std::string name = ruleset.filename().string();
  return name.substr(0, name.size() - std::string(".spectral.yaml").size());
}

CommandResult runAsynclint(const fs::path& ruleset, const std::string& format) {
  return run(binary() + " validate --config " + (rulesetsFolder / "asynclint.yaml").string() +
             " -r " + ruleset.string() + " -f " + format + documents());
}

struct Finding {
  std::string file;
  std::string rule;
  int line = 0;  // 1-based
  std::string severity;
  auto operator<=>(const Finding&) const = default;
};
using Counts = std::map<Finding, int>;

std::string describe(const Finding& finding) {
  return finding.file + ":" + std::to_string(finding.line) + " " + finding.rule + " (" +
         finding.severity + ")";
}

Counts asynclintFindings(const std::string& output) {
  Counts counts;
  const auto report = nlohmann::json::parse(output);
  for (const auto& finding : report.at("findings")) {
    const auto& start = finding.at("start");
    const int line = start.is_null() ? 0 : start.at("line").get<int>();
    ++counts[{finding.at("file").get<std::string>(), finding.at("rule").get<std::string>(), line,
              finding.at("severity").get<std::string>()}];
  }
  return counts;
}

// Spectral's severities are numbers, its lines 0-based and its files absolute.
Counts spectralFindings(const std::string& output) {
  static const std::vector<std::string> severities{"error", "warning", "info", "hint"};
  Counts counts;
  const auto findings = nlohmann::json::parse(output);
  for (const auto& finding : findings) {
    const fs::path source = finding.at("source").get<std::string>();
    const int line = finding.at("range").at("start").at("line").get<int>() + 1;
    ++counts[{
        fs::weakly_canonical(source).lexically_relative(fs::weakly_canonical(sourceDir())).string(),
        finding.at("code").get<std::string>(), line,
        severities.at(finding.at("severity").get<std::size_t>())}];
  }
  return counts;
}

// One line of divergences.tsv: a difference allowed, with the counts each tool gives. A ruleset
// with `*` as document is one Spectral cannot load at all.
struct Divergence {
  std::string ruleset;
  Finding finding = {};
  int spectral = 0;
  int asynclint = 0;
  std::string reason;
  bool wholeRuleset() const { return finding.file == "*"; }
};

std::vector<std::string> splitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, '\t'))
    fields.push_back(field);
  return fields;
}

std::vector<Divergence> divergences() {
  std::vector<Divergence> listed;
  std::stringstream lines(readFile(sourceDir() / rulesetsFolder / "divergences.tsv"));
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.empty() || line.starts_with("#")) continue;
    const auto fields = splitTabs(line);
    REQUIRE_MESSAGE(fields.size() == 8, "divergences.tsv:" << number << " needs 8 tab-separated "
                                                           << "fields, has " << fields.size());
    REQUIRE_MESSAGE(!fields[7].empty(), "divergences.tsv:" << number << " gives no reason");
    Divergence divergence{.ruleset = fields[0], .reason = fields[7]};
    divergence.finding.file = fields[1];
    if (!divergence.wholeRuleset()) {
      divergence.finding = {fields[1], fields[2], std::stoi(fields[3]), fields[4]};
      divergence.spectral = std::stoi(fields[5]);
      divergence.asynclint = std::stoi(fields[6]);
    }
    listed.push_back(divergence);
  }
  return listed;
}

std::vector<Divergence> divergencesOf(const std::string& ruleset) {
  std::vector<Divergence> found;
  for (auto& divergence : divergences())
    if (divergence.ruleset == ruleset) found.push_back(divergence);
  return found;
}

// The differences between the two tools' counts that divergences.tsv does not list, and the
// entries of divergences.tsv that no longer happen.
std::string unlistedDifferences(const Counts& spectral, const Counts& asynclint,
                                const std::vector<Divergence>& listed) {
  std::set<Finding> findings;
  for (const auto& [finding, count] : spectral)
    findings.insert(finding);
  for (const auto& [finding, count] : asynclint)
    findings.insert(finding);
  std::set<Finding> used;
  std::string problems;
  for (const auto& finding : findings) {
    const int bySpectral = spectral.contains(finding) ? spectral.at(finding) : 0;
    const int byAsynclint = asynclint.contains(finding) ? asynclint.at(finding) : 0;
    if (bySpectral == byAsynclint) continue;
    const auto match = std::find_if(listed.begin(), listed.end(), [&](const Divergence& entry) {
      return entry.finding == finding && entry.spectral == bySpectral &&
             entry.asynclint == byAsynclint;
    });
    if (match != listed.end()) {
      used.insert(finding);
      continue;
    }
    problems += "  " + describe(finding) + ": Spectral " + std::to_string(bySpectral) +
                ", asynclint " + std::to_string(byAsynclint) + "\n";
  }
  for (const auto& entry : listed)
    if (!used.contains(entry.finding))
      problems +=
          "  listed in divergences.tsv but does not happen (stale): " + describe(entry.finding) +
          "\n";
  return problems;
}

fs::path scratch() {
  const fs::path folder = fs::path(binary()).parent_path() / "spectral";
  fs::create_directories(folder);
  return folder;
}

// asynclint's text output for `ruleset` (its own rules off) on `document`, both written to a
// scratch folder as ruleset.yaml and doc.yaml; paths in the output are relative to that folder.
std::string lintWith(const std::string& name, const std::string& ruleset,
                     const std::string& document) {
  const fs::path folder = scratch() / name;
  fs::create_directories(folder);
  writeFile(folder / "ruleset.yaml", ruleset);
  writeFile(folder / "doc.yaml", document);
  writeFile(folder / "off.yaml", "extends: off\n");
  return run("cd '" + folder.string() + "' && " + binary() +
             " validate --config off.yaml -r ruleset.yaml doc.yaml")
      .output;
}

const std::string smallDocument = R"(asyncapi: 3.0.0
info:
  title: T
  version: 1.0.0
channels:
  zeta:
    address: z
    messages:
      m:
        $ref: '#/components/messages/M'
  alpha:
    address: a
components:
  messages:
    M:
      payload:
        type: object
)";

}  // namespace

TEST_SUITE("spectral") {
  TEST_CASE("an alias may use an alias written after it") {
    const auto output = lintWith("alias-order", R"(aliases:
  Described:
    - '#Zchannels.address'
  Zchannels:
    - $.channels[*]
rules:
  short-address:
    given: '#Described'
    then:
      function: length
      functionOptions:
        max: 0
)",
                                 smallDocument);
    CHECK(output ==
          "doc.yaml:7:5: warning: \"address\" property must be shorter than 0 [short-address]\n"
          "doc.yaml:12:5: warning: \"address\" property must be shorter than 0 [short-address]\n"
          "0 errors, 2 warnings in 1 file\n");
  }

  TEST_CASE("field: $ref names the property, as JSONPath-Plus reads it") {
    const auto output = lintWith("field-ref", R"(rules:
  message-is-ref:
    resolved: false
    given: $.channels[*].messages[*]
    then:
      field: $ref
      function: falsy
)",
                                 smallDocument);
    CHECK(output.starts_with("doc.yaml:10:9: warning: "));
    CHECK(output.ends_with("0 errors, 1 warning in 1 file\n"));
  }

  TEST_CASE("patterns, casing and filters check a 300,000-character value (no stack overflow)") {
    // std::regex recursed once per character and crashed here; patterns now run on PCRE2.
    const std::string document =
        "asyncapi: 3.0.0\ninfo:\n  title: T\n  version: 1.0.0\n"
        "  description: '" +
        std::string(300'000, 'a') + "c'\n";
    const auto output = lintWith("long-value", R"(rules:
  no-c-anywhere:
    given: $..description
    then:
      function: pattern
      functionOptions:
        notMatch: (a|b)*c
  description-flat:
    given: $.info.description
    then:
      function: casing
      functionOptions:
        type: flat
  filtered:
    given: $[?(@property == 'info' && @.description.match(/^(A|B)*C$/i))]
    then:
      field: title
      function: falsy
)",
                                 document);
    // Spectral prints the value in the message: the whole 300,001 characters.
    const std::string patternFinding = "doc.yaml:5:3: warning: \"aaaa";
    const std::string patternEnd = "ac\" must not match the pattern \"(a|b)*c\" [no-c-anywhere]\n";
    CHECK(output.starts_with(
        "doc.yaml:3:3: warning: \"title\" property must be falsy [filtered]\n" + patternFinding));
    CHECK(output.ends_with(patternEnd + "0 errors, 2 warnings in 1 file\n"));
  }

  TEST_CASE("pattern flags: i, m and s as JavaScript reads them; an unknown flag is an error") {
    const auto output = lintWith("pattern-flags", R"(rules:
  title-any-case:
    given: $.channels[*].address
    then:
      function: pattern
      functionOptions:
        match: /^Z$/i
  no-path:
    given: $.channels[*].address
    then:
      function: pattern
      functionOptions:
        notMatch: /api/v1
)",
                                 smallDocument);
    CHECK(output ==
          "doc.yaml:12:5: warning: \"a\" must match the pattern \"/^Z$/i\" "
          "[title-any-case]\n"
          "0 errors, 1 warning in 1 file\n");
    const auto sticky = lintWith("pattern-flag-sticky", R"(rules:
  sticky:
    given: $.info.title
    then:
      function: pattern
      functionOptions:
        match: /^T/y
)",
                                 smallDocument);
    CHECK(sticky ==
          "ruleset.yaml:7:9: error: the regular expression flag 'y' is not supported "
          "[config]\n1 error, 0 warnings in 1 file\n");
  }

  TEST_CASE("alphabetical on an object: its keys in the order they are written") {
    const auto output = lintWith("alphabetical-keys", R"(rules:
  channels-sorted:
    given: $.channels
    then:
      function: alphabetical
)",
                                 smallDocument);
    CHECK(output.starts_with("doc.yaml:6:3: warning: "));
    CHECK(output.ends_with("0 errors, 1 warning in 1 file\n"));
  }

  TEST_CASE("an override for part of a file turns rules off there only") {
    const std::string rule = R"(rules:
  address-long:
    given: $.channels[*].address
    then:
      function: length
      functionOptions:
        min: 2
)";
    const auto output = lintWith("override-pointer", rule + R"(overrides:
  - files: ['doc.yaml#/channels/zeta']
    rules:
      address-long: off
)",
                                 smallDocument);
    CHECK(output ==
          "doc.yaml:12:5: warning: \"address\" property must be longer than 2 [address-long]\n"
          "0 errors, 1 warning in 1 file\n");
    const auto notApplied = lintWith("override-pointer-severity", rule + R"(overrides:
  - files: ['doc.yaml#/channels/zeta']
    rules:
      address-long: error
)",
                                     smallDocument);
    CHECK(notApplied.find("an override for part of a file can only turn rules off") !=
          std::string::npos);
  }

  TEST_CASE("an alias with targets: the last target naming a format of the document") {
    const auto output = lintWith("alias-targets", R"(aliases:
  Things:
    targets:
      - formats: [aas3]
        given:
          - $.channels[*]
      - formats: [aas3_0]
        given:
          - $.components.messages[*]
rules:
  has-description:
    formats: [aas3, aas3_0]
    given: '#Things'
    then:
      field: description
      function: truthy
)",
                                 smallDocument);
    CHECK(output.starts_with("doc.yaml:15:5: warning: "));
    CHECK(output.ends_with("0 errors, 1 warning in 1 file\n"));
  }

  TEST_CASE("asynclint's findings for each ruleset are exactly its golden file") {
    const auto all = rulesets();
    REQUIRE(all.size() >= 15);
    for (const auto& ruleset : all) {
      CAPTURE(ruleset);
      const auto result = runAsynclint(ruleset, "text");
      CHECK_MESSAGE(result.exitCode < 2, result.output);
      checkAgainstGolden(sourceDir() / rulesetsFolder / (baseName(ruleset) + ".expected"),
                         result.output + "exit: " + std::to_string(result.exitCode) + "\n");
    }
  }

  TEST_CASE("every divergence names a ruleset under test and gives a reason") {
    const auto all = rulesets();
    for (const auto& divergence : divergences()) {
      CAPTURE(divergence.ruleset);
      CHECK(std::find(all.begin(), all.end(), rulesetsFolder / divergence.ruleset) != all.end());
    }
  }

  TEST_CASE("Spectral and asynclint give the same findings on every ruleset") {
    const auto node = testTool("node", "node");
    const auto spectral =
        testTool("spectral-cli", npmTool("@stoplight/spectral-cli/dist/index.js"));
    if (!node || !spectral) return;
    for (const auto& ruleset : rulesets()) {
      const std::string name = ruleset.filename().string();
      CAPTURE(name);
      const auto listed = divergencesOf(name);
      const fs::path output = scratch() / (name + ".json");
      fs::remove(output);
      const auto bySpectral = run("node '" + *spectral + "' lint -f json -o '" + output.string() +
                                  "' -r " + ruleset.string() + documents());
      const bool spectralCannotRun =
          std::any_of(listed.begin(), listed.end(),
                      [](const Divergence& entry) { return entry.wholeRuleset(); });
      if (spectralCannotRun) {
        // Listed as a ruleset Spectral cannot load: it must still fail to, or the entry is stale.
        CHECK_MESSAGE(bySpectral.exitCode == 2, bySpectral.output);
        continue;
      }
      const auto byAsynclint = runAsynclint(ruleset, "json");
      if (bySpectral.exitCode >= 2 || byAsynclint.exitCode >= 2) {
        FAIL_CHECK("a tool could not run " << name << ":\nSpectral (exit " << bySpectral.exitCode
                                           << "): " << bySpectral.output << "\nasynclint (exit "
                                           << byAsynclint.exitCode << "): " << byAsynclint.output);
        continue;
      }
      const Counts spectralCounts = spectralFindings(readFile(output));
      const Counts asynclintCounts = asynclintFindings(byAsynclint.output);
      // A ruleset that finds nothing proves nothing: each one is written to report.
      CHECK_MESSAGE(!spectralCounts.empty(), "Spectral finds nothing with " << name);
      const std::string problems = unlistedDifferences(spectralCounts, asynclintCounts, listed);
      CHECK_MESSAGE(problems.empty(), "Spectral and asynclint differ on "
                                          << name
                                          << " (fix asynclint, or list the difference with its "
                                             "reason in testdata/rulesets/divergences.tsv):\n"
                                          << problems);
    }
  }
}
