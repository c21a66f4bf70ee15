// What the command line names as input: files as given, folders searched for YAML and JSON files,
// and quoted globs that asynclint expands itself (the same on every shell). Internal to the app
// layer: `validate`, `catalog`, `graph` and `--system` read their inputs through it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace asynclint {

// How a file came to be an input: named on the command line, or found by searching a folder or
// expanding a glob (then a file that is not an AsyncAPI document is passed over silently).
enum class Found { named, searched };

struct InputFile {
  std::string path;
  Found found = Found::named;
  std::size_t argument = 0;  // the index of the command-line argument it came from
};

// One input per file, in the order of the arguments; each folder's and each glob's files sorted
// by path; a file reached twice is kept where it came first. A path that does not exist is kept
// as named (the loader says it is missing); a glob or a folder may give no file at all.
std::vector<InputFile> expandInputs(const std::vector<std::string>& arguments);

// True when the argument is a glob: it has `*`, `?` or `[` and no such file exists.
bool isGlob(const std::string& argument);
// True for a folder or a glob: what may match no document at all.
bool isSearch(const std::string& argument);

}  // namespace asynclint
