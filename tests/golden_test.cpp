// End-to-end: runs the built binary on every document under testdata/invalid and compares its
// errors (--quiet: each of these documents shows one kind of error; warnings are the business of
// the rules' own fixtures) and exit code with the golden file beside it (<name>.expected); every
// document under testdata/valid must pass with no finding at all, warnings included.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "support.hpp"

namespace fs = std::filesystem;
using namespace asynclint::test;

namespace {

std::vector<fs::path> documentsIn(const fs::path& folder) {
  std::vector<fs::path> documents;
  for (const auto& entry : fs::directory_iterator(sourceDir() / folder)) {
    if (entry.path().extension() != ".expected")
      documents.push_back(fs::relative(entry.path(), sourceDir()));
  }
  std::sort(documents.begin(), documents.end());
  return documents;
}

}  // namespace

TEST_SUITE("golden") {
  TEST_CASE("every invalid document gives exactly its golden output and exit code") {
    const auto documents = documentsIn("testdata/invalid");
    REQUIRE(documents.size() >= 20);
    for (const auto& document : documents) {
      CAPTURE(document);
      const auto result =
          run(binary() + " validate --quiet --no-color '" + document.string() + "'");
      const std::string actual = result.output + "exit: " + std::to_string(result.exitCode) + "\n";
      fs::path golden = sourceDir() / document;
      golden += ".expected";
      checkAgainstGolden(golden, actual);
    }
  }

  TEST_CASE("every valid document passes with no finding") {
    const auto documents = documentsIn("testdata/valid");
    REQUIRE(documents.size() >= 8);
    for (const auto& document : documents) {
      CAPTURE(document);
      const auto result = run(binary() + " validate --no-color '" + document.string() + "'");
      CHECK(result.output == "0 errors, 0 warnings in 1 file\n");
      CHECK(result.exitCode == 0);
    }
  }
}
