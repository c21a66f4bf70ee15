// Reading a configuration file: the project's loader (so every error has a line and column),
// asynclint's own JSON Schema (schemas/asynclint-config.schema.json), then what the schema
// cannot know: rule ids, rule options, and the files `extends` names.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "config/config.hpp"
#include "diagnostic.hpp"

namespace asynclint::config {

// The file names looked for in each folder, in this order; the first found wins.
const std::vector<std::string>& configFileNames();

struct LoadedConfig {
  std::optional<Config> config;    // absent when the file or a file it extends has errors
  std::vector<Diagnostic> errors;  // each placed in the file it is about
};

LoadedConfig readConfigFile(const std::filesystem::path& file);

}  // namespace asynclint::config
