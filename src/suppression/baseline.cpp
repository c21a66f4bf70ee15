#include "suppression/baseline.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "rule_ids.hpp"
#include "source/loader.hpp"

namespace asynclint::suppression {
namespace {

using nlohmann::json;

constexpr std::string_view formatKey = "asynclint-baseline";

auto sortKey(const BaselineEntry& entry) {
  return std::tie(entry.file, entry.pointer, entry.rule, entry.message, entry.fingerprint);
}

Diagnostic baselineError(const std::filesystem::path& file, std::string pointer,
                         std::string message) {
  Diagnostic error;
  error.rule = ids::config;
  error.file = file.string();
  error.pointer = std::move(pointer);
  error.message = std::move(message);
  return error;
}

}  // namespace

std::string baselineText(const std::vector<Diagnostic>& findings) {
  std::vector<BaselineEntry> entries;
  for (const auto& finding : findings) {
    entries.push_back(
        {fingerprint(finding), finding.rule, finding.file, finding.pointer, finding.message});
  }
  std::sort(entries.begin(), entries.end(),
            [](const BaselineEntry& a, const BaselineEntry& b) { return sortKey(a) < sortKey(b); });
  std::string text = "{\n  \"" + std::string(formatKey) + "\": 1,\n  \"findings\": [";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& entry = entries[i];
    const nlohmann::ordered_json line = {{"fingerprint", entry.fingerprint},
                                         {"rule", entry.rule},
                                         {"file", entry.file},
                                         {"pointer", entry.pointer},
                                         {"message", entry.message}};
    text += (i == 0 ? "\n    " : ",\n    ") + line.dump();
  }
  return text + (entries.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

BaselineRead readBaseline(const std::filesystem::path& file) {
  BaselineRead read;
  LoadResult loaded = loadFile(file.string());
  if (!loaded.diagnostics.empty() || !loaded.document) {
    for (auto& diagnostic : loaded.diagnostics) {
      if (diagnostic.file.empty()) diagnostic.file = file.string();
      if (loaded.document) loaded.document->place(diagnostic);
      read.errors.push_back(std::move(diagnostic));
    }
    return read;
  }
  const Document& document = *loaded.document;
  const json& root = document.root;
  auto fail = [&](std::string pointer, std::string message) {
    Diagnostic error = baselineError(file, std::move(pointer), std::move(message));
    document.place(error);
    read.errors.push_back(std::move(error));
    return read;
  };
  if (!root.is_object() || root.value(formatKey, json()) != 1 ||
      !root.value("findings", json()).is_array())
    return fail("", "not an asynclint baseline (written by `asynclint validate --write-baseline`)");
  const json& findings = root["findings"];
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const json& item = findings[i];
    if (!item.is_object() || !item.value("fingerprint", json()).is_string())
      return fail("/findings/" + std::to_string(i), "a baseline entry needs a 'fingerprint'");
    BaselineEntry entry;
    entry.fingerprint = item["fingerprint"].get<std::string>();
    read.entries.push_back(std::move(entry));
  }
  return read;
}

BaselineOutcome applyBaseline(const std::vector<BaselineEntry>& entries,
                              std::vector<Diagnostic>& findings) {
  std::map<std::string, std::size_t> remaining;
  for (const auto& entry : entries)
    ++remaining[entry.fingerprint];
  BaselineOutcome outcome;
  std::erase_if(findings, [&](const Diagnostic& finding) {
    const auto it = remaining.find(fingerprint(finding));
    if (it == remaining.end() || it->second == 0) return false;
    --it->second;
    ++outcome.hidden;
    return true;
  });
  for (const auto& [print, count] : remaining)
    outcome.stale += count;
  return outcome;
}

}  // namespace asynclint::suppression
