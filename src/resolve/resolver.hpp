// The resolved view of a multi-file document: the entry with every reference to another file
// replaced by what it points to, and for each part of it, the file and place where it is
// written. The schema check and the rules read the resolved tree; findings are placed back in
// the files.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"
#include "resolve/file_set.hpp"

namespace asynclint::resolve {

inline constexpr std::size_t noSite = static_cast<std::size_t>(-1);

// A `$ref` that brought a part of another file in: the file that holds it, its pointer there,
// and the site of the `$ref` that brought that file's part in (noSite within the entry).
struct RefSite {
  std::size_t file = 0;
  std::string pointer;  // of the "$ref" member
  std::size_t outer = noSite;
};

// Where the part of the resolved tree at some pointer comes from, and the innermost `$ref`
// through which it was reached from the entry.
struct Origin {
  std::size_t file = 0;
  std::string pointer;
  std::size_t through = noSite;
};

// Bounds the resolved view: an exponential fan-out of references must stop, not exhaust memory.
struct ExpansionLimits {
  std::size_t maxNodes = 1'000'000;  // as many as YAML aliases may expand to
  std::size_t maxDepth = 256;
};

class Resolution {
 public:
  // The document that the schema check and the rules read.
  const nlohmann::json& tree() const;
  // Moves a finding about tree() to the file and pointer where its node is written, fills its
  // range (and those of its related locations), and relates it to the `$ref`s that led there.
  void place(Diagnostic& diagnostic) const;
  // Problems with references (missing files and targets, cycles, the root, limits), placed, and
  // the loader's findings in the referenced files.
  const std::vector<Diagnostic>& problems() const { return problems_; }
  bool hasProblems() const;
  // True when the node at `pointer` of the tree is a part of another file, copied in place of
  // the `$ref` written there: where the specification requires a Reference Object, it was one.
  bool replacesReference(const std::string& pointer) const;
  // Where the node at `pointer` of the tree is written (its key, for an object member).
  WrittenPlace writtenPlace(const std::string& pointer) const;
  // True when the expansion stopped at a limit: the tree is incomplete, not worth checking.
  bool truncated() const { return truncated_; }

 private:
  friend Resolution resolveDocument(FileSet&, ExpansionLimits);
  friend class Expander;
  Origin originOf(const std::string& pointer) const;
  Range rangeIn(std::size_t file, const std::string& pointer, bool preferKey) const;
  void addRelated(Diagnostic& diagnostic, std::size_t through) const;

  const FileSet* files_ = nullptr;
  std::unique_ptr<nlohmann::json> resolved_;  // absent when the entry refers to no other file
  std::unordered_map<std::string, Origin> boundaries_;  // by pointer in the resolved tree
  std::vector<RefSite> sites_;
  std::vector<Diagnostic> problems_;
  bool truncated_ = false;
};

// Resolves the entry (file 0 of `files`), loading the files it refers to.
Resolution resolveDocument(FileSet& files, ExpansionLimits limits = {});

// Bundles the entry: each part of another file that a reference names is copied once into
// `components` under a stable name (name, name_2, ...) and the reference points there; parts
// that no component section fits are copied in place. References within the entry stay.
// Call after resolveDocument found no problem. Throws std::runtime_error when the entry's
// `components` is not a mapping.
nlohmann::json bundleDocument(FileSet& files, ExpansionLimits limits = {});

}  // namespace asynclint::resolve
