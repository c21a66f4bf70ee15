#include "text/ecma_regex.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <fmt/format.h>
#include <pcre2.h>

#include <memory>
#include <unordered_map>

namespace asynclint::regex {
namespace {

// ECMA-262 behaviour where PCRE2 has an option for it: \u hhhh escapes (ALT_BSUX), `$` only at the
// very end (DOLLAR_ENDONLY), an unset back-reference matches the empty string, `[]` matches
// nothing and `[^]` any character. UTF: a pattern and a subject are code points, not bytes.
constexpr std::uint32_t kCompileOptions = PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_DOLLAR_ENDONLY |
                                          PCRE2_MATCH_UNSET_BACKREF | PCRE2_ALLOW_EMPTY_CLASS;
// Backtracking budget of one match: a pathological pattern fails clearly instead of hanging.
constexpr std::uint32_t kMatchLimit = 10'000'000;

struct CodeDeleter {
  void operator()(pcre2_code* code) const { pcre2_code_free(code); }
};
struct MatchDataDeleter {
  void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};
struct MatchContextDeleter {
  void operator()(pcre2_match_context* context) const { pcre2_match_context_free(context); }
};
struct JitStackDeleter {
  void operator()(pcre2_jit_stack* stack) const { pcre2_jit_stack_free(stack); }
};

std::string errorText(int code) {
  PCRE2_UCHAR buffer[256];
  pcre2_get_error_message(code, buffer, sizeof buffer);
  return std::string(reinterpret_cast<const char*>(buffer));
}

struct Compiled {
  std::unique_ptr<pcre2_code, CodeDeleter> code;
  std::string error;  // why it does not compile, when code is null
};

std::uint32_t optionsFor(Flags flags) {
  std::uint32_t options = kCompileOptions;
  if (flags.ignoreCase) options |= PCRE2_CASELESS;
  if (flags.multiline) options |= PCRE2_MULTILINE;
  if (flags.dotAll) options |= PCRE2_DOTALL;
  return options;
}

// One cache entry per pattern and flags: the flags as a leading character, then the pattern.
std::string cacheKey(const std::string& pattern, Flags flags) {
  const int bits = (flags.ignoreCase ? 1 : 0) | (flags.multiline ? 2 : 0) | (flags.dotAll ? 4 : 0);
  return static_cast<char>('0' + bits) + pattern;
}

Compiled compile(const std::string& pattern, Flags flags) {
  int errorCode = 0;
  PCRE2_SIZE errorOffset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   optionsFor(flags), &errorCode, &errorOffset, nullptr);
  if (code == nullptr) {
    return {nullptr, fmt::format("the regular expression '{}' is invalid: {} (at offset {})",
                                 pattern, errorText(errorCode), errorOffset)};
  }
  // JIT is faster and keeps its own stack; without it (no JIT support), the interpreter runs.
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  return {std::unique_ptr<pcre2_code, CodeDeleter>(code), {}};
}

// What one thread keeps: compiled patterns, and the match data, context and JIT stack it reuses.
class ThreadMatcher {
 public:
  ThreadMatcher()
      : data_(pcre2_match_data_create(1, nullptr)),
        context_(pcre2_match_context_create(nullptr)),
        jitStack_(pcre2_jit_stack_create(32 * 1024, 8 * 1024 * 1024, nullptr)) {
    pcre2_set_match_limit(context_.get(), kMatchLimit);
    if (jitStack_) pcre2_jit_stack_assign(context_.get(), nullptr, jitStack_.get());
  }

  const Compiled& compiled(const std::string& pattern, Flags flags) {
    std::string key = cacheKey(pattern, flags);
    auto it = cache_.find(key);
    if (it == cache_.end()) it = cache_.emplace(std::move(key), compile(pattern, flags)).first;
    return it->second;
  }

  bool search(const std::string& pattern, std::string_view subject, Flags flags) {
    const Compiled& entry = compiled(pattern, flags);
    if (!entry.code) throw RegexError(entry.error);
    int result = match(entry, subject, 0);
    // A pattern that backtracks deeply on a long subject can outgrow the JIT stack; the
    // interpreter keeps its backtracking state on the heap instead.
    if (result == PCRE2_ERROR_JIT_STACKLIMIT) result = match(entry, subject, PCRE2_NO_JIT);
    if (result >= 0) return true;
    if (result == PCRE2_ERROR_NOMATCH) return false;
    throw RegexError(
        fmt::format("the regular expression '{}' could not be matched against a "
                    "value of {} bytes: {}",
                    pattern, subject.size(), errorText(result)));
  }

 private:
  int match(const Compiled& entry, std::string_view subject, std::uint32_t options) {
    return pcre2_match(entry.code.get(), reinterpret_cast<PCRE2_SPTR>(subject.data()),
                       subject.size(), 0, options, data_.get(), context_.get());
  }

  std::unordered_map<std::string, Compiled> cache_;
  std::unique_ptr<pcre2_match_data, MatchDataDeleter> data_;
  std::unique_ptr<pcre2_match_context, MatchContextDeleter> context_;
  std::unique_ptr<pcre2_jit_stack, JitStackDeleter> jitStack_;
};

ThreadMatcher& matcher() {
  // The schema check and the rules match on two threads at once: one cache each, no locks.
  static thread_local ThreadMatcher instance;
  return instance;
}

}  // namespace

std::variant<Flags, char> jsFlags(std::string_view letters) {
  Flags flags;
  for (const char letter : letters) {
    if (letter == 'i') {
      flags.ignoreCase = true;
    } else if (letter == 'm') {
      flags.multiline = true;
    } else if (letter == 's') {
      flags.dotAll = true;
    } else if (letter != 'g' && letter != 'u' && letter != 'd') {
      return letter;
    }
  }
  return flags;
}

bool search(const std::string& pattern, std::string_view subject, Flags flags) {
  return matcher().search(pattern, subject, flags);
}

std::string compileError(const std::string& pattern, Flags flags) {
  return matcher().compiled(pattern, flags).error;
}

}  // namespace asynclint::regex
