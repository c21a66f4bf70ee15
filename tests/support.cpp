#include "support.hpp"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace asynclint::test {

std::filesystem::path sourceDir() {
  return ASYNCLINT_SOURCE_DIR;
}
std::filesystem::path sharedDir() {
  return ASYNCLINT_SHARED_DIR;
}
std::string binary() {
  // ASYNCLINT_TEST_BINARY runs the end-to-end suites against another build of the same sources,
  // e.g. the packaged release binary (scripts/test.sh).
  const char* other = std::getenv("ASYNCLINT_TEST_BINARY");
  return other != nullptr && *other != '\0' ? other : ASYNCLINT_BINARY;
}

CommandResult run(const std::string& command) {
  const std::string full = "cd '" + sourceDir().string() + "' && " + command + " 2>&1";
  FILE* pipe = popen(full.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run: " + command);
  CommandResult result;
  std::array<char, 4096> buffer{};
  std::size_t read = 0;
  while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), read);
  const int status = pclose(pipe);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path.string());
  std::stringstream content;
  content << file.rdbuf();
  return content.str();
}

void writeFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary);
  file << text;
}

TempFolder::TempFolder(const std::string& name)
    : path(std::filesystem::temp_directory_path() /
           ("asynclint-" + name + "-" + std::to_string(::getpid()))) {
  std::filesystem::remove_all(path);
  std::filesystem::create_directories(path);
}

TempFolder::~TempFolder() {
  std::error_code ignored;
  std::filesystem::remove_all(path, ignored);
}

bool updatingGolden() {
  const char* value = std::getenv("ASYNCLINT_UPDATE_GOLDEN");
  return value != nullptr && std::string(value) == "1";
}

namespace {

bool inCi() {
  const char* value = std::getenv("CI");
  return value != nullptr && std::string(value) == "true";
}

// `diff -u` of the golden file against the actual text, labelled so that the reader sees which
// side is which.
std::string unifiedDiff(const std::filesystem::path& golden, const std::string& actual) {
  const std::filesystem::path actualFile =
      std::filesystem::temp_directory_path() /
      ("asynclint-actual-" + std::to_string(::getpid()) + "-" + golden.filename().string());
  writeFile(actualFile, actual);
  const CommandResult diff =
      run("diff -u --label 'golden " + golden.string() + "' --label actual '" + golden.string() +
          "' '" + actualFile.string() + "'");
  std::filesystem::remove(actualFile);
  return diff.output;
}

}  // namespace

void checkAgainstGolden(const std::filesystem::path& golden, const std::string& actual) {
  if (updatingGolden()) {
    std::filesystem::create_directories(golden.parent_path());
    writeFile(golden, actual);
    return;
  }
  REQUIRE_MESSAGE(std::filesystem::exists(golden), "missing golden file " << golden.string());
  if (actual == readFile(golden)) return;
  FAIL_CHECK("output differs from " << golden.string() << ":\n" << unifiedDiff(golden, actual));
}

bool sharedAvailable(const std::filesystem::path& path) {
  if (std::filesystem::exists(path)) return true;
  if (inCi())
    FAIL_CHECK(path.string() << " is absent: CI=true, and CI always has the shared folder "
                                "beside the project");
  else
    MESSAGE("skipped: " << path.string()
                        << " is absent (the shared folder is not beside the project)");
  return false;
}

namespace {

bool toolsRequired() {
  const char* value = std::getenv("ASYNCLINT_REQUIRE_TEST_TOOLS");
  return (value != nullptr && std::string(value) == "1") || inCi();
}

}  // namespace

std::optional<std::string> testTool(const std::string& name, const std::string& path) {
  const bool found = path.find('/') != std::string::npos ? std::filesystem::exists(path)
                                                         : run("command -v " + path).exitCode == 0;
  if (found) return path;
  const std::string why = name + " is missing; scripts/setup-test-tools.sh installs it";
  if (toolsRequired()) {
    FAIL(why);
  } else {
    MESSAGE("skipped: " << why);
  }
  return std::nullopt;
}

std::string npmTool(const std::string& relative) {
  return (sourceDir() / ".deps/npm-tools/node_modules" / relative).string();
}

}  // namespace asynclint::test
