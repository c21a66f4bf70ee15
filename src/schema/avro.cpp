#include "schema/avro.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "source/json_pointer.hpp"
#include "text/suggest.hpp"

namespace asynclint::schema::avro {
namespace {

using nlohmann::json;

const std::vector<std::string>& primitiveNames() {
  static const std::vector<std::string> names{"null",  "boolean", "int",   "long",
                                              "float", "double",  "bytes", "string"};
  return names;
}

bool isPrimitive(std::string_view name) {
  const auto& names = primitiveNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool isNameStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}
bool isNamePart(char c) {
  return isNameStart(c) || std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// [A-Za-z_][A-Za-z0-9_]*
bool isSimpleName(std::string_view name) {
  if (name.empty() || !isNameStart(name.front())) return false;
  return std::all_of(name.begin() + 1, name.end(), isNamePart);
}

// Simple names joined by dots; a namespace may also be empty (the null namespace).
bool isDottedName(std::string_view name) {
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = name.find('.', start);
    if (!isSimpleName(name.substr(start, dot - start))) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

std::string join(const std::string& space, const std::string& name) {
  return space.empty() ? name : space + "." + name;
}

constexpr std::string_view nameRule =
    "a name starts with a letter or '_' and has only letters, digits and '_'";

struct NamedType {
  std::string kind;     // record, error, enum or fixed
  std::string pointer;  // of the definition
  const json* node = nullptr;
  std::string space;  // its namespace, which the names written inside it resolve against
};

// What a schema is, once references are followed: `kind` is a primitive name, record, error,
// enum, fixed, array, map or union, or empty when unknown (an undefined reference, a mistake).
struct TypeView {
  std::string kind;
  const json* node = nullptr;  // the object (or the union's array); nullptr for a bare primitive
  std::string space;
  std::string fullName;  // of a named type
};

struct Mismatch {
  std::string pointer;  // below the default's
  std::string reason;
};

struct LogicalType {
  std::string_view name;
  std::vector<std::string_view> bases;
};

const std::vector<LogicalType>& logicalTypes() {
  static const std::vector<LogicalType> types{
      {"decimal", {"bytes", "fixed"}},
      {"uuid", {"string"}},
      {"date", {"int"}},
      {"time-millis", {"int"}},
      {"time-micros", {"long"}},
      {"timestamp-millis", {"long"}},
      {"timestamp-micros", {"long"}},
      {"local-timestamp-millis", {"long"}},
      {"local-timestamp-micros", {"long"}},
      {"duration", {"fixed"}},
  };
  return types;
}

std::string describeJson(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::string:
      return "a string";
    case json::value_t::array:
      return "a list";
    case json::value_t::object:
      return "an object";
    case json::value_t::number_float:
      return "a number with a fraction";
    default:
      return "an integer";
  }
}

std::vector<std::string> symbolNames(const json& enumeration) {
  std::vector<std::string> names;
  for (const auto& symbol : enumeration.value("symbols", json::array())) {
    if (symbol.is_string()) names.push_back(symbol.get<std::string>());
  }
  return names;
}

std::optional<std::int64_t> integerValue(const json& value) {
  if (value.is_number_unsigned()) {
    const auto number = value.get<std::uint64_t>();
    if (number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(number);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  return std::nullopt;
}

class Checker {
 public:
  std::vector<Finding> findings;

  void check(const json& node, const std::string& pointer, const std::string& space) {
    if (node.is_string()) return reference(node.get<std::string>(), pointer, space);
    if (node.is_array()) return checkUnion(node, pointer, space);
    if (node.is_object()) return checkObject(node, pointer, space);
    report(pointer, fmt::format("an Avro schema is a type name, a union (list) or an object with "
                                "'type', not {}",
                                describeJson(node)));
  }

  // References to names not defined where they are used, reported once the whole schema is
  // read: a name defined later gets a precise message.
  void finish() {
    for (const auto& pending : unresolved_) {
      if (const auto later = resolve(pending.name, pending.space)) {
        report(pending.pointer,
               fmt::format("Avro type '{}' is used before its definition; Avro reads a schema "
                           "in order, so define it here or earlier",
                           pending.name),
               Anchor::value);
        findings.back().related.push_back(
            {"", pointer::append(named_.at(*later).pointer, "name"), {}, "defined here"});
        continue;
      }
      std::vector<std::string> candidates = primitiveNames();
      for (const auto& [fullName, type] : named_) {
        candidates.push_back(fullName);
        candidates.push_back(fullName.substr(fullName.rfind('.') + 1));
      }
      const auto suggestion = text::closest(pending.name, candidates);
      report(pending.pointer,
             suggestion ? fmt::format("unknown Avro type '{}'; did you mean '{}'?", pending.name,
                                      *suggestion)
                        : fmt::format("unknown Avro type '{}': not a primitive type nor a named "
                                      "type defined before",
                                      pending.name));
    }
    unresolved_.clear();
  }

  std::optional<std::string> resolve(const std::string& name, const std::string& space) const {
    if (name.find('.') == std::string::npos && !space.empty()) {
      if (const std::string qualified = join(space, name); named_.contains(qualified)) {
        return qualified;
      }
    }
    if (named_.contains(name)) return name;
    return std::nullopt;
  }

  const NamedType* namedType(const std::string& fullName) const {
    const auto it = named_.find(fullName);
    return it == named_.end() ? nullptr : &it->second;
  }

  TypeView view(const json& type, const std::string& space) const {
    if (type.is_array()) return {"union", &type, space, {}};
    if (type.is_string()) {
      const auto& name = type.get_ref<const std::string&>();
      if (isPrimitive(name)) return {name, nullptr, space, {}};
      return viewOfName(name, space);
    }
    if (!type.is_object()) return {};
    const auto inner = type.find("type");
    if (inner == type.end()) return {};
    if (!inner->is_string()) return view(*inner, space);
    const auto& kind = inner->get_ref<const std::string&>();
    if (isPrimitive(kind) || kind == "array" || kind == "map") return {kind, &type, space, {}};
    if (kind == "record" || kind == "error" || kind == "enum" || kind == "fixed") {
      const auto fullName = fullNameOf(type, space);
      return fullName ? viewOfName(*fullName, "") : TypeView{};
    }
    return viewOfName(kind, space);
  }

 private:
  struct PendingReference {
    std::string pointer;
    std::string name;
    std::string space;
  };

  std::map<std::string, NamedType> named_;
  std::vector<PendingReference> unresolved_;

  void report(std::string pointer, std::string message, Anchor anchor = Anchor::value,
              std::vector<std::string> firstWritten = {}) {
    std::vector<RelatedLocation> related;
    for (auto& at : firstWritten)
      related.push_back({"", std::move(at), {}, "first written here"});
    findings.push_back({std::move(pointer), std::move(message), anchor, std::move(related)});
  }

  TypeView viewOfName(const std::string& name, const std::string& space) const {
    const auto fullName = resolve(name, space);
    if (!fullName) return {};
    const NamedType& type = named_.at(*fullName);
    return {type.kind, type.node, type.space, *fullName};
  }

  static std::optional<std::string> fullNameOf(const json& node, const std::string& space) {
    const auto name = node.find("name");
    if (name == node.end() || !name->is_string()) return std::nullopt;
    const auto& text = name->get_ref<const std::string&>();
    if (text.find('.') != std::string::npos) return text;
    const auto ns = node.find("namespace");
    return join(ns != node.end() && ns->is_string() ? ns->get<std::string>() : space, text);
  }

  void reference(const std::string& name, const std::string& pointer, const std::string& space) {
    if (isPrimitive(name)) return;
    if (name.find_first_of("{[") != std::string::npos) {
      report(pointer,
             "an Avro schema written as JSON text in a string: AsyncAPI requires it "
             "written as YAML or JSON structure, not as a string to parse");
      return;
    }
    if (name == "record" || name == "enum" || name == "fixed" || name == "array" || name == "map" ||
        name == "error") {
      report(pointer, fmt::format("Avro type '{}' is written as an object with its attributes "
                                  "({{type: {}, ...}}), not as a name",
                                  name, name));
      return;
    }
    if (!resolve(name, space)) unresolved_.push_back({pointer, name, space});
  }

  void checkUnion(const json& branches, const std::string& pointer, const std::string& space) {
    std::map<std::string, std::string> seen;  // branch type -> pointer of its first branch
    for (std::size_t i = 0; i < branches.size(); ++i) {
      const std::string at = pointer::append(pointer, i);
      const json& branch = branches[i];
      if (branch.is_array()) {
        report(at,
               "an Avro union cannot directly contain another union; list its branches in "
               "the outer union");
        continue;
      }
      check(branch, at, space);
      const TypeView type = view(branch, space);
      if (type.kind.empty()) continue;
      const std::string key = type.fullName.empty() ? type.kind : type.fullName;
      if (const auto [it, fresh] = seen.emplace(key, at); !fresh) {
        report(at,
               type.fullName.empty()
                   ? fmt::format("Avro union has more than one '{}' branch", key)
                   : fmt::format("Avro union has more than one branch of type '{}'", key),
               Anchor::value, {it->second});
      }
    }
  }

  void checkObject(const json& node, const std::string& pointer, const std::string& space) {
    // A local `$ref` (a file's is resolved before this check) stands for the schema it points
    // at, which the AsyncAPI text lets an Avro schema reference ("the schemaFormat of the
    // referenced resource MUST match"); that schema is checked where it is written.
    if (const auto ref = node.find("$ref"); ref != node.end() && ref->is_string()) return;
    const auto type = node.find("type");
    if (type == node.end()) {
      report(pointer, "an Avro schema object needs a 'type'", Anchor::key);
      return;
    }
    const std::string typePointer = pointer::append(pointer, "type");
    if (!type->is_string()) return check(*type, typePointer, space);
    const auto& kind = type->get_ref<const std::string&>();
    if (kind == "record" || kind == "error") return checkRecord(node, pointer, space, kind);
    if (kind == "enum") return checkEnum(node, pointer, space);
    if (kind == "fixed") return checkFixed(node, pointer, space);
    if (kind == "array" || kind == "map") {
      const char* member = kind == "array" ? "items" : "values";
      const auto inner = node.find(member);
      if (inner == node.end()) {
        report(pointer, fmt::format("Avro {} needs '{}'", kind, member), Anchor::key);
        return;
      }
      return check(*inner, pointer::append(pointer, member), space);
    }
    if (isPrimitive(kind)) return checkLogicalType(node, pointer, kind);
    reference(kind, typePointer, space);
  }

  // The name and namespace of a record, enum or fixed; registers it. Returns the namespace that
  // names written inside it resolve against.
  std::string define(const json& node, const std::string& pointer, const std::string& space,
                     const std::string& kind) {
    std::string innerSpace = space;
    const auto ns = node.find("namespace");
    if (ns != node.end()) {
      const std::string at = pointer::append(pointer, "namespace");
      if (!ns->is_string()) {
        report(at, "an Avro namespace is a string");
      } else if (!ns->get_ref<const std::string&>().empty() &&
                 !isDottedName(ns->get_ref<const std::string&>())) {
        report(at, fmt::format("'{}' is not a valid Avro namespace (names joined by dots; {})",
                               ns->get<std::string>(), nameRule));
      } else {
        innerSpace = ns->get<std::string>();
      }
    }
    const auto name = node.find("name");
    if (name == node.end() || !name->is_string()) {
      report(name == node.end() ? pointer : pointer::append(pointer, "name"),
             fmt::format("Avro {} needs a 'name' (a string)", kind),
             name == node.end() ? Anchor::key : Anchor::value);
      return innerSpace;
    }
    const std::string namePointer = pointer::append(pointer, "name");
    const auto& text = name->get_ref<const std::string&>();
    std::string fullName;
    if (text.find('.') != std::string::npos) {
      if (!isDottedName(text)) {
        report(namePointer,
               fmt::format("'{}' is not a valid Avro full name (names joined by dots; {})", text,
                           nameRule));
        return innerSpace;
      }
      innerSpace = text.substr(0, text.rfind('.'));
      fullName = text;
    } else {
      if (!isSimpleName(text)) {
        report(namePointer, fmt::format("'{}' is not a valid Avro name ({})", text, nameRule));
        return innerSpace;
      }
      fullName = join(innerSpace, text);
    }
    const std::string shortName = fullName.substr(fullName.rfind('.') + 1);
    if (isPrimitive(shortName)) {
      report(namePointer,
             fmt::format("'{}' is a primitive Avro type and cannot name a {}", shortName, kind));
      return innerSpace;
    }
    const auto [it, fresh] = named_.emplace(fullName, NamedType{kind, pointer, &node, innerSpace});
    if (!fresh) {
      report(namePointer, fmt::format("Avro type '{}' is already defined", fullName), Anchor::value,
             {pointer::append(it->second.pointer, "name")});
    }
    return innerSpace;
  }

  void checkRecord(const json& node, const std::string& pointer, const std::string& space,
                   const std::string& kind) {
    const std::string innerSpace = define(node, pointer, space, kind);
    const auto fields = node.find("fields");
    if (fields == node.end() || !fields->is_array()) {
      report(fields == node.end() ? pointer : pointer::append(pointer, "fields"),
             fmt::format("Avro {} needs 'fields' (a list)", kind),
             fields == node.end() ? Anchor::key : Anchor::value);
      return;
    }
    std::map<std::string, std::string> names;  // field name -> pointer
    for (std::size_t i = 0; i < fields->size(); ++i) {
      const std::string at = pointer::append(pointer::append(pointer, "fields"), i);
      checkField((*fields)[i], at, innerSpace, names);
    }
  }

  void checkField(const json& field, const std::string& pointer, const std::string& space,
                  std::map<std::string, std::string>& names) {
    if (!field.is_object()) {
      report(pointer, "an Avro record field is an object with 'name' and 'type'");
      return;
    }
    const auto name = field.find("name");
    std::string label = "field";
    if (name == field.end() || !name->is_string()) {
      report(name == field.end() ? pointer : pointer::append(pointer, "name"),
             "an Avro record field needs a 'name' (a string)");
    } else {
      const auto& text = name->get_ref<const std::string&>();
      label = fmt::format("field '{}'", text);
      const std::string at = pointer::append(pointer, "name");
      if (!isSimpleName(text)) {
        report(at, fmt::format("'{}' is not a valid Avro field name ({})", text, nameRule));
      } else if (const auto [it, fresh] = names.emplace(text, at); !fresh) {
        report(at, fmt::format("the record already has a field '{}'", text), Anchor::value,
               {it->second});
      }
    }
    const auto order = field.find("order");
    if (order != field.end() &&
        (!order->is_string() ||
         (*order != "ascending" && *order != "descending" && *order != "ignore"))) {
      report(pointer::append(pointer, "order"),
             "an Avro field's 'order' is 'ascending', 'descending' or 'ignore'");
    }
    const auto type = field.find("type");
    if (type == field.end()) {
      report(pointer, fmt::format("Avro {} needs a 'type'", label), Anchor::key);
      return;
    }
    const std::size_t before = findings.size() + unresolved_.size();
    check(*type, pointer::append(pointer, "type"), space);
    const auto value = field.find("default");
    // A default is only judged against a type without mistakes.
    if (value == field.end() || findings.size() + unresolved_.size() != before) return;
    if (const auto mismatch = defaultMismatch(*type, *value, space, 0)) {
      report(pointer::append(pointer, "default") + mismatch->pointer,
             fmt::format("default of {} does not match its type: {}", label, mismatch->reason));
    }
  }

  void checkEnum(const json& node, const std::string& pointer, const std::string& space) {
    define(node, pointer, space, "enum");
    const auto symbols = node.find("symbols");
    if (symbols == node.end() || !symbols->is_array()) {
      report(symbols == node.end() ? pointer : pointer::append(pointer, "symbols"),
             "Avro enum needs 'symbols' (a list of names)",
             symbols == node.end() ? Anchor::key : Anchor::value);
      return;
    }
    std::map<std::string, std::string> seen;
    for (std::size_t i = 0; i < symbols->size(); ++i) {
      const std::string at = pointer::append(pointer::append(pointer, "symbols"), i);
      const json& symbol = (*symbols)[i];
      if (!symbol.is_string() || !isSimpleName(symbol.get_ref<const std::string&>())) {
        report(at, fmt::format(
                       "{} is not a valid Avro enum symbol ({})",
                       symbol.is_string() ? "'" + symbol.get<std::string>() + "'" : symbol.dump(),
                       nameRule));
      } else if (const auto [it, fresh] = seen.emplace(symbol.get<std::string>(), at); !fresh) {
        report(at, fmt::format("enum symbol '{}' is repeated", symbol.get<std::string>()),
               Anchor::value, {it->second});
      }
    }
    const auto value = node.find("default");
    if (value != node.end() && (!value->is_string() || !seen.contains(value->get<std::string>()))) {
      report(pointer::append(pointer, "default"),
             fmt::format("enum default {} is not one of its symbols {}",
                         value->is_string() ? "'" + value->get<std::string>() + "'" : value->dump(),
                         text::quotedList(symbolNames(node))));
    }
  }

  void checkFixed(const json& node, const std::string& pointer, const std::string& space) {
    define(node, pointer, space, "fixed");
    const auto size = node.find("size");
    if (size == node.end()) {
      report(pointer, "Avro fixed needs a 'size'", Anchor::key);
      return;
    }
    const auto bytes = integerValue(*size);
    if (!bytes || *bytes < 0) {
      report(
          pointer::append(pointer, "size"),
          fmt::format("the size of an Avro fixed is a non-negative integer, not {}", size->dump()));
      return;
    }
    checkLogicalType(node, pointer, "fixed");
  }

  void checkLogicalType(const json& node, const std::string& pointer, const std::string& base) {
    const auto logical = node.find("logicalType");
    if (logical == node.end() || !logical->is_string()) return;
    const auto& name = logical->get_ref<const std::string&>();
    const std::string at = pointer::append(pointer, "logicalType");
    const auto& known = logicalTypes();
    const auto it = std::find_if(known.begin(), known.end(),
                                 [&](const LogicalType& type) { return type.name == name; });
    if (it == known.end()) {
      // Unknown logical types are legitimate extensions; only a near miss of a known one is
      // reported.
      std::vector<std::string> names;
      for (const auto& type : known)
        names.emplace_back(type.name);
      if (const auto typo = text::likelyTypo(name, names)) {
        report(at, fmt::format("unknown Avro logical type '{}'; did you mean '{}'?", name, *typo));
      }
      return;
    }
    if (std::find(it->bases.begin(), it->bases.end(), base) == it->bases.end()) {
      std::vector<std::string> bases(it->bases.begin(), it->bases.end());
      report(at, fmt::format("Avro logical type '{}' annotates {}, not '{}' (readers would "
                             "ignore it)",
                             name, text::quotedList(bases), base));
      return;
    }
    if (name == "duration" && node.value("size", json()) != 12) {
      report(pointer::append(pointer, "size"),
             "Avro logical type 'duration' annotates a fixed of size 12");
    }
    if (name == "decimal") checkDecimal(node, pointer, base);
  }

  void checkDecimal(const json& node, const std::string& pointer, const std::string& base) {
    const auto precisionNode = node.find("precision");
    if (precisionNode == node.end()) {
      report(pointer, "Avro decimal needs a 'precision'", Anchor::key);
      return;
    }
    const auto precision = integerValue(*precisionNode);
    const std::string precisionPointer = pointer::append(pointer, "precision");
    if (!precision || *precision <= 0) {
      report(precisionPointer,
             fmt::format("the precision of an Avro decimal is a positive integer, not {}",
                         precisionNode->dump()));
      return;
    }
    if (base == "fixed") {
      // The largest number of decimal digits a two's-complement number of `size` bytes holds:
      // floor(log10(2^(8*size-1) - 1)), which equals floor((8*size-1) * log10(2)).
      const std::int64_t size = integerValue(node.at("size")).value_or(0);
      const auto digits = size <= 0 ? 0
                                    : static_cast<std::int64_t>(std::floor(
                                          static_cast<double>(8 * size - 1) * std::log10(2.0)));
      if (*precision > digits) {
        report(precisionPointer,
               fmt::format("a fixed of size {} holds at most {} decimal digits, less than the "
                           "precision {}",
                           size, digits, *precision));
        return;
      }
    }
    const auto scaleNode = node.find("scale");
    if (scaleNode == node.end()) return;
    const auto scale = integerValue(*scaleNode);
    const std::string scalePointer = pointer::append(pointer, "scale");
    if (!scale || *scale < 0) {
      report(scalePointer,
             fmt::format("the scale of an Avro decimal is a non-negative integer, not {}",
                         scaleNode->dump()));
    } else if (*scale > *precision) {
      report(scalePointer, fmt::format("the scale of an Avro decimal ({}) cannot exceed its "
                                       "precision ({})",
                                       *scale, *precision));
    }
  }

  // Why `value` is not a default for `type`; nullopt when it is one.
  std::optional<Mismatch> defaultMismatch(const json& type, const json& value,
                                          const std::string& space, int depth) const {
    constexpr int maxDepth = 64;
    const TypeView view = this->view(type, space);
    if (view.kind.empty() || depth > maxDepth) return std::nullopt;
    const auto expected = [&](std::string what) -> std::optional<Mismatch> {
      return Mismatch{"", fmt::format("expected {}, found {}", what, describeJson(value))};
    };
    const std::string& kind = view.kind;
    if (kind == "null") return value.is_null() ? std::nullopt : expected("null");
    if (kind == "boolean") return value.is_boolean() ? std::nullopt : expected("a boolean");
    if (kind == "int") {
      const auto number = integerValue(value);
      const bool fits = number && *number >= std::numeric_limits<std::int32_t>::min() &&
                        *number <= std::numeric_limits<std::int32_t>::max();
      return fits ? std::nullopt : expected("a 32-bit integer ('int')");
    }
    if (kind == "long") {
      return integerValue(value) ? std::nullopt : expected("a 64-bit integer ('long')");
    }
    if (kind == "float" || kind == "double") {
      return value.is_number() ? std::nullopt : expected("a number");
    }
    if (kind == "bytes" || kind == "string" || kind == "fixed") {
      return value.is_string() ? std::nullopt : expected("a string");
    }
    if (kind == "enum") return enumMismatch(*view.node, value);
    if (kind == "array" || kind == "map") {
      return containerMismatch(*view.node, value, view.space, depth, kind);
    }
    if (kind == "record" || kind == "error") {
      return recordMismatch(*view.node, value, view.space, depth);
    }
    if (kind == "union" && !view.node->empty()) {
      auto mismatch = defaultMismatch(view.node->front(), value, space, depth + 1);
      if (mismatch) {
        mismatch->reason += fmt::format(" (a union's default matches its first branch, {})",
                                        view.node->front().dump());
      }
      return mismatch;
    }
    return std::nullopt;
  }

  static std::optional<Mismatch> enumMismatch(const json& node, const json& value) {
    const auto symbols = node.find("symbols");
    if (symbols == node.end() || !symbols->is_array()) return std::nullopt;
    if (value.is_string() && std::find(symbols->begin(), symbols->end(), value) != symbols->end()) {
      return std::nullopt;
    }
    return Mismatch{"", fmt::format("{} is not one of the symbols {}", value.dump(),
                                    text::quotedList(symbolNames(node)))};
  }

  std::optional<Mismatch> containerMismatch(const json& node, const json& value,
                                            const std::string& space, int depth,
                                            const std::string& kind) const {
    const bool isArray = kind == "array";
    if (isArray ? !value.is_array() : !value.is_object()) {
      return Mismatch{"", fmt::format("expected {}, found {}", isArray ? "a list" : "an object",
                                      describeJson(value))};
    }
    const auto inner = node.find(isArray ? "items" : "values");
    if (inner == node.end()) return std::nullopt;
    for (auto it = value.begin(); it != value.end(); ++it) {
      auto mismatch = defaultMismatch(*inner, *it, space, depth + 1);
      if (!mismatch) continue;
      const std::string step =
          isArray ? pointer::append("", static_cast<std::size_t>(std::distance(value.begin(), it)))
                  : pointer::append("", it.key());
      mismatch->pointer = step + mismatch->pointer;
      return mismatch;
    }
    return std::nullopt;
  }

  std::optional<Mismatch> recordMismatch(const json& node, const json& value,
                                         const std::string& space, int depth) const {
    if (!value.is_object()) {
      return Mismatch{"", fmt::format("expected an object, found {}", describeJson(value))};
    }
    const auto fields = node.find("fields");
    if (fields == node.end() || !fields->is_array()) return std::nullopt;
    for (const auto& field : *fields) {
      if (!field.is_object() || !field.contains("name") || !field["name"].is_string() ||
          !field.contains("type")) {
        continue;
      }
      const auto& name = field["name"].get_ref<const std::string&>();
      const auto member = value.find(name);
      if (member == value.end()) {
        if (field.contains("default")) continue;
        return Mismatch{"", fmt::format("field '{}' has no value and no default", name)};
      }
      auto mismatch = defaultMismatch(field["type"], *member, space, depth + 1);
      if (!mismatch) continue;
      mismatch->pointer = pointer::append("", name) + mismatch->pointer;
      return mismatch;
    }
    return std::nullopt;
  }
};

// The JSON Schema of values of Avro types; named types become definitions, so recursive types
// stay finite.
class Implier {
 public:
  explicit Implier(const Checker& checker) : checker_(checker) {}

  json convert(const json& type, const std::string& space) {
    if (type.is_array()) {
      json branches = json::array();
      for (const auto& branch : type)
        branches.push_back(convert(branch, space));
      return {{"anyOf", std::move(branches)}};
    }
    const TypeView view = checker_.view(type, space);
    if (view.kind.empty()) return json::object();
    if (!view.fullName.empty()) return named(view);
    if (view.node != nullptr && view.node->is_object()) {
      if (view.kind == "array") {
        return {{"type", "array"}, {"items", convert(view.node->value("items", json()), space)}};
      }
      if (view.kind == "map") {
        return {{"type", "object"},
                {"additionalProperties", convert(view.node->value("values", json()), space)}};
      }
      if (const auto logical = logicalSchema(*view.node)) return *logical;
    }
    return primitive(view.kind);
  }

  json definitions() const { return definitions_; }

 private:
  const Checker& checker_;
  json definitions_ = json::object();

  json named(const TypeView& view) {
    const json reference = {{"$ref", "#/definitions/" + view.fullName}};
    if (definitions_.contains(view.fullName)) return reference;
    definitions_[view.fullName] = json::object();  // a recursive type refers to itself
    json body;
    if (view.kind == "enum") {
      body = {{"type", "string"}, {"enum", view.node->value("symbols", json::array())}};
    } else if (view.kind == "fixed") {
      body = logicalSchema(*view.node).value_or(json{{"type", "string"}});
    } else {
      body = record(*view.node, view.space);
    }
    definitions_[view.fullName] = std::move(body);
    return reference;
  }

  json record(const json& node, const std::string& space) {
    json properties = json::object();
    json required = json::array();
    for (const auto& field : node.value("fields", json::array())) {
      const auto& name = field.at("name").get_ref<const std::string&>();
      properties[name] = convert(field.at("type"), space);
      if (!field.contains("default")) required.push_back(name);
    }
    json schema = {{"type", "object"}, {"properties", properties}, {"additionalProperties", false}};
    if (!required.empty()) schema["required"] = std::move(required);
    return schema;
  }

  static std::optional<json> logicalSchema(const json& node) {
    const auto logical = node.find("logicalType");
    if (logical == node.end() || !logical->is_string()) return std::nullopt;
    const auto& name = logical->get_ref<const std::string&>();
    if (name == "decimal") return json{{"type", {"number", "string"}}};
    if (name == "date" || name.starts_with("time-") || name.starts_with("timestamp-") ||
        name.starts_with("local-timestamp-")) {
      return json{{"type", {"integer", "string"}}};
    }
    return std::nullopt;
  }

  static json primitive(const std::string& kind) {
    if (kind == "int" || kind == "long") {
      const bool is32 = kind == "int";
      return {{"type", "integer"},
              {"minimum", is32 ? std::numeric_limits<std::int32_t>::min()
                               : std::numeric_limits<std::int64_t>::min()},
              {"maximum", is32 ? std::numeric_limits<std::int32_t>::max()
                               : std::numeric_limits<std::int64_t>::max()}};
    }
    if (kind == "float" || kind == "double") return {{"type", "number"}};
    if (kind == "bytes" || kind == "string" || kind == "fixed") return {{"type", "string"}};
    if (kind == "null" || kind == "boolean") return {{"type", kind}};
    return json::object();
  }
};

}  // namespace

std::vector<Finding> validate(const json& schema, const std::string& pointer) {
  Checker checker;
  checker.check(schema, pointer, "");
  checker.finish();
  return std::move(checker.findings);
}

json impliedJsonSchema(const json& schema) {
  Checker checker;
  checker.check(schema, "", "");
  Implier implier(checker);
  json root = {{"allOf", json::array({implier.convert(schema, "")})}};
  root["definitions"] = implier.definitions();
  return root;
}

}  // namespace asynclint::schema::avro
