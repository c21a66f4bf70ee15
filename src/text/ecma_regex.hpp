// JSON Schema `pattern` and `patternProperties` regexes (ECMA-262 dialect) matched with PCRE2,
// which, unlike std::regex, does not recurse once per character of the subject: any string the
// input limits let through is checked for real.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

namespace asynclint::regex {

// A pattern that cannot be compiled, or a match that hit the engine's backtracking limit.
// The message says which and where ("... at offset 3 of the pattern").
class RegexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The JavaScript RegExp flags that change what a test matches (Spectral rulesets write
// "/re/i"; JSON Schema patterns take none).
struct Flags {
  bool ignoreCase = false;  // i
  bool multiline = false;   // m: ^ and $ at line breaks too
  bool dotAll = false;      // s: . matches line breaks
};

// The flags that `letters` ("gi") name; g, d and u change nothing for a test (subjects are
// always read as code points). Otherwise the first letter that is not supported.
std::variant<Flags, char> jsFlags(std::string_view letters);

// True when `pattern` matches somewhere in `subject` (JSON Schema patterns are not anchored).
// Compiled patterns are cached per thread. Throws RegexError.
bool search(const std::string& pattern, std::string_view subject, Flags flags = {});

// Empty when `pattern` compiles; otherwise why not, as search() would throw it.
std::string compileError(const std::string& pattern, Flags flags = {});

}  // namespace asynclint::regex
