#include "app/git_revision.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

extern char** environ;

namespace asynclint {
namespace {

namespace fs = std::filesystem;

struct ProcessResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

#ifdef __EMSCRIPTEN__
// WebAssembly cannot start processes.
ProcessResult runProcess(const std::vector<std::string>& arguments, const fs::path& /*scratch*/) {
  ProcessResult result;
  result.err =
      fmt::format("cannot run {}: not available in this build (WebAssembly)", arguments[0]);
  return result;
}
#else
std::string readAll(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
    text.pop_back();
  return text;
}

// Runs `arguments` (no shell) with standard output and error captured through files in `scratch`.
ProcessResult runProcess(const std::vector<std::string>& arguments, const fs::path& scratch) {
  ProcessResult result;
  const fs::path outFile = scratch / "stdout";
  const fs::path errFile = scratch / "stderr";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outFile.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errFile.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<char*> argv;
  for (const auto& argument : arguments)
    argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  pid_t child = 0;
  const int spawned = posix_spawnp(&child, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    result.err = fmt::format("cannot run {}", arguments[0]);
    return result;
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0) {
  }
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = readAll(outFile);
  result.err = trimmed(readAll(errFile));
  std::error_code ignored;
  fs::remove(outFile, ignored);
  fs::remove(errFile, ignored);
  return result;
}
#endif

std::optional<fs::path> makeTemporaryFolder() {
  std::error_code error;
  std::string pattern = (fs::temp_directory_path(error) / "asynclint-diff-XXXXXX").string();
  if (error) return std::nullopt;
  if (mkdtemp(pattern.data()) == nullptr) return std::nullopt;
  return fs::path(pattern);
}

}  // namespace

std::optional<std::pair<std::string, std::string>> splitRevisionPath(const std::string& side) {
  std::error_code error;
  if (fs::exists(side, error)) return std::nullopt;
  const auto colon = side.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == side.size()) return std::nullopt;
  return std::pair{side.substr(0, colon), side.substr(colon + 1)};
}

std::optional<RevisionTree> RevisionTree::extract(const std::string& revision,
                                                  const std::string& path, std::string& error) {
  const auto folder = makeTemporaryFolder();
  if (!folder) {
    error = "cannot create a temporary folder";
    return std::nullopt;
  }
  RevisionTree tree;
  tree.revision_ = revision;
  tree.folder_ = std::make_unique<fs::path>(*folder);
  const auto top = runProcess({"git", "rev-parse", "--show-toplevel", "--show-prefix"}, *folder);
  if (top.exitCode != 0) {
    error = fmt::format("'{}:{}' names a git revision, but git cannot read it here: {}", revision,
                        path, top.err.empty() ? "is git installed?" : top.err);
    return std::nullopt;
  }
  std::istringstream lines(top.out);
  std::string topLine;
  std::string prefix;
  std::getline(lines, topLine);
  std::getline(lines, prefix);
  tree.workTreeTop_ = topLine;
  const bool fromHere = path.starts_with("./") || path.starts_with("../");
  const fs::path relative =
      (fromHere ? fs::path(prefix) / path : fs::path(path)).lexically_normal();
  const fs::path archive = *folder / "revision.tar";
  const auto archived = runProcess({"git", "-C", topLine, "archive", "--format=tar", "-o",
                                    archive.string(), revision + "^{tree}"},
                                   *folder);
  if (archived.exitCode != 0) {
    error = fmt::format("cannot read revision '{}': {}", revision, archived.err);
    return std::nullopt;
  }
  const fs::path extracted = *folder / "tree";
  fs::create_directory(extracted);
  const auto unpacked =
      runProcess({"tar", "-xf", archive.string(), "-C", extracted.string()}, *folder);
  std::error_code ignored;
  fs::remove(archive, ignored);
  if (unpacked.exitCode != 0) {
    error = fmt::format("cannot extract revision '{}': {}", revision, unpacked.err);
    return std::nullopt;
  }
  tree.entry_ = extracted / relative;
  if (relative.empty() || relative.string().starts_with("..") ||
      !fs::is_regular_file(tree.entry_, ignored)) {
    error =
        fmt::format("'{}' does not exist at revision '{}'", relative.generic_string(), revision);
    return std::nullopt;
  }
  return tree;
}

RevisionTree::~RevisionTree() {
  if (!folder_) return;
  std::error_code ignored;
  fs::remove_all(*folder_, ignored);
}

fs::path RevisionTree::top() const {
  return *folder_ / "tree";
}

fs::path RevisionTree::inTree(const fs::path& folder) const {
  std::error_code error;
  const fs::path absolute = fs::weakly_canonical(fs::absolute(folder, error), error);
  const fs::path relative = absolute.lexically_relative(fs::weakly_canonical(workTreeTop_, error));
  if (relative.empty() || relative.string().starts_with("..")) return folder;
  return (top() / relative).lexically_normal();
}

std::string RevisionTree::shown(const std::string& file) const {
  const std::string prefix = top().generic_string() + "/";
  if (!file.starts_with(prefix)) return file;
  return revision_ + ":" + file.substr(prefix.size());
}

}  // namespace asynclint
