// JSONPath as Spectral evaluates it (JSONPath-Plus semantics), over nlohmann::json: `$`, dot and
// bracket names, `*`, `..`, indexes, slices and unions, and filter expressions `[?(...)]` with
// the subset that rulesets are written in (comparisons, `&&`, `||`, `!`, `@property`,
// `@parentProperty`, `@path`, `@.x.y`, `.match(/re/)`, `.includes()`, `.startsWith()`,
// `.endsWith()`, `.length`). A path is parsed once; anything outside the subset is a parse error
// with its column, never a silent no-match. Each match carries its JSON pointer.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace asynclint::jsonpath {

struct ParseError {
  std::size_t column = 1;  // 1-based, in the path text
  std::string message;
};

struct Match {
  std::string pointer;  // RFC 6901, "" for the root
  const nlohmann::json* value = nullptr;
};

// Where a `$ref` leads: the node it names and that node's pointer. Given to evaluate() to walk a
// document as if its references were resolved (Spectral's `resolved: true`).
struct RefTarget {
  const nlohmann::json* node = nullptr;
  std::string pointer;
};
using RefFollower = std::function<std::optional<RefTarget>(const nlohmann::json& node)>;

struct Segment;

// The objects and arrays that a `..` descent from the root of a document visits, in order, with
// references followed: the costly part of a descent, which the rules of one document can share.
class Descent;
// Gives the descent from the root made with the evaluation's follower; `revisit` when a reference
// target reached again must be walked again (a filter that reads @parentProperty).
using DescentSource = std::function<std::shared_ptr<const Descent>(bool revisit)>;
// Whether a node is the target of some reference: with it, a descent that need not revisit walks
// each target once, whether it meets the target through a reference or where it is written.
using TargetTest = std::function<bool(const nlohmann::json& node)>;

class Path {
 public:
  static std::variant<Path, ParseError> parse(std::string_view text);

  // Every match, in document order. With a follower, an object that is a `$ref` reads as the node
  // it leads to (matches then carry the pointer where that node is written); a reference cycle is
  // walked once. With `descents`, a path that starts with `..` takes its walk from there.
  std::vector<Match> evaluate(const nlohmann::json& root, const RefFollower& follow = {},
                              const DescentSource& descents = {}) const;
  // The same with `$` standing for `start`, a node written at `startPointer` (a relative path,
  // such as a rule's `then.field`); matches carry pointers in the whole document.
  std::vector<Match> evaluateFrom(const nlohmann::json& start, std::string startPointer,
                                  const RefFollower& follow = {}) const;

  // The walk of a `..` from `root`, for a DescentSource.
  static std::shared_ptr<const Descent> descend(const nlohmann::json& root,
                                                const RefFollower& follow, bool revisit,
                                                const TargetTest& isTarget = {});

  const std::string& text() const { return text_; }

  Path(Path&&) noexcept;
  Path& operator=(Path&&) noexcept;
  Path(const Path&);
  Path& operator=(const Path&);
  ~Path();

 private:
  Path() = default;
  std::vector<Match> evaluateFrom(const nlohmann::json& start, std::string startPointer,
                                  const RefFollower& follow, const DescentSource& descents) const;
  std::string text_;
  std::vector<std::shared_ptr<const Segment>> segments_;
};

// JSONPath-Plus's form of a pointer, for @path: $['channels']['user']
std::string plusPath(std::string_view pointer);

}  // namespace asynclint::jsonpath
