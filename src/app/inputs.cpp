#include "app/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "config/glob.hpp"

namespace asynclint {
namespace {

namespace fs = std::filesystem;

// A YAML or JSON file that is not hidden: as in a shell's `*`, a search passes over dot files
// (.asynclint.yaml, .pre-commit-config.yaml, .spectral.yaml: configurations, not documents).
bool isDocumentFile(const fs::path& path) {
  if (path.filename().string().starts_with('.')) return false;
  const std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml" || extension == ".json";
}

// Folders a search does not enter: hidden ones (.git, .github, .venv, ...) and node_modules.
// A folder named as the start of the search is entered whatever its name.
bool isSkippedFolder(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.starts_with('.') || name == "node_modules";
}

// `relative` under the start of a search as written on the command line: "specs/" + "a.yaml"
// gives "specs/a.yaml"; a search of "." names its files without "./".
std::string underStart(const std::string& start, const fs::path& relative) {
  if (start.empty() || start == "." || start == "./") return relative.generic_string();
  return start.ends_with('/') ? start + relative.generic_string()
                              : start + '/' + relative.generic_string();
}

// The YAML and JSON files under `start`, at most `maxDepth` folders down (-1: any depth), that
// `keep` accepts, sorted.
template <typename Keep>
std::vector<std::string> filesUnder(const std::string& start, int maxDepth, Keep keep) {
  std::vector<std::string> files;
  const fs::path root = start.empty() ? fs::path(".") : fs::path(start);
  std::error_code error;
  auto it =
      fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_directory(error)) {
      if (isSkippedFolder(it->path()) || (maxDepth >= 0 && it.depth() >= maxDepth))
        it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(error) || !isDocumentFile(it->path())) continue;
    std::string path = underStart(start, it->path().lexically_relative(root));
    if (keep(path)) files.push_back(std::move(path));
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool hasGlobCharacter(std::string_view text) {
  return text.find_first_of("*?[") != std::string_view::npos;
}

// A glob split where its first segment with a wildcard starts: "specs/**/*.yaml" searches
// "specs/" for paths matching the whole pattern; `depth` is how many folders down a match can
// be (-1 when `**` makes it any).
struct GlobSearch {
  std::string start;
  int depth = 0;
};

GlobSearch searchOf(const std::string& pattern) {
  std::size_t literalEnd = 0;  // just after the last '/' before the first wildcard
  for (std::size_t slash = pattern.find('/'); slash != std::string::npos;
       slash = pattern.find('/', slash + 1)) {
    if (hasGlobCharacter(std::string_view(pattern).substr(0, slash))) break;
    literalEnd = slash + 1;
  }
  const std::string rest = pattern.substr(literalEnd);
  GlobSearch search{pattern.substr(0, literalEnd), 0};
  if (rest.find("**") != std::string::npos) {
    search.depth = -1;
  } else {
    search.depth = static_cast<int>(std::count(rest.begin(), rest.end(), '/'));
  }
  return search;
}

std::vector<std::string> expandGlob(const std::string& pattern) {
  const GlobSearch search = searchOf(pattern);
  std::error_code error;
  if (!search.start.empty() && !fs::is_directory(search.start, error)) return {};
  return filesUnder(search.start, search.depth,
                    [&](const std::string& path) { return config::globMatch(pattern, path); });
}

}  // namespace

bool isGlob(const std::string& argument) {
  std::error_code error;
  return hasGlobCharacter(argument) && !fs::exists(argument, error);
}

bool isSearch(const std::string& argument) {
  std::error_code error;
  return isGlob(argument) || (argument != "-" && fs::is_directory(argument, error));
}

std::vector<InputFile> expandInputs(const std::vector<std::string>& arguments) {
  std::vector<InputFile> inputs;
  std::set<fs::path> seen;
  // By reference: GCC 12 at -O3 warns (-Wmaybe-uninitialized, a false positive) about a string
  // moved into a by-value parameter here.
  const auto add = [&](const std::string& path, Found found, std::size_t argument) {
    std::error_code error;
    const fs::path where =
        path == "-" ? fs::path("-") : fs::absolute(path, error).lexically_normal();
    if (seen.insert(where).second) inputs.push_back({path, found, argument});
  };
  for (std::size_t argument = 0; argument < arguments.size(); ++argument) {
    const std::string& given = arguments[argument];
    std::error_code error;
    std::vector<std::string> found;
    if (isGlob(given)) {
      found = expandGlob(given);
    } else if (given != "-" && fs::is_directory(given, error)) {
      found = filesUnder(given, -1, [](const std::string&) { return true; });
    } else {
      add(given, Found::named, argument);
      continue;
    }
    for (const auto& path : found)
      add(path, Found::searched, argument);
  }
  return inputs;
}

}  // namespace asynclint
