#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace asynclint::test {

struct CommandResult {
  std::string output;  // standard output and standard error, interleaved
  int exitCode = -1;
};

std::filesystem::path sourceDir();
std::filesystem::path sharedDir();
std::string binary();

// Runs a shell command from the source folder, so that paths in the output are relative.
CommandResult run(const std::string& command);
std::string readFile(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, const std::string& text);
// A fresh folder under the temporary folder, removed with everything in it at the end of scope.
struct TempFolder {
  std::filesystem::path path;
  explicit TempFolder(const std::string& name);
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
};

// True when ASYNCLINT_UPDATE_GOLDEN=1 asks the tests to rewrite golden files.
bool updatingGolden();

// Compares `actual` with the golden file (rewriting it instead with ASYNCLINT_UPDATE_GOLDEN=1).
// A missing golden fails the test; a mismatch fails it with a unified diff, golden first.
void checkAgainstGolden(const std::filesystem::path& golden, const std::string& actual);

// True when `path`, under ../shared, exists. Otherwise the caller returns: outside CI that is a
// skip with a message, and with CI=true a failure, since CI always has the shared folder.
bool sharedAvailable(const std::filesystem::path& path);

// An external test tool (scripts/setup-test-tools.sh installs them): `path` when it exists (a
// name without '/' is looked up on PATH). Otherwise nullopt, after a skip message, or a failure
// when ASYNCLINT_REQUIRE_TEST_TOOLS=1 or CI=true say that every tool must be there.
std::optional<std::string> testTool(const std::string& name, const std::string& path);
// The path of `relative` under the npm test tools' node_modules (.deps/npm-tools).
std::string npmTool(const std::string& relative);

}  // namespace asynclint::test
