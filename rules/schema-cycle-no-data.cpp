// A schema that reaches itself without consuming data: through `$ref`s and the applicators that
// apply to the same value (allOf, anyOf, oneOf, not, if/then/else), never through properties or
// items. Java generators write polymorphism this way (the base lists its subtypes in `oneOf`, each
// subtype `allOf`s the base).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/context.hpp"
#include "model/asyncapi.hpp"
#include "model/ref_index.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {

namespace asyncapi = model::asyncapi;
namespace {

using nlohmann::json;

struct Step {
  std::string via;     // the keyword the reference sits under: "oneOf", "allOf", "$ref", ...
  std::string target;  // pointer of the schema it references
};

// The local references reachable from `schema` while staying on the same value.
void inPlaceReferences(const json& schema, const std::string& keyword, std::vector<Step>& out) {
  if (!schema.is_object()) return;
  if (const auto ref = schema.find("$ref"); ref != schema.end() && ref->is_string()) {
    if (auto target = model::decodeLocalRef(ref->get<std::string>()))
      out.push_back({keyword, *target});
  }
  for (const char* list : {"allOf", "anyOf", "oneOf"}) {
    const auto members = schema.find(list);
    if (members == schema.end() || !members->is_array()) continue;
    for (const auto& member : *members)
      inPlaceReferences(member, list, out);
  }
  for (const char* single : {"not", "if", "then", "else"}) {
    if (const auto member = schema.find(single); member != schema.end())
      inPlaceReferences(*member, single, out);
  }
}

// "VehicleBase" for a component schema, its path otherwise.
std::string schemaName(const json& root, const std::string& pointer) {
  if (pointer::parent(pointer) == "/components/schemas") return pointer::lastToken(pointer);
  return pointer::displayPath(root, pointer);
}

class SchemaCycleNoData final : public DocumentRule {
 public:
  SchemaCycleNoData()
      : DocumentRule(
            {.id = "schema-cycle-no-data",
             .severity = Severity::info,
             .summary =
                 "A schema reaches itself without consuming data (allOf/oneOf/anyOf/not/if cycles)",
             .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    Search search{context, {}, {}, {}, {}};
    forEachMember(context.root(), "/components/schemas",
                  [&](const std::string&, const std::string& pointer, const json&) {
                    search.visit(pointer);
                  });
  }

 private:
  struct Search {
    RuleContext& context;
    std::unordered_map<std::string, int> state;  // 1: on the path, 2: done
    std::vector<std::string> path;
    std::vector<std::string> steps;  // steps[i]: the keyword from path[i] to path[i + 1]
    std::set<std::vector<std::string>> reported;

    void visit(const std::string& pointer) {
      if (state[pointer] != 0) return;
      const json* schema = context.at(pointer);
      if (schema == nullptr) return;
      state[pointer] = 1;
      path.push_back(pointer);
      std::vector<Step> next;
      inPlaceReferences(*schema, "$ref", next);
      for (const auto& step : next) {
        steps.push_back(step.via);
        if (state[step.target] == 1)
          report(step.target);
        else
          visit(step.target);
        steps.pop_back();
      }
      path.pop_back();
      state[pointer] = 2;
    }

    // The cycle from `start` (on the path) to the top of the path and back to `start`.
    void report(const std::string& start) {
      const auto first = std::find(path.begin(), path.end(), start);
      std::vector<std::string> members(first, path.end());
      std::vector<std::string> sorted = members;
      std::sort(sorted.begin(), sorted.end());
      if (!reported.insert(sorted).second) return;
      std::string cycle = schemaName(context.root(), members.front());
      const std::size_t offset = static_cast<std::size_t>(first - path.begin());
      for (std::size_t i = 0; i < members.size(); ++i) {
        const std::string& to = i + 1 < members.size() ? members[i + 1] : members.front();
        cycle += fmt::format(" -({})-> {}", steps[offset + i], schemaName(context.root(), to));
      }
      context.report(members.front(),
                     fmt::format("schema '{}' reaches itself without consuming data: {}; tools "
                                 "that expand schemas loop on it (asynclint takes re-entering "
                                 "a schema on the same value as satisfied)",
                                 schemaName(context.root(), members.front()), cycle),
                     Anchor::key);
    }
  };
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::SchemaCycleNoData)
