#include "ruleset/functions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <set>

#include "engine/context.hpp"
#include "model/ref_index.hpp"
#include "schema/schema_validator.hpp"
#include "source/json_pointer.hpp"
#include "text/ecma_regex.hpp"
#include "text/suggest.hpp"

namespace asynclint::ruleset {
using nlohmann::json;

namespace {

const std::string kProperty = "#{{print(\"property\")}}";
const std::string kValue = "#{{print(\"value\")}}";

std::string typeName(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "boolean";
    case json::value_t::string:
      return "string";
    case json::value_t::array:
      return "array";
    case json::value_t::object:
      return "object";
    default:
      return "number";
  }
}

bool truthyValue(const json* value) {
  if (value == nullptr) return false;
  switch (value->type()) {
    case json::value_t::null:
      return false;
    case json::value_t::boolean:
      return value->get<bool>();
    case json::value_t::string:
      return !value->get_ref<const std::string&>().empty();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: {
      const double d = value->get<double>();
      return d != 0 && !std::isnan(d);
    }
    default:
      return true;
  }
}

// Options are an object whose members are among `known`; the first problem, with a did-you-mean.
std::optional<OptionError> unknownOption(std::string_view function, const json& options,
                                         const std::vector<std::string>& known) {
  for (const auto& [name, value] : options.items()) {
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    std::string message =
        fmt::format("\"{}\" function does not support \"{}\" option", function, name);
    if (const auto suggestion = text::closest(name, known))
      message += fmt::format(" (did you mean \"{}\"?)", *suggestion);
    return OptionError{pointer::append("", name), std::move(message)};
  }
  return std::nullopt;
}

std::optional<OptionError> notAnObject(std::string_view function, const json* options,
                                       std::string_view example) {
  if (options != nullptr && options->is_object()) return std::nullopt;
  return OptionError{"", fmt::format("\"{}\" function has invalid options specified. Example valid "
                                     "options: {}",
                                     function, example)};
}

OptionError missing(std::string_view function, std::string_view option) {
  return OptionError{"", fmt::format("\"{}\" function is missing \"{}\" option", function, option)};
}

OptionError wrongType(std::string_view function, std::string_view option, std::string_view types) {
  return OptionError{pointer::append("", option),
                     fmt::format("\"{}\" function and its \"{}\" option accepts only the "
                                 "following types: {}",
                                 function, option, types)};
}

// ---- Functions without options -------------------------------------------------------------

template <typename Test>
class Simple : public Function {
 public:
  Simple(Test test, std::string message) : test_(test), message_(std::move(message)) {}
  std::vector<FunctionResult> run(const FunctionInput& input) const override {
    if (test_(input.value)) return {};
    return {{message_, std::nullopt}};
  }

 private:
  Test test_;
  std::string message_;
};

template <typename Test>
std::shared_ptr<const Function> simple(Test test, std::string message) {
  return std::make_shared<Simple<Test>>(test, std::move(message));
}

// ---- alphabetical --------------------------------------------------------------------------

// JavaScript's Number(x) on a string or number; NaN otherwise.
double jsNumber(const json& value) {
  if (value.is_number()) return value.get<double>();
  if (!value.is_string()) return NAN;
  const auto& s = value.get_ref<const std::string&>();
  if (s.find_first_not_of(" \t\n\r") == std::string::npos) return 0;
  // strtod, not std::stod: a word such as a property name is the common case here, and stod
  // reports it by throwing, which costs more than the comparison itself.
  char* end = nullptr;
  errno = 0;
  const double d = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || errno == ERANGE) return NAN;
  const auto used = static_cast<std::size_t>(end - s.c_str());
  return s.find_first_not_of(" \t\n\r", used) == std::string::npos ? d : NAN;
}

// Spectral's compare: numbers (and numeric strings after a number) by value, strings by
// localeCompare (here: case-insensitive first, as ICU's root collation orders ASCII letters).
int compareItems(const json& a, const json& b) {
  if ((a.is_number() || std::isnan(jsNumber(a))) && (b.is_number() || !std::isnan(jsNumber(b)))) {
    const double diff = jsNumber(a) - jsNumber(b);
    if (std::isnan(diff)) return 0;
    return diff > 0 ? 1 : (diff < 0 ? -1 : 0);
  }
  if (!a.is_string() || !b.is_string()) return 0;
  const auto& x = a.get_ref<const std::string&>();
  const auto& y = b.get_ref<const std::string&>();
  const auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
  };
  const std::string lx = lower(x);
  const std::string ly = lower(y);
  if (lx != ly) return lx < ly ? -1 : 1;
  if (x == y) return 0;
  return x > y ? -1 : 1;  // ICU puts lowercase before uppercase at the tertiary level
}

// The keys of `object` (the target of `input`) in the order the file writes them, as Spectral sees
// them (Object.keys); in the tree's sorted order when the run does not know where nodes are.
std::vector<std::string> keysAsWritten(const json& object, const FunctionInput& input) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items())
    keys.push_back(key);
  if (input.context == nullptr) return keys;
  return input.context->inWrittenOrder(
      std::move(keys), [&](const std::string& key) { return pointer::append(input.pointer, key); });
}

class Alphabetical : public Function {
 public:
  explicit Alphabetical(std::optional<std::string> keyedBy) : keyedBy_(std::move(keyedBy)) {}
  std::vector<FunctionResult> run(const FunctionInput& input) const override {
    if (input.value == nullptr || !input.value->is_structured()) return {};
    const json& target = *input.value;
    std::vector<json> items;
    if (target.is_array()) {
      items.assign(target.begin(), target.end());
    } else {
      for (const auto& key : keysAsWritten(target, input))
        items.emplace_back(key);
    }
    if (items.size() < 2) return {};
    if (keyedBy_) {
      for (auto& item : items) {
        if (!item.is_object()) return {{kProperty + "must be an object", std::nullopt}};
        const auto it = item.find(*keyedBy_);
        item = it == item.end() ? json() : *it;
      }
    }
    for (const auto& item : items) {
      if (!item.is_string() && !item.is_number())
        return {{kProperty + "must be one of the allowed types: number, string", std::nullopt}};
    }
    for (std::size_t i = 0; i + 1 < items.size(); ++i) {
      if (compareItems(items[i], items[i + 1]) < 1) continue;
      if (keyedBy_) return {{"properties must follow the alphabetical order", std::nullopt}};
      const std::string at = target.is_array()
                                 ? pointer::append(input.pointer, i)
                                 : pointer::append(input.pointer, items[i].get<std::string>());
      return {{fmt::format("{} must be placed after {}", printValue(&items[i]),
                           printValue(&items[i + 1])),
               at}};
    }
    return {};
  }

 private:
  std::optional<std::string> keyedBy_;
};

Prepared alphabetical(const json* options) {
  if (options == nullptr || options->is_null()) return std::make_shared<Alphabetical>(std::nullopt);
  if (auto error =
          notAnObject("alphabetical", options, "null (no options), { \"keyedBy\": \"my-key\" }"))
    return *error;
  if (auto error = unknownOption("alphabetical", *options, {"keyedBy"})) return *error;
  const auto keyedBy = options->find("keyedBy");
  if (keyedBy == options->end()) return std::make_shared<Alphabetical>(std::nullopt);
  if (!keyedBy->is_string()) return wrongType("alphabetical", "keyedBy", "string");
  return std::make_shared<Alphabetical>(keyedBy->get<std::string>());
}

// ---- casing --------------------------------------------------------------------------------

const std::vector<std::pair<std::string, std::string>>& casePatterns() {
  static const std::vector<std::pair<std::string, std::string>> patterns{
      {"flat", "[a-z][a-z{D}]*"},
      {"camel", "[a-z][a-z{D}]*(?:[A-Z{D}](?:[a-z{D}]+|$))*"},
      {"pascal", "[A-Z][a-z{D}]*(?:[A-Z{D}](?:[a-z{D}]+|$))*"},
      {"kebab", "[a-z][a-z{D}]*(?:-[a-z{D}]+)*"},
      {"cobol", "[A-Z][A-Z{D}]*(?:-[A-Z{D}]+)*"},
      {"snake", "[a-z][a-z{D}]*(?:_[a-z{D}]+)*"},
      {"macro", "[A-Z][A-Z{D}]*(?:_[A-Z{D}]+)*"}};
  return patterns;
}

std::string escapeRegexChar(const std::string& c) {
  static const std::string special = "\\^$.|?*+()[]{}-/";
  if (c.size() == 1 && special.find(c[0]) != std::string::npos) return "\\" + c;
  return c;
}

class Casing : public Function {
 public:
  Casing(std::string type, std::string pattern, std::optional<std::string> leadingChar)
      : type_(std::move(type)),
        pattern_(std::move(pattern)),
        leadingChar_(std::move(leadingChar)) {}
  std::vector<FunctionResult> run(const FunctionInput& input) const override {
    if (input.value == nullptr || !input.value->is_string()) return {};
    const auto& s = input.value->get_ref<const std::string&>();
    if (s.empty()) return {};
    if (leadingChar_ && s == *leadingChar_) return {};
    // The casing patterns are anchored and cannot backtrack badly: a match error cannot occur.
    if (regex::search(pattern_, s)) return {};
    return {{fmt::format("must be {} case", type_), std::nullopt}};
  }

 private:
  std::string type_;
  std::string pattern_;  // anchored with ^...$
  std::optional<std::string> leadingChar_;
};

Prepared casing(const json* options) {
  if (auto error = notAnObject("casing", options,
                               "{ \"type\": \"camel\" }, { \"type\": \"pascal\", "
                               "\"disallowDigits\": true }"))
    return *error;
  if (auto error = unknownOption("casing", *options, {"type", "disallowDigits", "separator"}))
    return *error;
  const auto type = options->find("type");
  if (type == options->end()) return missing("casing", "type");
  std::vector<std::string> names;
  for (const auto& [name, pattern] : casePatterns())
    names.push_back(name);
  const auto found =
      std::find_if(casePatterns().begin(), casePatterns().end(),
                   [&](const auto& entry) { return type->is_string() && entry.first == *type; });
  if (found == casePatterns().end()) {
    std::string message =
        fmt::format("\"casing\" function and its \"type\" option accept the following values: {}",
                    fmt::join(names, ", "));
    if (type->is_string()) {
      if (const auto suggestion = text::closest(type->get<std::string>(), names))
        message += fmt::format(" (did you mean \"{}\"?)", *suggestion);
    }
    return OptionError{"/type", std::move(message)};
  }
  bool digits = true;
  if (const auto disallow = options->find("disallowDigits"); disallow != options->end()) {
    if (!disallow->is_boolean()) return wrongType("casing", "disallowDigits", "boolean");
    digits = !disallow->get<bool>();
  }
  std::string base = found->second;
  for (auto at = base.find("{D}"); at != std::string::npos; at = base.find("{D}"))
    base.replace(at, 3, digits ? "0-9" : "");
  std::string full = "^" + base + "$";
  std::optional<std::string> leadingChar;
  if (const auto separator = options->find("separator"); separator != options->end()) {
    if (!separator->is_object()) return wrongType("casing", "separator", "object");
    if (auto error = unknownOption("casing", *separator, {"char", "allowLeading"})) {
      error->pointer = "/separator" + error->pointer;
      return *error;
    }
    const auto c = separator->find("char");
    if (c == separator->end()) return missing("casing", "separator.char");
    if (!c->is_string() || c->get<std::string>().size() > 1)
      return OptionError{"/separator/char",
                         "\"casing\" function and its \"separator.char\" option accepts only char, "
                         "i.e. \"I\" or \"/\""};
    const bool leading = separator->value("allowLeading", false) == true;
    const std::string sep = "[" + escapeRegexChar(c->get<std::string>()) + "]";
    full = "^" + (leading ? sep + "?" : "") + base + "(?:" + sep + base + ")*$";
    if (leading) leadingChar = c->get<std::string>();
  }
  return std::make_shared<Casing>(type->get<std::string>(), std::move(full), leadingChar);
}

// ---- enumeration, length, xor, or ----------------------------------------------------------

class Enumeration : public Function {
 public:
  explicit Enumeration(json values) : values_(std::move(values)) {}
  std::vector<FunctionResult> run(const FunctionInput& input) const override {
    if (input.value == nullptr || input.value->is_structured()) return {};
    for (const auto& allowed : values_) {
      if (allowed == *input.value) return {};
    }
    std::vector<std::string> printed;
    for (const auto& allowed : values_)
      printed.push_back(printValue(&allowed));
    return {{fmt::format("{} must be equal to one of the allowed values: {}", kValue,
                         fmt::join(printed, ", ")),
             std::nullopt}};
  }

 private:
  json values_;
};

Prepared enumeration(const json* options) {
  if (auto error = notAnObject("enumeration", options,
                               "{ \"values\": [\"Berlin\", \"London\", \"Paris\"] }, { \"values\": "
                               "[2, 3, 5, 8, 13, 21] }"))
    return *error;
  if (auto error = unknownOption("enumeration", *options, {"values"})) return *error;
  const auto values = options->find("values");
  if (values == options->end()) return missing("enumeration", "values");
  const bool primitives =
      values->is_array() &&
      std::all_of(values->begin(), values->end(), [](const json& v) { return !v.is_structured(); });
  if (!primitives)
    return OptionError{"/values",
                       "\"enumeration\" and its \"values\" option support only arrays of primitive "
                       "values, i.e. [\"Berlin\", \"London\", \"Paris\"]"};
  return std::make_shared<Enumeration>(*values);
}

class Length : public Function {
 public:
  Length(std::optional<double> min, std::optional<double> max) : min_(min), max_(max) {}
  std::vector<FunctionResult> run(const FunctionInput& input) const override {
    if (input.value == nullptr) return {};
    const json& v = *input.value;
    double length = 0;
    if (v.is_object() || v.is_array()) {
      length = static_cast<double>(v.size());
    } else if (v.is_number()) {
      length = v.get<double>();
    } else if (v.is_string()) {
      length = static_cast<double>(utf16Length(v.get_ref<const std::string&>()));
    } else {
      return {};
    }
    std::vector<FunctionResult> results;
    if (min_ && length < *min_)
      results.push_back({kProperty + "must be longer than " + number(*min_), std::nullopt});
    if (max_ && length > *max_)
      results.push_back({kProperty + "must be shorter than " + number(*max_), std::nullopt});
    return results;
  }

 private:
  std::optional<double> min_, max_;
  static std::string number(double d) {
    const json value = d == std::floor(d) ? json(static_cast<long long>(d)) : json(d);
    return value.dump();
  }
  // JavaScript's string length: UTF-16 code units.
  static std::size_t utf16Length(const std::string& s) {
    std::size_t units = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if ((c & 0xC0U) == 0x80U) continue;
      units += c >= 0xF0U ? 2 : 1;
    }
    return units;
  }
};

Prepared length(const json* options) {
  static const char* example = "{ \"min\": 2 }, { \"max\": 5 }, { \"min\": 0, \"max\": 10 }";
  if (auto error = notAnObject("length", options, example)) return *error;
  if (auto error = unknownOption("length", *options, {"min", "max"})) return *error;
  if (options->empty())
    return OptionError{"", fmt::format("\"length\" function has invalid options specified. Example "
                                       "valid options: {}",
                                       example)};
  std::optional<double> bounds[2];
  const char* names[2] = {"min", "max"};
  for (int i = 0; i < 2; ++i) {
    const auto it = options->find(names[i]);
    if (it == options->end()) continue;
    if (!it->is_number()) return wrongType("length", names[i], "number");
    bounds[i] = it->get<double>();
  }
  return std::make_shared<Length>(bounds[0], bounds[1]);
}

class Xor : public Function {
 public:
  explicit Xor(std::vector<std::string> properties) : properties_(std::move(properties)) {}
  std::vector<FunctionResult> run(const FunctionInput& input) const override {
    if (input.value == nullptr || !input.value->is_object()) return {};
    std::size_t present = 0;
    for (const auto& [key, value] : input.value->items())
      present += std::count(properties_.begin(), properties_.end(), key) > 0 ? 1 : 0;
    if (present == 1) return {};
    std::vector<std::string> printed;
    for (const auto& property : properties_)
      printed.push_back(json(property).dump());
    const std::string last = printed.back();
    printed.pop_back();
    return {{fmt::format("{} and {} must not be both defined or both undefined",
                         fmt::join(printed, ", "), last),
             std::nullopt}};
  }

 private:
  std::vector<std::string> properties_;
};

class Or : public Function {
 public:
  explicit Or(std::vector<std::string> properties) : properties_(std::move(properties)) {}
  std::vector<FunctionResult> run(const FunctionInput& input) const override {
    if (input.value == nullptr || !input.value->is_object() || properties_.size() < 2) return {};
    for (const auto& property : properties_) {
      if (input.value->contains(property)) return {};
    }
    if (properties_.size() > 4) {
      return {{fmt::format("At least one of \"{}\" or {} other properties must be defined",
                           fmt::join(properties_.begin(), properties_.begin() + 3, "\" or \""),
                           properties_.size() - 3),
               std::nullopt}};
    }
    return {
        {fmt::format("At least one of \"{}\" must be defined", fmt::join(properties_, "\" or \"")),
         std::nullopt}};
  }

 private:
  std::vector<std::string> properties_;
};

template <typename Type>
Prepared properties(std::string_view name, const json* options, std::size_t minItems) {
  if (auto error = notAnObject(name, options,
                               "{ \"properties\": [\"id\", \"name\"] }, { \"properties\": "
                               "[\"country\", \"street\"] }"))
    return *error;
  if (auto error = unknownOption(name, *options, {"properties"})) return *error;
  const auto list = options->find("properties");
  if (list == options->end()) return missing(name, "properties");
  const bool strings = list->is_array() && std::all_of(list->begin(), list->end(),
                                                       [](const json& v) { return v.is_string(); });
  if (!strings || list->size() < minItems)
    return OptionError{"/properties",
                       fmt::format("\"{}\" and its \"properties\" option require at least "
                                   "2-item tuples, i.e. [\"id\", \"name\"]",
                                   name)};
  return std::make_shared<Type>(list->get<std::vector<std::string>>());
}

// ---- pattern -------------------------------------------------------------------------------

// A regular expression of a ruleset, matched with PCRE2 (not std::regex, which recurses once per
// character and overflows the stack on a long description).
struct CompiledPattern {
  std::string source;
  regex::Flags flags;
};

// "/re/flags" or "re", as Spectral reads a pattern option (its /^\/(.+)\/([a-z]*)$/).
std::variant<CompiledPattern, std::string> compilePattern(const std::string& text) {
  CompiledPattern compiled{text, {}};
  const auto close = text.rfind('/');
  const auto isLower = [](char c) { return c >= 'a' && c <= 'z'; };
  if (text.size() > 2 && text.front() == '/' && close > 1 &&
      std::all_of(text.begin() + static_cast<std::ptrdiff_t>(close) + 1, text.end(), isLower)) {
    const auto flags = regex::jsFlags(std::string_view(text).substr(close + 1));
    if (const char* unsupported = std::get_if<char>(&flags))
      return fmt::format("the regular expression flag '{}' is not supported", *unsupported);
    compiled = {text.substr(1, close - 1), std::get<regex::Flags>(flags)};
  }
  if (const std::string error = regex::compileError(compiled.source, compiled.flags);
      !error.empty())
    return fmt::format("invalid regular expression {}: {}", json(text).dump(), error);
  return compiled;
}

// Whether `pattern` matches `subject`; a match that exhausts the engine's budget is reported as
// the function's finding rather than read as a match or a miss.
std::variant<bool, std::string> searchIn(const CompiledPattern& pattern,
                                         const std::string& subject) {
  try {
    return regex::search(pattern.source, subject, pattern.flags);
  } catch (const regex::RegexError& error) {
    return std::string(error.what());
  }
}

class Pattern : public Function {
 public:
  struct Test {
    std::string text;
    CompiledPattern pattern;
  };
  Pattern(std::optional<Test> match, std::optional<Test> notMatch)
      : match_(std::move(match)), notMatch_(std::move(notMatch)) {}
  std::vector<FunctionResult> run(const FunctionInput& input) const override {
    if (input.value == nullptr || !input.value->is_string()) return {};
    const auto& s = input.value->get_ref<const std::string&>();
    std::vector<FunctionResult> results;
    if (match_) addResult(results, *match_, s, false, "must match");
    if (notMatch_) addResult(results, *notMatch_, s, true, "must not match");
    return results;
  }

 private:
  std::optional<Test> match_, notMatch_;

  static void addResult(std::vector<FunctionResult>& results, const Test& test,
                        const std::string& subject, bool failsOnMatch, const char* verb) {
    const auto found = searchIn(test.pattern, subject);
    if (const auto* error = std::get_if<std::string>(&found)) {
      results.push_back({fmt::format("{} could not be checked: {}", kValue, *error), std::nullopt});
    } else if (std::get<bool>(found) == failsOnMatch) {
      results.push_back({fmt::format("{} {} the pattern {}", kValue, verb, json(test.text).dump()),
                         std::nullopt});
    }
  }
};

Prepared pattern(const json* options) {
  static const char* example =
      "{ \"match\": \"^Stoplight\" }, { \"notMatch\": \"Swagger\" }, { \"match\": \"Stoplight\", "
      "\"notMatch\": \"Swagger\" }";
  if (auto error = notAnObject("pattern", options, example)) return *error;
  if (auto error = unknownOption("pattern", *options, {"match", "notMatch"})) return *error;
  if (options->empty())
    return OptionError{"", fmt::format("\"pattern\" function has invalid options specified. "
                                       "Example valid options: {}",
                                       example)};
  std::optional<Pattern::Test> tests[2];
  const char* names[2] = {"match", "notMatch"};
  for (int i = 0; i < 2; ++i) {
    const auto it = options->find(names[i]);
    if (it == options->end()) continue;
    if (!it->is_string())
      return OptionError{pointer::append("", names[i]),
                         fmt::format("\"pattern\" function and its \"{}\" option must be string or "
                                     "RegExp instance",
                                     names[i])};
    auto compiled = compilePattern(it->get<std::string>());
    if (auto* error = std::get_if<std::string>(&compiled))
      return OptionError{pointer::append("", names[i]), *error};
    tests[i] =
        Pattern::Test{it->get<std::string>(), std::get<CompiledPattern>(std::move(compiled))};
  }
  return std::make_shared<Pattern>(std::move(tests[0]), std::move(tests[1]));
}

// ---- schema --------------------------------------------------------------------------------

class Schema : public Function {
 public:
  Schema(std::unique_ptr<schema::SchemaValidator> validator, bool allErrors)
      : validator_(std::move(validator)), allErrors_(allErrors) {}
  std::vector<FunctionResult> run(const FunctionInput& input) const override {
    if (input.value == nullptr) return {{kProperty + "must exist", input.pointer}};
    std::vector<FunctionResult> results;
    for (const auto& finding : validator_->validate(*input.value)) {
      results.push_back({finding.message, input.pointer + finding.pointer});
      if (!allErrors_) break;
    }
    return results;
  }

 private:
  std::unique_ptr<schema::SchemaValidator> validator_;
  bool allErrors_;
};

Prepared schemaFunction(const json* options) {
  if (auto error = notAnObject("schema", options,
                               "{ \"schema\": { /* any JSON Schema can be defined here */ } , { "
                               "\"schema\": { \"type\": \"object\" }, \"dialect\": \"auto\" }"))
    return *error;
  if (auto error = unknownOption("schema", *options, {"schema", "dialect", "allErrors"}))
    return *error;
  const auto schema = options->find("schema");
  if (schema == options->end()) return missing("schema", "schema");
  if (!schema->is_object() && !schema->is_boolean()) return wrongType("schema", "schema", "object");
  bool allErrors = false;
  if (const auto all = options->find("allErrors"); all != options->end()) {
    if (!all->is_boolean()) return wrongType("schema", "allErrors", "boolean");
    allErrors = all->get<bool>();
  }
  if (const auto dialect = options->find("dialect"); dialect != options->end()) {
    static const std::vector<std::string> dialects{"auto",   "draft4",       "draft6",
                                                   "draft7", "draft2019-09", "draft2020-12"};
    if (!dialect->is_string() ||
        std::find(dialects.begin(), dialects.end(), dialect->get<std::string>()) == dialects.end())
      return OptionError{
          "/dialect",
          "\"schema\" function and its \"dialect\" option accepts only the following "
          "values: \"auto\", \"draft4\", \"draft6\", \"draft7\", \"draft2019-09\", "
          "\"draft2020-12\""};
  }
  try {
    return std::make_shared<Schema>(schema::SchemaValidator::fromSchemaText(schema->dump()),
                                    allErrors);
  } catch (const std::exception& error) {
    return OptionError{"/schema", fmt::format("the schema cannot be used: {}", error.what())};
  }
}

// ---- typedEnum, unreferencedReusableObject -------------------------------------------------

class TypedEnum : public Function {
 public:
  std::vector<FunctionResult> run(const FunctionInput& input) const override {
    if (input.value == nullptr || !input.value->is_object()) return {};
    const json& v = *input.value;
    const auto values = v.find("enum");
    const auto type = v.find("type");
    if (values == v.end() || !values->is_array() || type == v.end()) return {};
    std::vector<std::string> types;
    if (type->is_string()) {
      types.push_back(type->get<std::string>());
    } else if (type->is_array() && std::all_of(type->begin(), type->end(),
                                               [](const json& t) { return t.is_string(); })) {
      types = type->get<std::vector<std::string>>();
    } else {
      return {};
    }
    const bool integers = std::find(types.begin(), types.end(), "integer") != types.end();
    std::vector<FunctionResult> results;
    for (std::size_t i = 0; i < values->size(); ++i) {
      const json& item = (*values)[i];
      std::string itemType = typeName(item);
      if (integers && item.is_number() && item.get<double>() == std::floor(item.get<double>()))
        itemType = "integer";
      if (std::find(types.begin(), types.end(), itemType) != types.end()) continue;
      // String(type): an array joins with commas.
      results.push_back(
          {fmt::format("Enum value {} must be \"{}\".", printValue(&item), fmt::join(types, ",")),
           pointer::append(pointer::append(input.pointer, "enum"), i)});
    }
    return results;
  }
};

class UnreferencedReusableObject : public Function {
 public:
  explicit UnreferencedReusableObject(std::string location) : location_(std::move(location)) {}
  std::vector<FunctionResult> run(const FunctionInput& input) const override {
    if (input.value == nullptr || !input.value->is_object()) return {};
    std::set<std::string> targets;
    for (const auto& reference : input.refs.all()) {
      if (reference.kind == model::RefKind::local) targets.insert(reference.target);
    }
    std::vector<FunctionResult> results;
    for (const auto& [name, value] : input.value->items()) {
      const std::string defined = pointer::append(location_, name);
      if (targets.count(defined) == 0)
        results.push_back({"Potential orphaned reusable object has been detected", defined});
    }
    return results;
  }

 private:
  std::string location_;  // a JSON pointer
};

Prepared unreferencedReusableObject(const json* options) {
  if (auto error = notAnObject("unreferencedReusableObject", options,
                               "{ \"reusableObjectsLocation\": \"#/components/schemas\" }, { "
                               "\"reusableObjectsLocation\": \"#/$defs\" }"))
    return *error;
  if (auto error =
          unknownOption("unreferencedReusableObject", *options, {"reusableObjectsLocation"}))
    return *error;
  const auto location = options->find("reusableObjectsLocation");
  if (location == options->end())
    return missing("unreferencedReusableObject", "reusableObjectsLocation");
  const auto pointer =
      location->is_string() ? model::decodeLocalRef(location->get<std::string>()) : std::nullopt;
  if (!pointer)
    return OptionError{"/reusableObjectsLocation",
                       "\"unreferencedReusableObject\" and its \"reusableObjectsLocation\" option "
                       "support only valid JSON Pointer fragments, i.e. \"#\", \"#/foo\", "
                       "\"#/paths/~1user\""};
  return std::make_shared<UnreferencedReusableObject>(*pointer);
}

Prepared withoutOptions(std::string_view name, const json* options,
                        std::shared_ptr<const Function> function) {
  if (options != nullptr && !options->is_null())
    return OptionError{"", fmt::format("\"{}\" function does not accept any options", name)};
  return function;
}

}  // namespace

std::string printValue(const json* value) {
  if (value == nullptr) return "undefined";
  if (value->is_array()) return "Array[]";
  if (value->is_object()) return "Object{}";
  return value->dump();
}

const std::vector<std::string>& coreFunctionNames() {
  static const std::vector<std::string> names{"alphabetical",
                                              "casing",
                                              "defined",
                                              "enumeration",
                                              "falsy",
                                              "length",
                                              "or",
                                              "pattern",
                                              "schema",
                                              "truthy",
                                              "typedEnum",
                                              "undefined",
                                              "unreferencedReusableObject",
                                              "xor"};
  return names;
}

bool isCoreFunction(std::string_view name) {
  const auto& names = coreFunctionNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

Prepared prepareFunction(std::string_view name, const json* options) {
  if (name == "truthy")
    return withoutOptions(name, options, simple(truthyValue, kProperty + "must be truthy"));
  if (name == "falsy")
    return withoutOptions(
        name, options,
        simple([](const json* v) { return !truthyValue(v); }, kProperty + "must be falsy"));
  if (name == "defined")
    return withoutOptions(
        name, options,
        simple([](const json* v) { return v != nullptr; }, kProperty + "must be defined"));
  if (name == "undefined")
    return withoutOptions(
        name, options,
        simple([](const json* v) { return v == nullptr; }, kProperty + "must be undefined"));
  if (name == "typedEnum") return withoutOptions(name, options, std::make_shared<TypedEnum>());
  if (name == "alphabetical") return alphabetical(options);
  if (name == "casing") return casing(options);
  if (name == "enumeration") return enumeration(options);
  if (name == "length") return length(options);
  if (name == "pattern") return pattern(options);
  if (name == "schema") return schemaFunction(options);
  if (name == "xor") return properties<Xor>(name, options, 2);
  if (name == "or") return properties<Or>(name, options, 0);
  if (name == "unreferencedReusableObject") return unreferencedReusableObject(options);
  return OptionError{"", fmt::format("unknown function \"{}\"", name)};
}

}  // namespace asynclint::ruleset
