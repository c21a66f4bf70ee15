#include "system/compatibility.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "model/asyncapi.hpp"
#include "model/schema_format.hpp"
#include "schema/avro.hpp"
#include "schema/openapi.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::system {
namespace {

using nlohmann::json;

constexpr int maxReferenceHops = 64;
constexpr int maxDepth = 64;  // nesting of properties and items; recursion ends sooner, by pairs

struct Located {
  const json* node = nullptr;
  std::string pointer;
};

// The node with local `$ref`s followed; a null node when one is broken or leaves the tree.
Located followReferences(const json& tree, Located at) {
  for (int hops = 0; hops < maxReferenceHops; ++hops) {
    if (at.node == nullptr || !model::asyncapi::isReference(*at.node)) return at;
    const auto& target = (*at.node)["$ref"];
    if (!target.is_string()) return {};
    const std::string text = target.get<std::string>();
    if (!text.starts_with('#')) return {};
    at = {pointer::find(tree, text.substr(1)), text.substr(1)};
  }
  return {};
}

// Members of these keywords are names, not keywords: a property called "description" stays.
bool holdsNames(const std::string& key) {
  return key == "properties" || key == "patternProperties" || key == "$defs" ||
         key == "definitions" || key == "dependentSchemas" || key == "dependentRequired";
}

// --- equivalence -----------------------------------------------------------------------------

class Equivalence {
 public:
  Equivalence(const json& treeA, const json& treeB, bool ignoreAnnotations)
      : treeA_(treeA), treeB_(treeB), ignoreAnnotations_(ignoreAnnotations) {}

  bool same(const json* a, const json* b, bool names, int depth) {
    const json* left = followReferences(treeA_, {a, ""}).node;
    const json* right = followReferences(treeB_, {b, ""}).node;
    if (left == nullptr || right == nullptr)  // a broken reference: alike only when written alike
      return left == right && a != nullptr && b != nullptr && *a == *b;
    if (depth > 4 * maxDepth) return false;
    if (left->type() != right->type() && !(left->is_number() && right->is_number())) return false;
    if (!left->is_structured()) return *left == *right;
    if (!seen_.insert({left, right, names}).second) return true;  // recursive: assumed alike
    if (left->is_array()) {
      if (left->size() != right->size()) return false;
      for (std::size_t i = 0; i < left->size(); ++i) {
        if (!same(&(*left)[i], &(*right)[i], false, depth + 1)) return false;
      }
      return true;
    }
    return sameMembers(*left, *right, names, depth);
  }

 private:
  bool counts(const std::string& key, bool names) const {
    return names || !ignoreAnnotations_ || !isSchemaAnnotation(key);
  }

  bool sameMembers(const json& left, const json& right, bool names, int depth) {
    std::size_t counted = 0;
    for (const auto& [key, value] : left.items()) {
      if (!counts(key, names)) continue;
      ++counted;
      const auto other = right.find(key);
      if (other == right.end()) return false;
      if (!same(&value, &*other, !names && holdsNames(key), depth + 1)) return false;
    }
    const auto rightCount =
        std::count_if(right.items().begin(), right.items().end(),
                      [&](const auto& item) { return counts(item.key(), names); });
    return counted == static_cast<std::size_t>(rightCount);
  }

  const json& treeA_;
  const json& treeB_;
  bool ignoreAnnotations_;
  std::set<std::tuple<const json*, const json*, bool>> seen_;
};

// --- views: a schema as the conjunction of its allOf members ---------------------------------

struct Member {
  const json* node = nullptr;  // an object schema
  std::string pointer;
  bool alternativesTaken = false;  // its anyOf/oneOf is expanded into the view already
};

// What a value must satisfy: every member (the schema and, through `allOf`, its parts).
struct View {
  std::vector<Member> members;
  bool never = false;       // a `false` schema is among them: no value at all
  bool unreadable = false;  // a reference is broken or leaves the document
  std::string pointer;      // where the view was entered
};

void addTo(View& view, const json& tree, Located at, std::set<const json*>& entered) {
  at = followReferences(tree, at);
  if (at.node == nullptr) {
    view.unreadable = true;
    return;
  }
  if (at.node->is_boolean()) {
    view.never = view.never || !at.node->get<bool>();
    return;
  }
  if (!at.node->is_object() || !entered.insert(at.node).second) return;
  view.members.push_back({at.node, at.pointer, false});
  const auto allOf = at.node->find("allOf");
  if (allOf == at.node->end() || !allOf->is_array()) return;
  for (std::size_t i = 0; i < allOf->size(); ++i)
    addTo(view, tree, {&(*allOf)[i], pointer::append(at.pointer + "/allOf", i)}, entered);
}

View viewOf(const json& tree, const json* node, const std::string& pointer) {
  View view;
  view.pointer = pointer;
  std::set<const json*> entered;
  addTo(view, tree, {node, pointer}, entered);
  return view;
}

void merge(View& into, const View& part) {
  into.never = into.never || part.never;
  into.unreadable = into.unreadable || part.unreadable;
  for (const auto& member : part.members) {
    const bool present = std::any_of(into.members.begin(), into.members.end(),
                                     [&](const Member& m) { return m.node == member.node; });
    if (!present) into.members.push_back(member);
  }
}

const json* memberOf(const Member& member, const char* key) {
  const auto found = member.node->find(key);
  return found == member.node->end() ? nullptr : &*found;
}

std::string listText(const std::vector<std::string>& values) {
  return fmt::format("{}", fmt::join(values, " or "));
}

bool typeAccepts(const std::vector<std::string>& types, const std::string& type) {
  const auto has = [&](std::string_view t) {
    return std::find(types.begin(), types.end(), t) != types.end();
  };
  return has(type) || (type == "integer" && has("number"));
}

// The types that every member with a `type` allows: nullopt when none has one.
std::optional<std::vector<std::string>> typesOf(const View& view) {
  std::optional<std::vector<std::string>> types;
  for (const auto& member : view.members) {
    if (!member.node->contains("type")) continue;
    const auto declared = model::asyncapi::declaredTypes(*member.node);
    if (!types) {
      types = declared;
      continue;
    }
    std::vector<std::string> kept;
    for (const auto& type : *types) {
      if (typeAccepts(declared, type))
        kept.push_back(type);
      else if (type == "number" && typeAccepts(declared, "integer"))
        kept.push_back("integer");
    }
    types = std::move(kept);
  }
  return types;
}

// True when a value of the view may be of `type` (a number may be an integer).
bool mayBe(const View& view, const std::string& type) {
  const auto types = typesOf(view);
  if (!types) return true;
  return typeAccepts(*types, type) || (type == "integer" && typeAccepts(*types, "number")) ||
         (type == "number" && typeAccepts(*types, "integer"));
}

// The values that every member with an `enum` or `const` allows: nullopt when none restricts.
std::optional<json> valuesOf(const View& view) {
  std::optional<json> values;
  for (const auto& member : view.members) {
    json allowed;
    if (const json* constant = memberOf(member, "const"))
      allowed = json::array({*constant});
    else if (const json* list = memberOf(member, "enum"); list != nullptr && list->is_array())
      allowed = *list;
    else
      continue;
    if (!values) {
      values = allowed;
      continue;
    }
    json kept = json::array();
    for (const auto& value : *values) {
      if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) kept.push_back(value);
    }
    values = std::move(kept);
  }
  return values;
}

std::set<std::string> requiredOf(const View& view) {
  std::set<std::string> names;
  for (const auto& member : view.members) {
    const json* required = memberOf(member, "required");
    if (required == nullptr || !required->is_array()) continue;
    for (const auto& name : *required) {
      if (name.is_string()) names.insert(name.get<std::string>());
    }
  }
  return names;
}

bool isClosed(const Member& member) {
  const json* additional = memberOf(member, "additionalProperties");
  return additional != nullptr && additional->is_boolean() && !additional->get<bool>();
}

const json* declaredProperty(const Member& member, const std::string& name) {
  const json* properties = memberOf(member, "properties");
  if (properties == nullptr || !properties->is_object()) return nullptr;
  const auto found = properties->find(name);
  return found == properties->end() ? nullptr : &*found;
}

std::set<std::string> declaredNames(const View& view) {
  std::set<std::string> names;
  for (const auto& member : view.members) {
    const json* properties = memberOf(member, "properties");
    if (properties == nullptr || !properties->is_object()) continue;
    for (const auto& [name, schema] : properties->items())
      names.insert(name);
  }
  return names;
}

std::optional<double> numberOf(const Member& member, const char* key) {
  const json* value = memberOf(member, key);
  if (value == nullptr || !value->is_number()) return std::nullopt;
  return value->get<double>();
}

// The tightest value of a bound over the members: the largest lower bound, the smallest upper.
std::optional<double> tightest(const View& view, const char* key, bool lower) {
  std::optional<double> best;
  for (const auto& member : view.members) {
    const auto value = numberOf(member, key);
    if (value && (!best || (lower ? *value > *best : *value < *best))) best = value;
  }
  return best;
}

// The keywords the comparison reads; any other keyword of B (not an annotation) must appear
// alike in A, or the answer is "cannot tell".
bool isModelled(const std::string& key) {
  static const std::set<std::string, std::less<>> modelled{"type",
                                                           "enum",
                                                           "const",
                                                           "format",
                                                           "minimum",
                                                           "maximum",
                                                           "exclusiveMinimum",
                                                           "exclusiveMaximum",
                                                           "minLength",
                                                           "maxLength",
                                                           "minItems",
                                                           "maxItems",
                                                           "minProperties",
                                                           "maxProperties",
                                                           "pattern",
                                                           "multipleOf",
                                                           "uniqueItems",
                                                           "required",
                                                           "properties",
                                                           "additionalProperties",
                                                           "allOf",
                                                           "anyOf",
                                                           "oneOf",
                                                           "definitions",
                                                           "$defs",
                                                           "$ref"};
  return modelled.contains(key);
}

struct Bound {
  const char* keyword;
  const char* applies;  // the type whose values it constrains
  bool lower;
};

constexpr std::array<Bound, 10> bounds{{{"minimum", "number", true},
                                        {"exclusiveMinimum", "number", true},
                                        {"minLength", "string", true},
                                        {"minItems", "array", true},
                                        {"minProperties", "object", true},
                                        {"maximum", "number", false},
                                        {"exclusiveMaximum", "number", false},
                                        {"maxLength", "string", false},
                                        {"maxItems", "array", false},
                                        {"maxProperties", "object", false}}};

// --- the comparison --------------------------------------------------------------------------

class Comparison {
 public:
  Comparison(const json& treeA, const json& treeB, const CompatibilityOptions& options)
      : treeA_(treeA), treeB_(treeB), options_(options) {}

  void compare(const View& a, const View& b, const std::string& path, int depth) {
    if (a.never || a.unreadable || b.unreadable) return;
    if (b.never) {
      report(Certainty::definite, a, b, "",
             fmt::format("{} accepts no value at {}", roles().b, path));
      return;
    }
    if (b.members.empty() || !firstVisit(a, b)) return;
    if (depth > maxDepth) {
      report(Certainty::undecidable, a, b, "",
             fmt::format("{} is nested too deeply to compare", path));
      return;
    }
    if (alike(a, b)) return;
    if (expandAlternatives(a, b, path, depth)) return;
    compareAlternatives(a, b, path, depth);
    compareTypes(a, b, path);
    compareValues(a, b, path);
    if (mayBe(a, "string")) {
      compareFormat(a, b, path);
      comparePattern(a, b, path);
    }
    compareBounds(a, b, path);
    compareMultipleOf(a, b, path);
    if (mayBe(a, "object")) compareProperties(a, b, path, depth);
    if (mayBe(a, "array")) compareItems(a, b, path, depth);
    compareOtherKeywords(a, b, path);
  }

  std::vector<Incompatibility> found;

 private:
  const Roles& roles() const { return options_.roles; }

  static std::string pointerIn(const View& view, const char* keyword) {
    for (const auto& member : view.members) {
      if (keyword != nullptr && *keyword != '\0' && member.node->contains(keyword))
        return member.pointer;
    }
    return view.members.empty() ? view.pointer : view.members.front().pointer;
  }

  void report(Certainty certainty, const View& a, const View& b, const char* keyword,
              std::string text, std::optional<std::string> pointerB = std::nullopt) {
    const bool known = std::any_of(found.begin(), found.end(), [&](const Incompatibility& i) {
      return i.text == text && i.certainty == certainty;
    });
    if (known) return;
    found.push_back({certainty, std::move(text), pointerIn(a, keyword),
                     pointerB ? *pointerB : pointerIn(b, keyword), keyword});
  }

  bool firstVisit(const View& a, const View& b) {
    std::vector<std::pair<const json*, bool>> left;
    std::vector<std::pair<const json*, bool>> right;
    for (const auto& member : a.members)
      left.emplace_back(member.node, member.alternativesTaken);
    for (const auto& member : b.members)
      right.emplace_back(member.node, member.alternativesTaken);
    return visited_.insert({std::move(left), std::move(right)}).second;
  }

  bool same(const json* a, const json* b) {
    return Equivalence(treeA_, treeB_, true).same(a, b, false, 0);
  }

  // The same members, each saying the same (annotations aside): nothing to compare.
  bool alike(const View& a, const View& b) {
    if (a.members.size() != b.members.size()) return false;
    for (std::size_t i = 0; i < a.members.size(); ++i) {
      if (a.members[i].alternativesTaken || !same(a.members[i].node, b.members[i].node))
        return false;
    }
    return true;
  }

  // True when a member of A with the same `anyOf`/`oneOf` as B's member exists.
  bool sameInA(const View& a, const char* keyword, const json& alternatives) {
    return std::any_of(a.members.begin(), a.members.end(), [&](const Member& member) {
      const json* own = memberOf(member, keyword);
      return !member.alternativesTaken && own != nullptr && same(own, &alternatives);
    });
  }

  // A value of A satisfies one of its alternatives (anyOf, oneOf): each alternative, with the
  // rest of A, must fit B. True when A had alternatives to expand.
  bool expandAlternatives(const View& a, const View& b, const std::string& path, int depth) {
    for (std::size_t i = 0; i < a.members.size(); ++i) {
      if (a.members[i].alternativesTaken) continue;
      for (const char* keyword : {"anyOf", "oneOf"}) {
        const json* alternatives = memberOf(a.members[i], keyword);
        if (alternatives == nullptr || !alternatives->is_array() || alternatives->empty()) continue;
        if (bHasSame(a, b, keyword, *alternatives)) continue;
        for (std::size_t k = 0; k < alternatives->size(); ++k) {
          View branch = a;
          branch.members[i].alternativesTaken = true;
          merge(branch, viewOf(treeA_, &(*alternatives)[k],
                               pointer::append(a.members[i].pointer + "/" + keyword, k)));
          compare(branch, b, path, depth + 1);
        }
        return true;
      }
    }
    return false;
  }

  bool bHasSame(const View&, const View& b, const char* keyword, const json& alternatives) {
    return std::any_of(b.members.begin(), b.members.end(), [&](const Member& member) {
      const json* own = memberOf(member, keyword);
      return own != nullptr && same(&alternatives, own);
    });
  }

  // The findings of comparing `a` with `b` on their own (the pairs seen stay seen).
  std::vector<Incompatibility> trial(const View& a, const View& b, const std::string& path,
                                     int depth) {
    std::vector<Incompatibility> saved = std::move(found);
    found.clear();
    compare(a, b, path, depth);
    std::vector<Incompatibility> result = std::move(found);
    found = std::move(saved);
    return result;
  }

  // B's anyOf/oneOf: A (without alternatives left) must fit one alternative; for oneOf that is
  // not enough (it may fit two), so a oneOf that A does not have alike cannot be decided.
  void compareAlternatives(const View& a, const View& b, const std::string& path, int depth) {
    for (const auto& member : b.members) {
      for (const char* keyword : {"anyOf", "oneOf"}) {
        const json* alternatives = memberOf(member, keyword);
        if (alternatives == nullptr || !alternatives->is_array()) continue;
        if (sameInA(a, keyword, *alternatives)) continue;
        const std::string at = member.pointer + "/" + keyword;
        if (std::string_view(keyword) == "oneOf") {
          report(Certainty::undecidable, a, b, keyword,
                 fmt::format("the oneOf at {} differs between {} and {}; asynclint cannot tell "
                             "whether every value still matches exactly one alternative",
                             path, roles().a, roles().b),
                 at);
          continue;
        }
        bool fits = false;
        for (std::size_t k = 0; k < alternatives->size() && !fits; ++k) {
          fits =
              trial(a, viewOf(treeB_, &(*alternatives)[k], pointer::append(at, k)), path, depth + 1)
                  .empty();
        }
        if (!fits)
          report(Certainty::undecidable, a, b, keyword,
                 fmt::format("asynclint cannot show that what {} allows at {} fits one of the "
                             "anyOf alternatives of {}",
                             roles().a, path, roles().b),
                 at);
      }
    }
  }

  void compareTypes(const View& a, const View& b, const std::string& path) {
    const auto typesA = typesOf(a);
    const auto values = valuesOf(a);
    for (const auto& member : b.members) {
      if (!member.node->contains("type")) continue;
      const auto wanted = model::asyncapi::declaredTypes(*member.node);
      if (typesA) {
        const bool fits = std::all_of(typesA->begin(), typesA->end(),
                                      [&](const std::string& t) { return typeAccepts(wanted, t); });
        if (!fits)
          report(Certainty::definite, a, b, "type",
                 fmt::format("{} is {} for {} but {} for {}", path, listText(*typesA), roles().a,
                             listText(wanted), roles().b),
                 member.pointer);
      } else if (!values || !valuesHaveTypes(*values, wanted)) {
        report(Certainty::definite, a, b, "type",
               fmt::format("{} may be of any type for {} but is {} for {}", path, roles().a,
                           listText(wanted), roles().b),
               member.pointer);
      }
    }
  }

  static std::string jsonType(const json& value) {
    if (value.is_number_integer() || value.is_number_unsigned()) return "integer";
    if (value.is_number_float())
      return std::floor(value.get<double>()) == value.get<double>() ? "integer" : "number";
    if (value.is_string()) return "string";
    if (value.is_boolean()) return "boolean";
    if (value.is_null()) return "null";
    return value.is_array() ? "array" : "object";
  }

  static bool valuesHaveTypes(const json& values, const std::vector<std::string>& types) {
    return std::all_of(values.begin(), values.end(),
                       [&](const json& value) { return typeAccepts(types, jsonType(value)); });
  }

  void compareValues(const View& a, const View& b, const std::string& path) {
    const auto values = valuesOf(a);
    for (const auto& member : b.members) {
      json allowed;
      const char* keyword = "enum";
      if (const json* constant = memberOf(member, "const")) {
        allowed = json::array({*constant});
        keyword = "const";
      } else if (const json* list = memberOf(member, "enum"); list != nullptr && list->is_array()) {
        allowed = *list;
      } else {
        continue;
      }
      if (!values) {
        report(Certainty::definite, a, b, keyword,
               fmt::format("{} accepts only {} at {}; {} allows any value", roles().b,
                           allowed.dump(), path, roles().a),
               member.pointer);
        continue;
      }
      json beyond = json::array();
      for (const auto& value : *values) {
        if (std::find(allowed.begin(), allowed.end(), value) == allowed.end())
          beyond.push_back(value);
      }
      if (!beyond.empty())
        report(
            Certainty::definite, a, b, keyword,
            fmt::format("{} {} {} at {}, which {}'s {} {} does not allow", roles().a,
                        roles().aAllows, beyond.dump(), path, roles().b, keyword,
                        std::string_view(keyword) == "const" ? allowed[0].dump() : allowed.dump()),
            member.pointer);
    }
  }

  // What A says for `keyword`: the first value a member gives, and whether one equals `wanted`.
  struct Given {
    const json* first = nullptr;
    bool equal = false;
  };
  static Given givenIn(const View& a, const char* keyword, const json& wanted) {
    Given given;
    for (const auto& own : a.members) {
      const json* candidate = memberOf(own, keyword);
      if (candidate == nullptr) continue;
      given.first = given.first != nullptr ? given.first : candidate;
      given.equal = given.equal || *candidate == wanted;
    }
    return given;
  }

  void compareFormat(const View& a, const View& b, const std::string& path) {
    for (const auto& member : b.members) {
      const json* format = memberOf(member, "format");
      if (format == nullptr) continue;
      const auto [given, equal] = givenIn(a, "format", *format);
      if (equal) continue;
      if (given == nullptr)
        report(Certainty::definite, a, b, "format",
               fmt::format("{} expects {} in format {}; {} does not guarantee it", roles().b, path,
                           format->dump(), roles().a),
               member.pointer);
      else
        report(Certainty::definite, a, b, "format",
               fmt::format("{} has format {} for {} but {} for {}", path, given->dump(), roles().a,
                           format->dump(), roles().b),
               member.pointer);
    }
  }

  void addsConstraint(const View& a, const View& b, const Member& member, const char* keyword,
                      const json& value, const std::string& path) {
    report(Certainty::definite, a, b, keyword,
           fmt::format("{} adds {} {} at {}; {} does not guarantee it", roles().b, keyword,
                       value.dump(), path, roles().a),
           member.pointer);
  }

  void comparePattern(const View& a, const View& b, const std::string& path) {
    for (const auto& member : b.members) {
      const json* pattern = memberOf(member, "pattern");
      if (pattern == nullptr) continue;
      const auto [given, equal] = givenIn(a, "pattern", *pattern);
      if (equal) continue;
      if (given == nullptr) {
        addsConstraint(a, b, member, "pattern", *pattern, path);
        continue;
      }
      report(Certainty::undecidable, a, b, "pattern",
             fmt::format("the pattern at {} is {} for {} but {} for {}; asynclint cannot tell "
                         "whether every string that matches the one matches the other",
                         path, given->dump(), roles().a, pattern->dump(), roles().b),
             member.pointer);
    }
  }

  static bool withinBound(const View& a, const Bound& bound, double wanted) {
    const std::string_view keyword = bound.keyword;
    const auto given = tightest(a, bound.keyword, bound.lower);
    const auto better = [&](double value) {
      return bound.lower ? value >= wanted : value <= wanted;
    };
    const auto strictlyBetter = [&](double value) {
      return bound.lower ? value > wanted : value < wanted;
    };
    if (given && better(*given)) return true;
    // minimum and exclusiveMinimum (maximum and exclusiveMaximum) stand in for each other.
    if (keyword == "minimum" || keyword == "maximum") {
      const auto exclusive =
          tightest(a, bound.lower ? "exclusiveMinimum" : "exclusiveMaximum", bound.lower);
      return exclusive && better(*exclusive);
    }
    if (keyword == "exclusiveMinimum" || keyword == "exclusiveMaximum") {
      const auto inclusive = tightest(a, bound.lower ? "minimum" : "maximum", bound.lower);
      return inclusive && strictlyBetter(*inclusive);
    }
    return false;
  }

  void compareBounds(const View& a, const View& b, const std::string& path) {
    for (const auto& bound : bounds) {
      if (!mayBe(a, bound.applies)) continue;
      for (const auto& member : b.members) {
        const json* wanted = memberOf(member, bound.keyword);
        if (wanted == nullptr || !wanted->is_number()) continue;
        if (!withinBound(a, bound, wanted->get<double>()))
          addsConstraint(a, b, member, bound.keyword, *wanted, path);
      }
    }
  }

  void compareMultipleOf(const View& a, const View& b, const std::string& path) {
    if (!mayBe(a, "number")) return;
    for (const auto& member : b.members) {
      const auto wanted = numberOf(member, "multipleOf");
      if (!wanted || *wanted <= 0) continue;
      const bool kept = std::any_of(a.members.begin(), a.members.end(), [&](const Member& own) {
        const auto given = numberOf(own, "multipleOf");
        if (!given) return false;
        const double ratio = *given / *wanted;
        return std::abs(ratio - std::round(ratio)) < 1e-9 && std::round(ratio) >= 1;
      });
      if (!kept) addsConstraint(a, b, member, "multipleOf", *memberOf(member, "multipleOf"), path);
    }
  }

  // What A allows for the property `name`: the schemas its members give it; `never` when a
  // member forbids it.
  View propertyOfA(const View& a, const std::string& name) {
    View property;
    property.pointer = a.pointer;
    for (const auto& member : a.members) {
      std::set<const json*> entered;
      if (const json* schema = declaredProperty(member, name)) {
        addTo(property, treeA_,
              {schema, member.pointer + "/properties/" + pointer::escapeToken(name)}, entered);
      } else if (isClosed(member)) {
        property.never = true;
      } else if (const json* additional = memberOf(member, "additionalProperties");
                 additional != nullptr && additional->is_object()) {
        addTo(property, treeA_, {additional, member.pointer + "/additionalProperties"}, entered);
      }
    }
    return property;
  }

  void compareProperties(const View& a, const View& b, const std::string& path, int depth) {
    const std::set<std::string> guaranteed = requiredOf(a);
    for (const auto& member : b.members) {
      const json* required = memberOf(member, "required");
      if (required == nullptr || !required->is_array()) continue;
      for (const auto& name : *required) {
        if (name.is_string() && !guaranteed.contains(name.get<std::string>()))
          report(Certainty::definite, a, b, "required",
                 fmt::format("{} requires property '{}' in {}, which {} does not guarantee",
                             roles().b, name.get<std::string>(), path, roles().a),
                 member.pointer);
      }
    }
    for (const auto& name : declaredNames(a)) {
      const View property = propertyOfA(a, name);
      if (property.never) continue;
      View wanted;
      wanted.pointer = b.pointer;
      bool forbidden = false;
      for (const auto& member : b.members) {
        std::set<const json*> entered;
        if (const json* schema = declaredProperty(member, name)) {
          addTo(wanted, treeB_,
                {schema, member.pointer + "/properties/" + pointer::escapeToken(name)}, entered);
        } else if (isClosed(member)) {
          forbidden = true;
          report(Certainty::definite, a, b, "additionalProperties",
                 fmt::format("{} {} property '{}' in {}, which {} forbids "
                             "(additionalProperties: false)",
                             roles().a, roles().aAllows, name, path, roles().b),
                 member.pointer);
        } else if (const json* additional = memberOf(member, "additionalProperties");
                   additional != nullptr && additional->is_object()) {
          addTo(wanted, treeB_, {additional, member.pointer + "/additionalProperties"}, entered);
        }
      }
      if (!forbidden) compare(property, wanted, path + "." + name, depth + 1);
    }
    if (!options_.undeclaredProperties) return;
    const bool open = std::none_of(a.members.begin(), a.members.end(), isClosed);
    if (!open) return;
    for (const auto& member : b.members) {
      if (isClosed(member))
        report(Certainty::definite, a, b, "additionalProperties",
               fmt::format("{} does not forbid other properties in {}, which {} forbids "
                           "(additionalProperties: false)",
                           roles().a, path, roles().b),
               member.pointer);
    }
  }

  static View itemsOf(const json& tree, const View& view) {
    View items;
    items.pointer = view.pointer;
    for (const auto& member : view.members) {
      const json* schema = memberOf(member, "items");
      if (schema == nullptr || schema->is_array()) continue;
      std::set<const json*> entered;
      addTo(items, tree, {schema, member.pointer + "/items"}, entered);
    }
    return items;
  }

  void compareItems(const View& a, const View& b, const std::string& path, int depth) {
    const View wanted = itemsOf(treeB_, b);
    if (wanted.members.empty() && !wanted.never) return;
    compare(itemsOf(treeA_, a), wanted, path + "[]", depth + 1);
  }

  void compareOtherKeywords(const View& a, const View& b, const std::string& path) {
    for (const auto& member : b.members) {
      for (const auto& item : member.node->items()) {
        // Named copies: clang 14 cannot capture structured bindings in the lambda below.
        const std::string& keyword = item.key();
        const json& value = item.value();
        if (isModelled(keyword) || isSchemaAnnotation(keyword)) continue;
        if (keyword == "items" && !value.is_array()) continue;
        const bool alikeInA =
            std::any_of(a.members.begin(), a.members.end(), [&](const Member& own) {
              const json* mine = memberOf(own, keyword.c_str());
              return mine != nullptr && same(mine, &value);
            });
        if (alikeInA) continue;
        report(Certainty::undecidable, a, b, keyword.c_str(),
               fmt::format("{} has {} at {}, which {} does not have alike; asynclint cannot tell "
                           "whether it rejects values that {} allows",
                           roles().b, keyword, path, roles().a, roles().a),
               member.pointer + "/" + pointer::escapeToken(keyword));
      }
    }
  }

  const json& treeA_;
  const json& treeB_;
  const CompatibilityOptions& options_;
  std::set<std::pair<std::vector<std::pair<const json*, bool>>,
                     std::vector<std::pair<const json*, bool>>>>
      visited_;
};

std::optional<ComparableSchema> impliedSchema(const ServiceModel& service,
                                              const MessageModel& message) {
  const std::string& at = *message.formattedPayload;
  const json* written = service.at(at);
  if (written == nullptr) return std::nullopt;
  std::shared_ptr<const json> implied;
  switch (model::schemaLanguage(message.schemaFormat)) {
    case model::SchemaLanguage::avro:
      if (!schema::avro::validate(*written, at).empty()) return std::nullopt;
      implied = std::make_shared<const json>(schema::avro::impliedJsonSchema(*written));
      break;
    case model::SchemaLanguage::openapi:
      implied =
          std::make_shared<const json>(schema::openapi::impliedJsonSchema(*written, *service.tree));
      break;
    default:
      return std::nullopt;
  }
  return ComparableSchema{implied, {implied.get(), implied.get(), ""}, at};
}

}  // namespace

std::optional<ComparableSchema> comparableSchema(const ServiceModel& service,
                                                 const MessageModel& message,
                                                 const std::string& part) {
  static const json anyValue = json::object();
  const std::optional<std::string>& schema = part == "payload" ? message.payload : message.headers;
  if (schema)
    return ComparableSchema{nullptr, {service.tree.get(), service.at(*schema), *schema}, *schema};
  if (part == "payload" && message.formattedPayload) return impliedSchema(service, message);
  const json* written = service.at(message.pointer);
  if (written != nullptr && written->contains(part)) return std::nullopt;
  return ComparableSchema{nullptr, {&anyValue, &anyValue, ""}, message.pointer};
}

bool isSchemaAnnotation(const std::string& keyword) {
  static const std::set<std::string, std::less<>> annotations{
      "description", "title",        "examples",      "example",         "default",
      "$comment",    "readOnly",     "writeOnly",     "deprecated",      "$schema",
      "$id",         "externalDocs", "discriminator", "contentEncoding", "contentMediaType"};
  return annotations.contains(keyword) || keyword.starts_with("x-");
}

std::vector<Incompatibility> incompatibilities(const SchemaNode& a, const SchemaNode& b,
                                               const std::string& path,
                                               const CompatibilityOptions& options) {
  if (a.tree == nullptr || b.tree == nullptr || a.node == nullptr || b.node == nullptr) return {};
  Comparison comparison(*a.tree, *b.tree, options);
  comparison.compare(viewOf(*a.tree, a.node, a.pointer), viewOf(*b.tree, b.node, b.pointer), path,
                     0);
  return std::move(comparison.found);
}

SchemaNode followSchemaReferences(const SchemaNode& node) {
  if (node.tree == nullptr) return node;
  const Located found = followReferences(*node.tree, {node.node, node.pointer});
  return {node.tree, found.node, found.pointer};
}

bool equivalent(const SchemaNode& a, const SchemaNode& b, bool ignoreAnnotations) {
  if (a.tree == nullptr || b.tree == nullptr) return false;
  return Equivalence(*a.tree, *b.tree, ignoreAnnotations).same(a.node, b.node, false, 0);
}

}  // namespace asynclint::system
