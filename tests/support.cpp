#include "support.hpp"

#include <sys/wait.h>

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
  return ASYNCLINT_BINARY;
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

bool updatingGolden() {
  const char* value = std::getenv("ASYNCLINT_UPDATE_GOLDEN");
  return value != nullptr && std::string(value) == "1";
}

}  // namespace asynclint::test
