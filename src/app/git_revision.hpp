// A document as git has it at a revision (`REV:path`, as `git show` takes it): the revision's
// tree is extracted into a temporary folder (removed with this object), so that references to
// other files resolve against the files of that revision. Internal to src/app/.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace asynclint {

class RevisionTree {
 public:
  // Extracts the tree of `revision` of the repository that holds the current folder; nullopt
  // with `error` set when git cannot (not a repository, an unknown revision, a missing path).
  // `path` is relative to the top of the work tree, or to the current folder when it starts with
  // "./" or "../" (as for `git show`).
  static std::optional<RevisionTree> extract(const std::string& revision, const std::string& path,
                                             std::string& error);

  RevisionTree(RevisionTree&&) noexcept = default;
  RevisionTree& operator=(RevisionTree&&) noexcept = default;
  ~RevisionTree();

  // The document in the extracted tree.
  const std::filesystem::path& entry() const { return entry_; }
  // The extracted tree: the root folder that references stay in.
  std::filesystem::path top() const;
  // The folder of the extracted tree that stands for `folder` of the work tree (absolute or
  // relative to the current folder); `folder` itself when it is outside the work tree.
  std::filesystem::path inTree(const std::filesystem::path& folder) const;
  // A file named in findings: "REV:path" for one in the extracted tree, else `file` unchanged.
  std::string shown(const std::string& file) const;

 private:
  RevisionTree() = default;
  std::string revision_;
  std::filesystem::path workTreeTop_;              // of the repository, in the file system
  std::unique_ptr<std::filesystem::path> folder_;  // the temporary folder; removed at the end
  std::filesystem::path entry_;
};

// Splits "REV:path" into revision and path; nullopt when `side` names an existing file or has
// no ':' with text on both sides.
std::optional<std::pair<std::string, std::string>> splitRevisionPath(const std::string& side);

}  // namespace asynclint
