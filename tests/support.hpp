#pragma once

#include <filesystem>
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
// True when ASYNCLINT_UPDATE_GOLDEN=1 asks the tests to rewrite golden files.
bool updatingGolden();

}  // namespace asynclint::test
