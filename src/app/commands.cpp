// `asynclint rules`, `init`, `explain`, and what reporters may say about the rules.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/app.hpp"
#include "app/support.hpp"
#include "config/starter.hpp"
#include "engine/rule.hpp"

namespace asynclint {
namespace {

std::string_view versionsText(engine::Versions versions) {
  switch (versions) {
    case engine::Versions::all:
      return "2.x, 3.x";
    case engine::Versions::v2:
      return "2.x";
    case engine::Versions::v3:
      return "3.x";
  }
  return "";
}

// The paragraph under "## What it checks" in a rule's doc, as one line.
std::string whatItChecks(std::string_view doc) {
  constexpr std::string_view heading = "## What it checks\n";
  const auto start = doc.find(heading);
  if (start == std::string_view::npos) return {};
  std::string_view rest = doc.substr(start + heading.size());
  rest = rest.substr(0, rest.find("\n\n"));
  rest = rest.substr(0, rest.find("\n#"));
  std::string paragraph(rest);
  std::replace(paragraph.begin(), paragraph.end(), '\n', ' ');
  return paragraph;
}

std::string summaryOf(const engine::RuleInfo& info) {
  return info.origin.empty() ? info.summary
                             : fmt::format("{} [custom, from {}]", info.summary, info.origin);
}

void writeMarkdownTable(const std::vector<const engine::Rule*>& rules,
                        const engine::RuleSettings& settings, std::ostream& out) {
  out << "| rule | severity | on | versions | summary |\n| --- | --- | --- | --- | --- |\n";
  for (const auto* rule : rules) {
    const auto& info = rule->info();
    if (info.kind != engine::RuleKind::document && info.kind != engine::RuleKind::custom) continue;
    const auto& setting = settings.of(info.id);
    out << fmt::format("| `{}` | {} | {} | {} | {} |\n", info.id, toString(setting.severity),
                       setting.enabled ? "yes" : "no", versionsText(info.versions),
                       summaryOf(info));
  }
}

}  // namespace

int runListRules(const config::ConfigChoice& choice, RulesListing listing, std::ostream& out,
                 std::ostream& err) {
  const auto resolver = configResolver(choice, err);
  if (!resolver) return exitUsage;
  const config::Resolution& resolution = resolver->forCurrentFolder();
  if (!resolution.config) {
    report::RunReport run = configErrorReport(resolution.errors);
    report::writeReport(*report::findFormat("text"), run, {}, err);
    return exitUsage;
  }
  const auto settings = config::settingsFor(*resolution.config, std::nullopt);
  std::vector<const engine::Rule*> rules = engine::allRules();
  for (const auto& rule : resolution.config->customRules)
    rules.push_back(rule.get());
  if (listing == RulesListing::markdown) {
    writeMarkdownTable(rules, settings, out);
    return exitClean;
  }
  std::size_t width = 0;
  for (const auto* rule : rules)
    width = std::max(width, rule->info().id.size());
  out << fmt::format("{:<{}}  {:<8}  {:<4}  {:<9}  {}\n", "rule", width, "severity", "on",
                     "versions", "summary");
  for (const auto* rule : rules) {
    const auto& info = rule->info();
    const auto& setting = settings.of(info.id);
    out << fmt::format("{:<{}}  {:<8}  {:<4}  {:<9}  {}\n", info.id, width,
                       setting.enabled ? toString(setting.severity) : "off",
                       setting.enabled ? "yes" : "no", versionsText(info.versions),
                       summaryOf(info));
  }
  return exitClean;
}

int runInit(const std::string& folder, std::ostream& out, std::ostream& err) {
  const std::filesystem::path file = std::filesystem::path(folder) / config::configFileNames()[0];
  std::error_code error;
  if (std::filesystem::exists(file, error)) {
    err << fmt::format("asynclint: {} already exists; not overwriting it\n", file.string());
    return exitUsage;
  }
  std::ofstream stream(file, std::ios::binary);
  stream << config::starterConfig();
  stream.close();
  if (!stream) {
    err << fmt::format("asynclint: cannot write {}\n", file.string());
    return exitUsage;
  }
  out << fmt::format("wrote {}\n", file.string());
  return exitClean;
}

int runExplain(const std::string& id, std::ostream& out, std::ostream& err) {
  const std::string_view doc = engine::ruleDoc(id);
  if (engine::findRule(id) == nullptr || doc.empty()) {
    err << "asynclint: " << engine::unknownRuleMessage(id) << "; `asynclint rules` lists them\n";
    return exitUsage;
  }
  const auto& info = engine::findRule(id)->info();
  out << fmt::format("{}: {}\nseverity: {}, {} by default, AsyncAPI {}\n\n", info.id, info.summary,
                     toString(info.severity), info.recommended ? "on" : "off",
                     versionsText(info.versions));
  out << doc;
  if (!doc.ends_with('\n')) out << '\n';
  return exitClean;
}

std::vector<report::RuleMeta> ruleCatalog() {
  std::vector<report::RuleMeta> catalog;
  for (const auto* rule : engine::allRules()) {
    const auto& info = rule->info();
    const std::string_view doc = engine::ruleDoc(info.id);
    catalog.push_back({info.id, info.severity, info.summary, whatItChecks(doc), std::string(doc),
                       fmt::format("{}/blob/main/rules/{}.md", ASYNCLINT_HOMEPAGE, info.id)});
  }
  return catalog;
}

void addCustomRules(const config::Config& config, std::vector<report::RuleMeta>& catalog) {
  for (const auto& rule : config.customRules) {
    const auto& info = rule->info();
    const bool known =
        std::any_of(catalog.begin(), catalog.end(),
                    [&](const report::RuleMeta& meta) { return meta.id == info.id; });
    if (known) continue;
    const std::string summary =
        info.summary.empty() ? fmt::format("custom rule from {}", info.origin) : info.summary;
    catalog.push_back({info.id, info.severity, summary,
                       fmt::format("{} (a custom rule, defined in {})", summary, info.origin), "",
                       ""});
  }
  // Reporters look rules up by id in a sorted catalog (report::findRuleMeta).
  std::sort(catalog.begin(), catalog.end(),
            [](const report::RuleMeta& a, const report::RuleMeta& b) { return a.id < b.id; });
}

report::ToolInfo toolInfo() {
  return {"asynclint", ASYNCLINT_VERSION, ASYNCLINT_HOMEPAGE};
}

}  // namespace asynclint
