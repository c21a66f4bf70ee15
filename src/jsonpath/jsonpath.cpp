#include "jsonpath/jsonpath.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <set>
#include <unordered_map>
#include <utility>

#include "source/json_pointer.hpp"
#include "text/ecma_regex.hpp"
#include "text/strings.hpp"

namespace asynclint::jsonpath {
using nlohmann::json;

// ---- The AST ---------------------------------------------------------------------------------

// A value of a filter expression as JavaScript sees it: undefined, a node of the document
// (borrowed, never copied) or a value computed by the expression (owned).
struct Value {
  const json* node = nullptr;
  std::optional<json> owned;
  std::optional<std::string> pointer;  // where a borrowed node is written, when known
  bool undefined() const { return node == nullptr && !owned; }
  const json& get() const { return owned ? *owned : *node; }
  static Value of(json v) { return Value{nullptr, std::move(v), std::nullopt}; }
  static Value borrowed(const json* node, std::optional<std::string> pointer = std::nullopt) {
    return Value{node, std::nullopt, std::move(pointer)};
  }
};

// The candidate a filter looks at: @, @property, @parentProperty, @path.
struct Candidate {
  const json* value = nullptr;
  const std::string* pointer = nullptr;
  const json* property = nullptr;
  const json* parentProperty = nullptr;
  // Set when the document is read with references followed: then `@.a.b` follows them too.
  const RefFollower* follow = nullptr;
};

struct Expr {
  virtual ~Expr() = default;
  virtual Value eval(const Candidate& candidate) const = 0;
};
using ExprPtr = std::unique_ptr<Expr>;

struct Selector {
  enum class Kind { name, index, slice, wildcard, filter };
  Kind kind = Kind::name;
  std::string name;
  long long index = 0;
  std::optional<long long> start, end;
  long long step = 1;
  std::shared_ptr<const Expr> filter;
  // The filter reads @parentProperty: the key of the node above, which depends on the path by
  // which a reference target was reached (all else about a node is the same on every path).
  bool filterReadsPath = false;
};

struct Segment {
  bool descendant = false;
  std::vector<Selector> selectors;
};

namespace {

// ---- JavaScript semantics of the subset ------------------------------------------------------

bool truthy(const Value& value) {
  if (value.undefined()) return false;
  const json& v = value.get();
  switch (v.type()) {
    case json::value_t::null:
      return false;
    case json::value_t::boolean:
      return v.get<bool>();
    case json::value_t::string:
      return !v.get_ref<const std::string&>().empty();
    case json::value_t::number_float: {
      const double d = v.get<double>();
      return d != 0 && !std::isnan(d);
    }
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return v.get<double>() != 0;
    default:
      return true;  // objects and arrays, even empty
  }
}

// ToNumber, for loose equality and relational comparisons; NaN when there is none.
double toNumber(const Value& value) {
  if (value.undefined()) return NAN;
  const json& v = value.get();
  if (v.is_number()) return v.get<double>();
  if (v.is_boolean()) return v.get<bool>() ? 1 : 0;
  if (v.is_null()) return 0;
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    const auto first = s.find_first_not_of(" \t\n\r");
    if (first == std::string::npos) return 0;
    const auto last = s.find_last_not_of(" \t\n\r");
    return text::wholeDouble(std::string_view(s).substr(first, last + 1 - first)).value_or(NAN);
  }
  return NAN;
}

bool strictEquals(const Value& a, const Value& b) {
  if (a.undefined() || b.undefined()) return a.undefined() && b.undefined();
  const json& x = a.get();
  const json& y = b.get();
  if (x.is_number() && y.is_number()) return x.get<double>() == y.get<double>();
  if (x.type() != y.type()) return false;
  if (x.is_structured()) return &x == &y;  // objects compare by identity
  return x == y;
}

bool looseEquals(const Value& a, const Value& b) {
  const bool aNullish = a.undefined() || a.get().is_null();
  const bool bNullish = b.undefined() || b.get().is_null();
  if (aNullish || bNullish) return aNullish && bNullish;
  const json& x = a.get();
  const json& y = b.get();
  if (x.type() == y.type() || (x.is_number() && y.is_number())) return strictEquals(a, b);
  if (x.is_structured() || y.is_structured()) return false;
  return toNumber(a) == toNumber(b);
}

bool lessThan(const Value& a, const Value& b, bool orEqual) {
  if (!a.undefined() && !b.undefined() && a.get().is_string() && b.get().is_string()) {
    const auto& x = a.get().get_ref<const std::string&>();
    const auto& y = b.get().get_ref<const std::string&>();
    return orEqual ? x <= y : x < y;
  }
  const double x = toNumber(a);
  const double y = toNumber(b);
  return orEqual ? x <= y : x < y;
}

// ---- Expression nodes ------------------------------------------------------------------------

struct Literal : Expr {
  json value;
  bool isUndefined = false;
  Value eval(const Candidate&) const override {
    if (isUndefined) return {};
    return Value::borrowed(&value);
  }
};

struct CandidateRef : Expr {
  enum class What { value, property, parentProperty, path };
  What what = What::value;
  Value eval(const Candidate& candidate) const override {
    switch (what) {
      case What::value:
        return Value::borrowed(candidate.value,
                               candidate.pointer == nullptr
                                   ? std::nullopt
                                   : std::optional<std::string>(*candidate.pointer));
      case What::property:
        return Value::borrowed(candidate.property);
      case What::parentProperty:
        return Value::borrowed(candidate.parentProperty);
      case What::path:
        return Value::of(plusPath(*candidate.pointer));
    }
    return {};
  }
};

struct Member : Expr {
  ExprPtr object;
  std::string name;

  static std::optional<std::string> childPointer(const Value& base, const std::string& name) {
    if (!base.pointer) return std::nullopt;
    return pointer::append(*base.pointer, name);
  }

  // A `$ref` member read as the node it leads to, as in Spectral's resolved document.
  static Value followed(Value value, const Candidate& candidate) {
    if (candidate.follow == nullptr || !*candidate.follow || !value.pointer) return value;
    const json& node = *value.node;
    const auto ref = node.is_object() ? node.find("$ref") : node.end();
    if (!node.is_object() || ref == node.end() || !ref->is_string()) return value;
    auto target = (*candidate.follow)(node);
    if (!target || target->node == nullptr) return value;
    return Value::borrowed(target->node, std::move(target->pointer));
  }

  Value eval(const Candidate& candidate) const override {
    const Value base = object->eval(candidate);
    if (base.undefined()) return {};
    const json& v = base.get();
    if (v.is_object()) {
      const auto it = v.find(name);
      if (it == v.end()) return {};
      if (base.owned) return Value::of(*it);
      return followed(Value::borrowed(&*it, childPointer(base, name)), candidate);
    }
    if (name == "length" && v.is_array()) return Value::of(v.size());
    if (name == "length" && v.is_string()) {
      // JavaScript counts UTF-16 code units; for the ASCII that rulesets test, bytes agree.
      return Value::of(v.get_ref<const std::string&>().size());
    }
    if (v.is_array()) {
      long long index = 0;
      const auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), index);
      if (ec == std::errc() && ptr == name.data() + name.size() && index >= 0 &&
          static_cast<std::size_t>(index) < v.size()) {
        if (base.owned) return Value::of(v[static_cast<std::size_t>(index)]);
        return followed(
            Value::borrowed(&v[static_cast<std::size_t>(index)], childPointer(base, name)),
            candidate);
      }
    }
    return {};
  }
};

struct Not : Expr {
  ExprPtr operand;
  Value eval(const Candidate& candidate) const override {
    return Value::of(!truthy(operand->eval(candidate)));
  }
};

struct Binary : Expr {
  enum class Op { eq, ne, strictEq, strictNe, lt, gt, le, ge, and_, or_ };
  Op op = Op::eq;
  ExprPtr left, right;
  Value eval(const Candidate& candidate) const override {
    if (op == Op::and_) {
      Value l = left->eval(candidate);
      return truthy(l) ? right->eval(candidate) : l;
    }
    if (op == Op::or_) {
      Value l = left->eval(candidate);
      return truthy(l) ? l : right->eval(candidate);
    }
    const Value l = left->eval(candidate);
    const Value r = right->eval(candidate);
    switch (op) {
      case Op::eq:
        return Value::of(looseEquals(l, r));
      case Op::ne:
        return Value::of(!looseEquals(l, r));
      case Op::strictEq:
        return Value::of(strictEquals(l, r));
      case Op::strictNe:
        return Value::of(!strictEquals(l, r));
      case Op::lt:
        return Value::of(lessThan(l, r, false));
      case Op::le:
        return Value::of(lessThan(l, r, true));
      case Op::gt:
        return Value::of(lessThan(r, l, false));
      case Op::ge:
        return Value::of(lessThan(r, l, true));
      default:
        return {};
    }
  }
};

// string.match(/re/), .includes(x), .startsWith(x), .endsWith(x); arrays: .includes(x).
// A regular expression written /re/flags in a filter, matched with PCRE2 like every pattern.
struct RegexLiteral {
  std::string source;
  regex::Flags flags;
};

struct MethodCall : Expr {
  enum class Method { match, includes, startsWith, endsWith };
  Method method = Method::match;
  ExprPtr object;
  ExprPtr argument;                     // for all but a match with a regex literal
  std::optional<RegexLiteral> literal;  // /re/ given to match()
  Value eval(const Candidate& candidate) const override {
    const Value base = object->eval(candidate);
    if (base.undefined()) return {};  // JavaScript would throw; JSONPath-Plus reads it as false
    const json& v = base.get();
    if (method == Method::includes && v.is_array()) {
      const Value needle = argument->eval(candidate);
      for (const auto& item : v) {
        if (strictEquals(Value::borrowed(&item), needle)) return Value::of(true);
      }
      return Value::of(false);
    }
    if (!v.is_string()) return {};
    const auto& s = v.get_ref<const std::string&>();
    if (method == Method::match) {
      const Value pattern = argument ? argument->eval(candidate) : Value();
      if (!literal && (pattern.undefined() || !pattern.get().is_string())) return Value::of(false);
      try {
        return Value::of(literal ? regex::search(literal->source, s, literal->flags)
                                 : regex::search(pattern.get().get<std::string>(), s));
      } catch (const regex::RegexError&) {
        // JavaScript would throw on a bad pattern; JSONPath-Plus reads a throwing filter as false.
        return Value::of(false);
      }
    }
    const Value needle = argument->eval(candidate);
    if (needle.undefined() || !needle.get().is_string()) return Value::of(false);
    const auto& n = needle.get().get_ref<const std::string&>();
    switch (method) {
      case Method::includes:
        return Value::of(s.find(n) != std::string::npos);
      case Method::startsWith:
        return Value::of(s.starts_with(n));
      case Method::endsWith:
        return Value::of(s.ends_with(n));
      default:
        return {};
    }
  }
};

// ---- The parser ------------------------------------------------------------------------------

struct Failure {
  ParseError error;
};

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  std::vector<std::shared_ptr<const Segment>> path() {
    std::vector<std::shared_ptr<const Segment>> segments;
    skipSpaces();
    if (!eat('$')) fail("a JSONPath starts with '$'");
    while (true) {
      skipSpaces();
      if (atEnd()) break;
      segments.push_back(std::make_shared<const Segment>(segment()));
    }
    return segments;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  bool readsParentProperty_ = false;  // in the filter being parsed

  [[noreturn]] void fail(const std::string& message) const { failAt(pos_, message); }
  [[noreturn]] static void failAt(std::size_t pos, const std::string& message) {
    throw Failure{ParseError{pos + 1, message}};
  }
  bool atEnd() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  bool eat(std::string_view token) {
    if (text_.substr(pos_, token.size()) != token) return false;
    pos_ += token.size();
    return true;
  }
  void expect(char c, std::string_view what) {
    skipSpaces();
    if (!eat(c)) fail(fmt::format("expected {}", what));
  }
  void skipSpaces() {
    while (peek() == ' ' || peek() == '\t')
      ++pos_;
  }
  std::string unexpected() const {
    if (atEnd()) return "unexpected end of the path";
    return fmt::format("unexpected '{}'", peek());
  }

  static bool nameChar(char c) {
    return c != '\0' && c != '.' && c != '[' && c != ']' && c != ' ' && c != '(' && c != ')' &&
           c != '\'' && c != '"' && c != ',' && c != '?' && c != '@' && c != '~' && c != '^';
  }

  Segment segment() {
    Segment segment;
    if (eat("..")) {
      segment.descendant = true;
      if (peek() == '[') {
        segment.selectors = bracket();
      } else {
        segment.selectors.push_back(dotSelector());
      }
      return segment;
    }
    if (eat('.')) {
      if (peek() == '[') {  // JSONPath-Plus reads `.[` as `[`
        segment.selectors = bracket();
      } else {
        segment.selectors.push_back(dotSelector());
      }
      return segment;
    }
    if (peek() == '[') {
      segment.selectors = bracket();
      return segment;
    }
    if (peek() == '~' || peek() == '^')
      fail(fmt::format("'{}' (a JSONPath-Plus extension) is not supported: use `field: '@key'`",
                       peek()));
    fail(unexpected() + " (expected '.', '..' or '[')");
  }

  Selector dotSelector() {
    Selector selector;
    if (eat('*')) {
      selector.kind = Selector::Kind::wildcard;
      return selector;
    }
    const std::size_t start = pos_;
    while (nameChar(peek()))
      ++pos_;
    if (pos_ == start) fail(unexpected() + " (expected a name or '*')");
    selector.name = std::string(text_.substr(start, pos_ - start));
    return selector;
  }

  std::vector<Selector> bracket() {
    expect('[', "'['");
    std::vector<Selector> selectors;
    while (true) {
      skipSpaces();
      selectors.push_back(bracketItem());
      skipSpaces();
      if (eat(']')) return selectors;
      if (!eat(',')) fail(unexpected() + " (expected ',' or ']')");
    }
  }

  Selector bracketItem() {
    Selector selector;
    const char c = peek();
    if (c == '*') {
      ++pos_;
      selector.kind = Selector::Kind::wildcard;
      return selector;
    }
    if (c == '\'' || c == '"') {
      selector.name = quoted();
      return selector;
    }
    if (c == '?') {
      ++pos_;
      skipSpaces();
      if (!eat('(')) fail("expected '(' after '?' (write a filter as [?(...)])");
      selector.kind = Selector::Kind::filter;
      readsParentProperty_ = false;
      selector.filter = expression();
      selector.filterReadsPath = readsParentProperty_;
      expect(')', "')' to close the filter");
      return selector;
    }
    if (c == '(') fail("script expressions [(...)] are not supported; write a filter [?(...)]");
    if (c == '-' || c == ':' || (c >= '0' && c <= '9')) return indexOrSlice();
    const std::size_t start = pos_;
    while (nameChar(peek()) && peek() != ':')
      ++pos_;
    if (pos_ == start) fail(unexpected() + " (expected a name, an index, '*' or a filter)");
    selector.name = std::string(text_.substr(start, pos_ - start));
    return selector;
  }

  std::optional<long long> integer() {
    skipSpaces();
    const std::size_t start = pos_;
    if (peek() == '-') ++pos_;
    while (peek() >= '0' && peek() <= '9')
      ++pos_;
    if (pos_ == start) return std::nullopt;
    long long value = 0;
    const auto [ptr, ec] = std::from_chars(text_.data() + start, text_.data() + pos_, value);
    if (ec != std::errc() || ptr != text_.data() + pos_) failAt(start, "expected an integer");
    return value;
  }

  Selector indexOrSlice() {
    Selector selector;
    const auto first = integer();
    skipSpaces();
    if (peek() != ':') {
      if (!first) fail(unexpected());
      selector.kind = Selector::Kind::index;
      selector.index = *first;
      return selector;
    }
    selector.kind = Selector::Kind::slice;
    selector.start = first;
    ++pos_;
    selector.end = integer();
    skipSpaces();
    if (eat(':')) {
      const auto step = integer();
      if (step) {
        if (*step == 0) fail("a slice's step cannot be 0");
        selector.step = *step;
      }
    }
    return selector;
  }

  std::string quoted() {
    const char quote = text_[pos_++];
    std::string out;
    while (!atEnd() && peek() != quote) {
      char c = text_[pos_++];
      if (c == '\\' && !atEnd()) c = text_[pos_++];
      out += c;
    }
    if (!eat(quote)) fail("a quoted name is not closed");
    return out;
  }

  // -- filter expressions --

  std::shared_ptr<const Expr> expression() { return std::shared_ptr<const Expr>(orExpr()); }

  ExprPtr orExpr() {
    ExprPtr left = andExpr();
    while (true) {
      skipSpaces();
      if (!eat("||")) return left;
      left = binary(Binary::Op::or_, std::move(left), andExpr());
    }
  }

  ExprPtr andExpr() {
    ExprPtr left = comparison();
    while (true) {
      skipSpaces();
      if (!eat("&&")) return left;
      left = binary(Binary::Op::and_, std::move(left), comparison());
    }
  }

  static ExprPtr binary(Binary::Op op, ExprPtr left, ExprPtr right) {
    auto node = std::make_unique<Binary>();
    node->op = op;
    node->left = std::move(left);
    node->right = std::move(right);
    return node;
  }

  std::optional<Binary::Op> comparisonOperator() {
    static const std::pair<std::string_view, Binary::Op> operators[] = {
        {"===", Binary::Op::strictEq}, {"!==", Binary::Op::strictNe}, {"==", Binary::Op::eq},
        {"!=", Binary::Op::ne},        {"<=", Binary::Op::le},        {">=", Binary::Op::ge},
        {"<", Binary::Op::lt},         {">", Binary::Op::gt}};
    skipSpaces();
    for (const auto& [token, op] : operators) {
      if (eat(token)) return op;
    }
    return std::nullopt;
  }

  ExprPtr comparison() {
    ExprPtr left = unary();
    const auto op = comparisonOperator();
    if (!op) return left;
    ExprPtr right = unary();
    if (comparisonOperator()) fail("chained comparisons are not supported; use && between them");
    return binary(*op, std::move(left), std::move(right));
  }

  ExprPtr unary() {
    skipSpaces();
    if (peek() == '!' && peek(1) != '=') {
      ++pos_;
      auto node = std::make_unique<Not>();
      node->operand = unary();
      return node;
    }
    return postfix(primary());
  }

  std::string identifier() {
    const std::size_t start = pos_;
    while (std::isalnum(static_cast<unsigned char>(peek())) != 0 || peek() == '_' || peek() == '$')
      ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  ExprPtr primary() {
    skipSpaces();
    const std::size_t start = pos_;
    const char c = peek();
    if (c == '@') {
      ++pos_;
      auto node = std::make_unique<CandidateRef>();
      const std::string name = identifier();
      if (name.empty()) return node;
      if (name == "property") {
        node->what = CandidateRef::What::property;
      } else if (name == "parentProperty") {
        node->what = CandidateRef::What::parentProperty;
        readsParentProperty_ = true;
      } else if (name == "path") {
        node->what = CandidateRef::What::path;
      } else {
        failAt(start, fmt::format("'@{}' is not supported in a filter (supported: @, @.name, "
                                  "@property, @parentProperty, @path)",
                                  name));
      }
      return node;
    }
    if (c == '(') {
      ++pos_;
      ExprPtr inner = orExpr();
      expect(')', "')'");
      return inner;
    }
    if (c == '\'' || c == '"') {
      auto node = std::make_unique<Literal>();
      node->value = quoted();
      return node;
    }
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    if (c == '/')
      failAt(start, "a regular expression is only supported as the argument of match()");
    const std::string word = identifier();
    auto node = std::make_unique<Literal>();
    if (word == "true") {
      node->value = true;
    } else if (word == "false") {
      node->value = false;
    } else if (word == "null") {
      node->value = nullptr;
    } else if (word == "undefined") {
      node->isUndefined = true;
    } else if (word.empty()) {
      failAt(start, unexpected() + " in the filter");
    } else {
      failAt(start, fmt::format("'{}' is not supported in a filter", word));
    }
    return node;
  }

  ExprPtr number() {
    const std::size_t start = pos_;
    if (peek() == '-') ++pos_;
    while ((peek() >= '0' && peek() <= '9') || peek() == '.' || peek() == 'e' || peek() == 'E')
      ++pos_;
    const auto parsed = text::wholeDouble(std::string_view(text_).substr(start, pos_ - start));
    if (!parsed) failAt(start, "not a number");
    const double value = *parsed;
    auto node = std::make_unique<Literal>();
    if (value == std::floor(value) && std::abs(value) < 1e15) {
      node->value = static_cast<long long>(value);
    } else {
      node->value = value;
    }
    return node;
  }

  ExprPtr postfix(ExprPtr object) {
    while (true) {
      skipSpaces();
      if (peek() == '.' && peek(1) != '.') {
        ++pos_;
        const std::size_t start = pos_;
        std::string name = identifier();
        if (name.empty()) fail(unexpected() + " (expected a property name)");
        skipSpaces();
        if (peek() == '(') {
          object = call(std::move(object), name, start);
          continue;
        }
        auto member = std::make_unique<Member>();
        member->object = std::move(object);
        member->name = std::move(name);
        object = std::move(member);
        continue;
      }
      if (peek() == '[') {
        ++pos_;
        skipSpaces();
        auto member = std::make_unique<Member>();
        if (peek() == '\'' || peek() == '"') {
          member->name = quoted();
        } else {
          const auto index = integer();
          if (!index) fail("expected a quoted name or an index inside [...] in a filter");
          member->name = std::to_string(*index);
        }
        expect(']', "']'");
        member->object = std::move(object);
        object = std::move(member);
        continue;
      }
      return object;
    }
  }

  ExprPtr call(ExprPtr object, const std::string& name, std::size_t nameStart) {
    auto node = std::make_unique<MethodCall>();
    if (name == "match") {
      node->method = MethodCall::Method::match;
    } else if (name == "includes") {
      node->method = MethodCall::Method::includes;
    } else if (name == "startsWith") {
      node->method = MethodCall::Method::startsWith;
    } else if (name == "endsWith") {
      node->method = MethodCall::Method::endsWith;
    } else {
      failAt(nameStart, fmt::format("the method '{}' is not supported in a filter (supported: "
                                    "match, includes, startsWith, endsWith)",
                                    name));
    }
    node->object = std::move(object);
    expect('(', "'('");
    skipSpaces();
    if (node->method == MethodCall::Method::match && peek() == '/') {
      node->literal = regexLiteral();
    } else {
      node->argument = orExpr();
    }
    expect(')', "')' to close the call");
    return node;
  }

  RegexLiteral regexLiteral() {
    const std::size_t start = pos_;
    ++pos_;  // '/'
    std::string source;
    bool inClass = false;
    while (!atEnd() && (peek() != '/' || inClass)) {
      const char c = text_[pos_++];
      source += c;
      if (c == '\\' && !atEnd()) {
        source += text_[pos_++];
      } else if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      }
    }
    if (!eat('/')) failAt(start, "the regular expression is not closed with '/'");
    const std::size_t flagsStart = pos_;
    while (std::isalpha(static_cast<unsigned char>(peek())) != 0)
      ++pos_;
    const auto flags = regex::jsFlags(text_.substr(flagsStart, pos_ - flagsStart));
    if (const char* unsupported = std::get_if<char>(&flags)) {
      failAt(flagsStart + text_.substr(flagsStart).find(*unsupported),
             fmt::format("the regular expression flag '{}' is not supported", *unsupported));
    }
    RegexLiteral literal{source, std::get<regex::Flags>(flags)};
    if (const std::string error = regex::compileError(literal.source, literal.flags);
        !error.empty())
      failAt(start, fmt::format("invalid regular expression /{}/: {}", source, error));
    return literal;
  }
};

// ---- Evaluation ------------------------------------------------------------------------------

}  // namespace

// A node's key in its parent: a member name (written in the document, which outlives every walk)
// or an array index; neither at the root. Kept this light because a descent makes one per object
// and array of the document; a filter turns it into a value when it reads it.
struct Key {
  const std::string* name = nullptr;
  std::optional<std::size_t> index;

  json value() const { return name != nullptr ? json(*name) : index ? json(*index) : json(); }
};

namespace {

// A node reached while walking: its value, pointer, and key in its parent; the parent's key, for
// @parentProperty.
struct Node {
  const json* value = nullptr;
  std::string pointer;
  Key property;        // none at the root
  Key parentProperty;  // none at the root and its children
};

// A node as a walk or a selector reads it: the same, with the pointer borrowed (a walk keeps one
// pointer buffer and makes an owned pointer only for what a selector picks).
struct NodeView {
  const json* value = nullptr;
  std::string_view pointer;
  Key property;
  Key parentProperty;
};

// The `$ref` member of an object, or nullptr. Members are sorted, so "$ref" comes before every
// name that starts with a letter, a digit or `_`: most objects are answered by their first key.
const json* referenceIn(const json& object) {
  const auto& members = object.get_ref<const json::object_t&>();
  if (members.empty()) return nullptr;
  const std::string& first = members.begin()->first;
  if (first.empty() || first.front() > '$' || first > "$ref") return nullptr;
  const auto found = members.find("$ref");
  return found == members.end() ? nullptr : &found->second;
}

// Whether a member name also names an array item: `..0` picks the first item of every list.
bool isArrayIndex(std::string_view name) {
  std::size_t index = 0;
  const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), index);
  return error == std::errc() && end == name.data() + name.size();
}

NodeView view(const Node& node) {
  return {node.value, node.pointer, node.property, node.parentProperty};
}

void appendKey(std::string& pointer, const Key& key) {
  if (key.name != nullptr) {
    pointer::appendTo(pointer, *key.name);
  } else {
    pointer += '/';
    pointer += std::to_string(key.index.value_or(0));
  }
}

}  // namespace

// The objects and arrays a descent visits, in order, kept compact: each with its parent and key,
// and a pointer only where the path cannot tell it (the start, and each reference target, which
// reads as written where it is defined). Pointers are made for the nodes a selector may pick.
class Descent {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  struct Entry {
    const json* value = nullptr;
    std::uint32_t parent = kNone;  // index of the parent entry; kNone for a start
    std::uint32_t anchor = kNone;  // index into anchors, for a start or a reference target
    Key property;
  };
  struct Anchor {
    std::string pointer;
    Key parentProperty;  // of a start (a reference target takes its parent's key)
  };

  std::vector<Entry> entries;
  std::vector<Anchor> anchors;
  // For each member name, the object entries that hold a member of that name, in order: what a
  // name selector after `..` picks from, so that it need not look into every entry.
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> holdersOf;

  // The entries that `selectors` may pick something from: for member names (which never pick
  // from an array), the objects that hold one of them; otherwise every entry that has children.
  std::vector<std::uint32_t> candidatesFor(const std::vector<Selector>& selectors) const {
    std::vector<std::uint32_t> candidates;
    const bool namesOnly = std::all_of(selectors.begin(), selectors.end(), [](const auto& s) {
      return s.kind == Selector::Kind::name && !isArrayIndex(s.name);
    });
    if (!namesOnly) {
      for (std::uint32_t i = 0; i < entries.size(); ++i) {
        if (!entries[i].value->empty()) candidates.push_back(i);
      }
      return candidates;
    }
    for (const Selector& selector : selectors) {
      const auto found = holdersOf.find(selector.name);
      if (found != holdersOf.end())
        candidates.insert(candidates.end(), found->second.begin(), found->second.end());
    }
    if (selectors.size() > 1) {
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    }
    return candidates;
  }

  std::string pointerOf(std::uint32_t index) const {
    std::vector<std::uint32_t> below;
    while (entries[index].anchor == kNone) {
      below.push_back(index);
      index = entries[index].parent;
    }
    std::string pointer = anchors[entries[index].anchor].pointer;
    for (auto it = below.rbegin(); it != below.rend(); ++it)
      appendKey(pointer, entries[*it].property);
    return pointer;
  }

  Key parentPropertyOf(std::uint32_t index) const {
    const Entry& entry = entries[index];
    if (entry.parent != kNone) return entries[entry.parent].property;
    return anchors[entry.anchor].parentProperty;
  }
};

namespace {

class Evaluator {
 public:
  explicit Evaluator(const RefFollower& follow, const TargetTest* isTarget = nullptr)
      : follow_(follow), isTarget_(isTarget) {}

  // The node as it reads with references followed (itself without a follower).
  Node deref(Node node) const {
    if (!follow_ || !node.value->is_object()) return node;
    const json* ref = referenceIn(*node.value);
    if (ref == nullptr || !ref->is_string()) return node;
    auto target = follow_(*node.value);
    if (!target || target->node == nullptr) return node;
    node.value = target->node;
    node.pointer = std::move(target->pointer);
    return node;
  }

  void select(const NodeView& parent, const Selector& selector, std::vector<Node>& out) const {
    const json& v = *parent.value;
    switch (selector.kind) {
      case Selector::Kind::name:
        if (v.is_object()) {
          const auto it = v.find(selector.name);
          if (it != v.end()) out.push_back(child(parent, it.key(), &*it));
        } else if (v.is_array()) {
          selectIndex(parent, selector.name, out);
        }
        return;
      case Selector::Kind::wildcard:
        forEachChild(parent, [&](Node node) { out.push_back(std::move(node)); });
        return;
      case Selector::Kind::index:
        if (v.is_array()) {
          const long long size = static_cast<long long>(v.size());
          const long long i = selector.index < 0 ? size + selector.index : selector.index;
          if (i >= 0 && i < size) out.push_back(child(parent, static_cast<std::size_t>(i)));
        } else if (v.is_object()) {
          const std::string key = std::to_string(selector.index);
          const auto it = v.find(key);
          if (it != v.end()) out.push_back(child(parent, it.key(), &*it));
        }
        return;
      case Selector::Kind::slice:
        if (v.is_array()) slice(parent, selector, out);
        return;
      case Selector::Kind::filter:
        forEachChild(parent, [&](Node node) {
          const Node resolved = deref(node);
          const json property = node.property.value();
          const json parentProperty = node.parentProperty.value();
          const Candidate candidate{resolved.value, &resolved.pointer, &property, &parentProperty,
                                    &follow_};
          if (truthy(selector.filter->eval(candidate))) out.push_back(std::move(node));
        });
        return;
    }
  }

  // Adds to `out` `start` and every object and array below it, references followed once per
  // walk. With `walked`, a reference target already walked (reached by another path) is not
  // walked again: below it every node has the same value and pointer whichever path reached it,
  // so only what depends on the path (@parentProperty in a filter) could differ. Scalars are left
  // out: selectors pick the children of a visited node, and a scalar has none.
  void descend(const Node& start, std::set<const json*>* walked, Descent& out) {
    const auto anchor = static_cast<std::uint32_t>(out.anchors.size());
    out.anchors.push_back({start.pointer, start.parentProperty});
    record(*start.value, Descent::kNone, anchor, start.property, walked, out);
  }

 private:
  const RefFollower& follow_;
  const TargetTest* isTarget_;
  std::set<const json*> onPath_;

  // A reference target met where it is written, after the walk met it through a reference (or
  // the other way round): the nodes below it have the same values and pointers either way.
  bool walkedAlready(const json& value, std::set<const json*>* walked) const {
    return walked != nullptr && isTarget_ != nullptr && *isTarget_ && (*isTarget_)(value) &&
           !walked->insert(&value).second;
  }

  void record(const json& value, std::uint32_t parent, std::uint32_t anchor, Key property,
              std::set<const json*>* walked, Descent& out) {
    const json* node = &value;
    if (follow_ && value.is_object()) {
      const json* ref = referenceIn(value);
      if (ref != nullptr && ref->is_string()) {
        if (auto target = follow_(value); target && target->node != nullptr) {
          if (walked != nullptr && !walked->insert(target->node).second) return;
          if (!onPath_.insert(target->node).second) return;  // a cycle of references
          node = target->node;
          anchor = static_cast<std::uint32_t>(out.anchors.size());
          out.anchors.push_back({std::move(target->pointer), {}});
        }
      }
    }
    if (node == &value && walkedAlready(value, walked)) return;
    const auto index = static_cast<std::uint32_t>(out.entries.size());
    out.entries.push_back({node, parent, anchor, property});
    if (node->is_object()) {
      for (auto it = node->begin(); it != node->end(); ++it) {
        out.holdersOf[it.key()].push_back(index);
        if (it->is_structured())
          record(*it, index, Descent::kNone, Key{&it.key(), std::nullopt}, walked, out);
      }
    } else if (node->is_array()) {
      for (std::size_t i = 0; i < node->size(); ++i) {
        if ((*node)[i].is_structured())
          record((*node)[i], index, Descent::kNone, Key{nullptr, i}, walked, out);
      }
    }
    if (node != &value) onPath_.erase(node);
  }

  static Node child(const NodeView& parent, const std::string& key, const json* value) {
    return Node{value, pointer::append(parent.pointer, key), Key{&key, std::nullopt},
                parent.property};
  }
  static Node child(const NodeView& parent, std::size_t index) {
    return Node{&(*parent.value)[index], pointer::append(parent.pointer, index),
                Key{nullptr, index}, parent.property};
  }

  template <typename Visit>
  static void forEachChild(const NodeView& parent, Visit&& visit) {
    const json& v = *parent.value;
    if (v.is_object()) {
      for (auto it = v.begin(); it != v.end(); ++it)
        visit(child(parent, it.key(), &*it));
    } else if (v.is_array()) {
      for (std::size_t i = 0; i < v.size(); ++i)
        visit(child(parent, i));
    }
  }

  static void selectIndex(const NodeView& parent, const std::string& name, std::vector<Node>& out) {
    std::size_t index = 0;
    const auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), index);
    if (ec == std::errc() && ptr == name.data() + name.size() && index < parent.value->size())
      out.push_back(child(parent, index));
  }

  static void slice(const NodeView& parent, const Selector& selector, std::vector<Node>& out) {
    const long long size = static_cast<long long>(parent.value->size());
    const auto clamp = [&](long long i) {
      if (i < 0) i += size;
      return std::clamp(i, selector.step > 0 ? 0LL : -1LL, selector.step > 0 ? size : size - 1);
    };
    if (selector.step > 0) {
      const long long from = clamp(selector.start.value_or(0));
      const long long to = clamp(selector.end.value_or(size));
      for (long long i = from; i < to; i += selector.step)
        out.push_back(child(parent, static_cast<std::size_t>(i)));
    } else {
      const long long from = clamp(selector.start.value_or(size - 1));
      const long long to = selector.end ? clamp(*selector.end) : -1;
      for (long long i = from; i > to; i += selector.step)
        out.push_back(child(parent, static_cast<std::size_t>(i)));
    }
  }
};

}  // namespace

std::variant<Path, ParseError> Path::parse(std::string_view text) {
  try {
    Parser parser(text);
    Path path;
    path.text_ = std::string(text);
    path.segments_ = parser.path();
    return path;
  } catch (const Failure& failure) {
    return failure.error;
  }
}

std::vector<Match> Path::evaluate(const json& root, const RefFollower& follow,
                                  const DescentSource& descents) const {
  return evaluateFrom(root, "", follow, descents);
}

std::vector<Match> Path::evaluateFrom(const json& start, std::string startPointer,
                                      const RefFollower& follow) const {
  return evaluateFrom(start, std::move(startPointer), follow, {});
}

std::shared_ptr<const Descent> Path::descend(const json& root, const RefFollower& follow,
                                             bool revisit, const TargetTest& isTarget) {
  Evaluator evaluator(follow, &isTarget);
  auto descent = std::make_shared<Descent>();
  std::set<const json*> walked;
  evaluator.descend(Node{&root, "", {}, {}}, revisit ? nullptr : &walked, *descent);
  return descent;
}

std::vector<Match> Path::evaluateFrom(const json& start, std::string startPointer,
                                      const RefFollower& follow,
                                      const DescentSource& descents) const {
  Evaluator evaluator(follow);
  std::vector<Node> current{Node{&start, std::move(startPointer), {}, {}}};
  for (std::size_t index = 0; index < segments_.size(); ++index) {
    const Segment& segment = *segments_[index];
    std::vector<Node> next;
    next.reserve(current.size());
    const auto selectAll = [&](const NodeView& visited) {
      for (const auto& selector : segment.selectors)
        evaluator.select(visited, selector, next);
    };
    if (!segment.descendant) {
      for (const Node& node : current)
        selectAll(view(evaluator.deref(node)));
      current = std::move(next);
      continue;
    }
    // A node reached twice gives the same findings twice, which the engine keeps once, so a
    // descent need not walk a reference target twice, unless its filter reads the path
    // (@parentProperty).
    const bool revisit =
        std::any_of(segment.selectors.begin(), segment.selectors.end(),
                    [](const Selector& selector) { return selector.filterReadsPath; });
    std::shared_ptr<const Descent> descent;
    if (index == 0 && descents) {
      descent = descents(revisit);  // from the root: the walk other rules make too
    } else {
      auto own = std::make_shared<Descent>();
      std::set<const json*> walked;
      for (const Node& node : current)
        evaluator.descend(node, revisit ? nullptr : &walked, *own);
      descent = std::move(own);
    }
    const std::vector<std::uint32_t> candidates = descent->candidatesFor(segment.selectors);
    next.reserve(candidates.size());
    for (const std::uint32_t i : candidates) {
      const Descent::Entry& entry = descent->entries[i];
      const std::string pointer = descent->pointerOf(i);
      selectAll(NodeView{entry.value, pointer, entry.property, descent->parentPropertyOf(i)});
    }
    current = std::move(next);
  }
  std::vector<Match> matches;
  matches.reserve(current.size());
  for (auto& node : current) {
    Node resolved = evaluator.deref(std::move(node));
    matches.push_back({std::move(resolved.pointer), resolved.value});
  }
  return matches;
}

std::string plusPath(std::string_view pointer) {
  std::string out = "$";
  const auto tokens = pointer::split(pointer);
  if (!tokens) return out;
  for (const auto& token : *tokens)
    out += "['" + token + "']";
  return out;
}

Path::Path(Path&&) noexcept = default;
Path& Path::operator=(Path&&) noexcept = default;
Path::Path(const Path&) = default;
Path& Path::operator=(const Path&) = default;
Path::~Path() = default;

}  // namespace asynclint::jsonpath
