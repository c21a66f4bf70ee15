#include "resolve/resolver.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <tuple>

#include "model/places.hpp"
#include "model/ref_index.hpp"
#include "rule_ids.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::resolve {

using nlohmann::json;

namespace {

// A JSON pointer as the fragment of a `$ref`: the characters that decodeLocalRef decodes, encoded.
std::string fragmentOf(std::string_view pointer) {
  std::string fragment = "#";
  for (const char c : pointer) {
    if (c == '%' || c == ' ' || c == '#' || c == '"')
      fragment += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    else
      fragment += c;
  }
  return fragment;
}

std::size_t countNodes(const json& node) {
  std::size_t count = 1;
  if (node.is_structured()) {
    for (const auto& child : node)
      count += countNodes(child);
  }
  return count;
}

bool refersToOtherFiles(const json& root) {
  bool found = false;
  model::forEachStructuralNode(root, [&](std::string_view, const std::string&, const json& node) {
    if (found || !node.is_object()) return;
    const auto ref = node.find("$ref");
    found = ref != node.end() && ref->is_string() &&
            !ref->get_ref<const std::string&>().starts_with("#");
  });
  return found;
}

// Where a bundled part goes in `components`, judged from where the reference is written.
std::optional<std::string> componentSection(std::string_view pointer) {
  const auto tokens = pointer::split(pointer).value_or(std::vector<std::string>{});
  if (tokens.empty()) return std::nullopt;
  if (tokens.front() == "components" && tokens.size() == 3) return std::nullopt;  // already one
  const std::string& last = tokens.back();
  const std::string parent = tokens.size() >= 2 ? tokens[tokens.size() - 2] : "";
  switch (model::kindAt(pointer)) {
    case model::PlaceKind::schema:
      return "schemas";
    case model::PlaceKind::message:   // also 2.x `message: {oneOf: [...]}`, a list of messages
      if (parent == "traits") break;  // a message trait
      return "messages";
    default:
      break;
  }
  if (parent == "messages" || last == "message") return "messages";
  if (parent == "parameters") return "parameters";
  if (last == "correlationId") return "correlationIds";
  if (tokens.size() == 2 &&
      (tokens[0] == "servers" || tokens[0] == "channels" || tokens[0] == "operations"))
    return tokens[0];
  return std::nullopt;
}

std::string componentName(std::string_view fragmentPointer, std::string_view shownFile) {
  std::string name = fragmentPointer.empty() ? std::filesystem::path(shownFile).stem().string()
                                             : pointer::lastToken(fragmentPointer);
  for (char& c : name) {
    const bool allowed =
        std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == '_';
    if (!allowed) c = '_';
  }
  return name.empty() ? std::string("part") : name;
}

}  // namespace

enum class Mode { resolve, bundle };

struct Problem {
  std::size_t file = 0;
  std::string pointer;
  std::string rule;
  std::string message;
  std::size_t through = noSite;
};

// Copies the entry, following references to other files: in place (resolve) or into
// `components` (bundle).
class Expander {
 public:
  Expander(FileSet& files, Mode mode, ExpansionLimits limits)
      : files_(files), mode_(mode), limits_(limits) {}

  json expandEntry() {
    json out;
    std::string source;
    std::string target;
    boundaries[""] = Origin{0, "", noSite};
    copy(out, 0, files_[0].document->root, source, target, false, 0);
    return out;
  }

  std::unordered_map<std::string, Origin> boundaries;
  std::vector<RefSite> sites;
  std::vector<Problem> problems;
  bool overLimit = false;
  json components = json::object();  // bundle: section → name → part

 private:
  void copy(json& out, std::size_t file, const json& in, std::string& source, std::string& target,
            bool keysAreNames, std::size_t depth) {
    ++nodes_;
    if (in.is_object()) {
      if (!keysAreNames && in.contains("$ref") && expandRef(out, file, in, source, target, depth))
        return;
      out = json::object();
      for (const auto& [key, value] : in.items()) {
        json& slot = out[key];
        if (!keysAreNames && model::holdsData(key)) {
          nodes_ += countNodes(value);
          slot = value;
          continue;
        }
        const pointer::Step sourceStep(source, key);
        const pointer::Step targetStep(target, key);
        copy(slot, file, value, source, target, !keysAreNames && model::namesChildren(key),
             depth + 1);
      }
    } else if (in.is_array()) {
      out = json::array();
      for (std::size_t i = 0; i < in.size(); ++i) {
        out.push_back(nullptr);
        const pointer::Step sourceStep(source, std::to_string(i));
        const pointer::Step targetStep(target, std::to_string(i));
        copy(out.back(), file, in[i], source, target, false, depth + 1);
      }
    } else {
      out = in;
    }
  }

  void report(std::size_t file, const std::string& refObject, std::string rule,
              std::string message) {
    problems.push_back(
        Problem{file, refObject + "/$ref", std::move(rule), std::move(message), through_});
  }

  // A reference that cannot be followed stays as written; a local one in another file is named
  // with its file, so that nobody reads it as a reference within the entry.
  void keepUnresolved(json& out, std::size_t file, const json& in) {
    out = in;
    ++nodes_;
    const auto& text = in["$ref"];
    if (file != 0 && text.is_string() && text.get_ref<const std::string&>().starts_with("#"))
      out["$ref"] = files_[file].shown + text.get<std::string>();
  }

  // Returns false when the object is copied as it is (a reference within the entry).
  bool expandRef(json& out, std::size_t file, const json& in, const std::string& source,
                 const std::string& target, std::size_t depth) {
    const json& ref = in["$ref"];
    if (!ref.is_string()) return false;
    const std::string& text = ref.get_ref<const std::string&>();
    if (file == 0 && text.starts_with("#")) return false;
    const auto hash = text.find('#');
    const std::string location = text.substr(0, hash);
    const auto fragment = hash == std::string::npos ? std::optional<std::string>("")
                                                    : model::decodeLocalRef(text.substr(hash));
    if (!fragment) {
      report(file, source, ids::refFileUnresolved,
             fmt::format("'{}' has a fragment that is not a JSON pointer", text));
      keepUnresolved(out, file, in);
      return true;
    }
    std::size_t targetFile = file;
    if (!location.empty()) {
      const auto opened = files_.open(file, location);
      if (!opened.file) {
        report(file, source, opened.problem.rule, opened.problem.message);
        keepUnresolved(out, file, in);
        return true;
      }
      targetFile = *opened.file;
    }
    if (targetFile == 0) {  // back into the entry: a reference within it, as the rules read them
      out = in;
      out["$ref"] = fragmentOf(*fragment);
      ++nodes_;
      return true;
    }
    const SourceFile& targetSource = files_[targetFile];
    if (!targetSource.document) {
      report(file, source, ids::refFileUnresolved,
             fmt::format("'{}' cannot be used: {} has errors", text, targetSource.shown));
      keepUnresolved(out, file, in);
      return true;
    }
    const json* node = pointer::find(targetSource.document->root, *fragment);
    if (node == nullptr) {
      report(file, source, ids::refFileUnresolved,
             fmt::format("'{}' points to nothing: {} has no '{}'", text, targetSource.shown,
                         *fragment));
      keepUnresolved(out, file, in);
      return true;
    }
    const auto key = std::make_pair(targetFile, node);
    if (const auto active = active_.find(key); active != active_.end())
      return expandCycle(out, file, in, source, target, active->second, text);
    if (mode_ == Mode::bundle && bundleInto(out, key, *fragment, target, depth)) return true;
    if (nodes_ > limits_.maxNodes || depth > limits_.maxDepth) {
      if (!overLimit) {
        report(file, source, ids::limits,
               nodes_ > limits_.maxNodes
                   ? fmt::format("following '{}' makes the resolved document larger than {} "
                                 "nodes (references that fan out)",
                                 text, limits_.maxNodes)
                   : fmt::format("following '{}' nests the resolved document deeper than {} "
                                 "levels",
                                 text, limits_.maxDepth));
      }
      overLimit = true;
      keepUnresolved(out, file, in);
      return true;
    }
    const std::size_t outer = through_;
    sites.push_back(RefSite{file, source + "/$ref", outer});
    through_ = sites.size() - 1;
    boundaries[target] = Origin{targetFile, *fragment, through_};
    active_.emplace(key, target);
    std::string targetSourcePointer = *fragment;
    std::string targetPointer = target;
    copy(out, targetFile, *node, targetSourcePointer, targetPointer, false, depth + 1);
    active_.erase(key);
    through_ = outer;
    return true;
  }

  bool expandCycle(json& out, std::size_t file, const json& in, const std::string& source,
                   const std::string& target, const std::string& startedAt,
                   const std::string& text) {
    if (startedAt != target && model::isInSchema(target)) {
      // A schema that contains itself: a reference to where it is already being copied.
      out = json::object({{"$ref", fragmentOf(startedAt)}});
      ++nodes_;
      return true;
    }
    report(file, source, ids::refFileCycle,
           startedAt == target
               ? fmt::format("'{}' leads back to itself through other references and never "
                             "reaches a value",
                             text)
               : fmt::format("'{}' makes this object contain itself; only schemas may be recursive",
                             text));
    keepUnresolved(out, file, in);
    return true;
  }

  // Copies the part into components once and refers to it there; false when no section fits.
  bool bundleInto(json& out, const std::pair<std::size_t, const json*>& key,
                  const std::string& fragment, const std::string& target, std::size_t depth) {
    if (const auto known = bundled_.find(key); known != bundled_.end()) {
      out = json::object({{"$ref", known->second}});
      return true;
    }
    const auto section = componentSection(target);
    if (!section) return false;
    const std::string name = uniqueName(*section, componentName(fragment, files_[key.first].shown));
    const std::string componentPointer =
        pointer::append(pointer::append("/components", *section), name);
    const std::string ref = fragmentOf(componentPointer);
    bundled_.emplace(key, ref);
    json& slot = components[*section][name];
    active_.emplace(key, componentPointer);
    std::string sourcePointer = fragment;
    std::string targetPointer = componentPointer;
    copy(slot, key.first, *key.second, sourcePointer, targetPointer, false, depth + 1);
    active_.erase(key);
    out = json::object({{"$ref", ref}});
    return true;
  }

  std::string uniqueName(const std::string& section, const std::string& preferred) const {
    const json& entry = files_[0].document->root;
    const json* existing = pointer::find(entry, pointer::append("/components", section));
    const auto taken = [&](const std::string& name) {
      const bool inEntry = existing != nullptr && existing->is_object() && existing->contains(name);
      const auto added = components.find(section);
      return inEntry || (added != components.end() && added->contains(name));
    };
    std::string name = preferred;
    for (int suffix = 2; taken(name); ++suffix)
      name = preferred + "_" + std::to_string(suffix);
    return name;
  }

  FileSet& files_;
  Mode mode_;
  ExpansionLimits limits_;
  std::size_t nodes_ = 0;
  std::size_t through_ = noSite;  // the innermost reference being followed
  std::map<std::pair<std::size_t, const json*>, std::string> active_;   // part → where it goes
  std::map<std::pair<std::size_t, const json*>, std::string> bundled_;  // part → its "$ref"
};

const json& Resolution::tree() const {
  return resolved_ ? *resolved_ : files_->operator[](0).document->root;
}

bool Resolution::hasProblems() const {
  return std::any_of(problems_.begin(), problems_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

bool Resolution::replacesReference(const std::string& pointer) const {
  return !pointer.empty() && boundaries_.contains(pointer);
}

Origin Resolution::originOf(const std::string& pointer) const {
  // The deepest part that came in through a reference; within it, the tree is as written.
  const Origin* origin = nullptr;
  std::size_t length = 0;
  for (std::size_t end = 0; end != std::string::npos; end = pointer.find('/', end + 1)) {
    if (const auto found = boundaries_.find(pointer.substr(0, end)); found != boundaries_.end()) {
      origin = &found->second;
      length = end;
    }
  }
  if (const auto found = boundaries_.find(pointer); found != boundaries_.end()) {
    origin = &found->second;
    length = pointer.size();
  }
  if (origin == nullptr) return Origin{0, pointer, noSite};
  return Origin{origin->file, origin->pointer + pointer.substr(length), origin->through};
}

Range Resolution::rangeIn(std::size_t file, const std::string& pointer, bool preferKey) const {
  const auto& document = (*files_)[file].document;
  if (!document) return {};
  return document->rangeOf(pointer, preferKey ? Anchor::key : Anchor::value);
}

WrittenPlace Resolution::writtenPlace(const std::string& pointer) const {
  const Origin origin = originOf(pointer);
  return {origin.file, rangeIn(origin.file, origin.pointer, true).start};
}

void Resolution::addRelated(Diagnostic& diagnostic, std::size_t through) const {
  for (std::size_t index = through; index != noSite; index = sites_[index].outer) {
    const RefSite& site = sites_[index];
    diagnostic.related.push_back(RelatedLocation{(*files_)[site.file].shown, site.pointer,
                                                 rangeIn(site.file, site.pointer, false),
                                                 "referenced here"});
  }
}

void Resolution::place(Diagnostic& diagnostic) const {
  for (auto& related : diagnostic.related) {
    if (!related.file.empty()) continue;
    const Origin origin = originOf(related.pointer);
    related.file = (*files_)[origin.file].shown;
    related.pointer = origin.pointer;
    related.range = rangeIn(origin.file, origin.pointer, true);
  }
  // A finding about the name of a part that another file holds: the name is written where the
  // `$ref` is.
  const auto boundary = boundaries_.find(diagnostic.pointer);
  if (diagnostic.anchor == Anchor::key && boundary != boundaries_.end() &&
      boundary->second.through != noSite) {
    const RefSite& site = sites_[boundary->second.through];
    diagnostic.file = (*files_)[site.file].shown;
    diagnostic.pointer = pointer::parent(site.pointer);
    if (const auto& document = (*files_)[site.file].document) document->place(diagnostic);
    addRelated(diagnostic, site.outer);
    return;
  }
  const Origin origin = originOf(diagnostic.pointer);
  diagnostic.file = (*files_)[origin.file].shown;
  diagnostic.pointer = origin.pointer;
  if (const auto& document = (*files_)[origin.file].document) document->place(diagnostic);
  addRelated(diagnostic, origin.through);
}

Resolution resolveDocument(FileSet& files, ExpansionLimits limits) {
  Resolution resolution;
  resolution.files_ = &files;
  resolution.boundaries_[""] = Origin{0, "", noSite};
  if (!refersToOtherFiles(files[0].document->root)) return resolution;
  Expander expander(files, Mode::resolve, limits);
  resolution.resolved_ = std::make_unique<json>(expander.expandEntry());
  resolution.boundaries_ = std::move(expander.boundaries);
  resolution.sites_ = std::move(expander.sites);
  resolution.truncated_ = expander.overLimit;
  std::set<std::tuple<std::string, std::size_t, std::string, std::string>> seen;
  for (auto& problem : expander.problems) {
    // A part referred to from many places has its problems once.
    if (!seen.emplace(problem.rule, problem.file, problem.pointer, problem.message).second)
      continue;
    Diagnostic diagnostic;
    diagnostic.rule = std::move(problem.rule);
    diagnostic.message = std::move(problem.message);
    diagnostic.file = files[problem.file].shown;
    diagnostic.pointer = std::move(problem.pointer);
    if (const auto& document = files[problem.file].document) document->place(diagnostic);
    resolution.addRelated(diagnostic, problem.through);
    resolution.problems_.push_back(std::move(diagnostic));
  }
  for (std::size_t file = 1; file < files.size(); ++file) {
    for (Diagnostic diagnostic : files[file].diagnostics) {
      if (files[file].document) files[file].document->place(diagnostic);
      resolution.problems_.push_back(std::move(diagnostic));
    }
  }
  return resolution;
}

json bundleDocument(FileSet& files, ExpansionLimits limits) {
  Expander expander(files, Mode::bundle, limits);
  json bundle = expander.expandEntry();
  const auto components = bundle.find("components");
  if (!expander.components.empty() && components != bundle.end() && !components->is_object())
    throw std::runtime_error(
        "its `components` is not a mapping, so nothing can be bundled into it");
  for (auto& [section, parts] : expander.components.items()) {
    for (auto& [name, part] : parts.items())
      bundle["components"][section][name] = std::move(part);
  }
  return bundle;
}

}  // namespace asynclint::resolve
