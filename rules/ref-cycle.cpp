// References that go round in a cycle among non-schema objects (recursive schemas are legal).
//
// The graph: each place that a reference reaches is a node; a reference written at or below
// node L, pointing to node M, is an edge L → M (to resolve L fully, M must be resolved first).
// A strongly connected component with an edge inside it holds a cycle; each such component is
// reported once, with the shortest cycle through its first reference.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <optional>
#include <queue>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/context.hpp"
#include "model/places.hpp"
#include "source/json_pointer.hpp"

namespace asynclint::engine {
namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

bool isIndex(std::string_view token) {
  return !token.empty() &&
         std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Document order of two pointers: member by member, list items by index ("/2" before "/10").
bool comesBefore(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    const std::size_t endA = std::min(a.find('/', i + 1), a.size());
    const std::size_t endB = std::min(b.find('/', j + 1), b.size());
    const std::string_view tokenA = a.substr(i + 1, endA - i - 1);
    const std::string_view tokenB = b.substr(j + 1, endB - j - 1);
    if (tokenA != tokenB) {
      if (isIndex(tokenA) && isIndex(tokenB) && tokenA.size() != tokenB.size()) {
        return tokenA.size() < tokenB.size();
      }
      return tokenA < tokenB;
    }
    i = endA;
    j = endB;
  }
  return a.size() - i < b.size() - j;
}

struct Edge {
  std::size_t to = 0;
  std::size_t reference = 0;  // index into RefIndex::all()
};

class ReferenceGraph {
 public:
  explicit ReferenceGraph(const RefIndex& refs) {
    const auto& all = refs.all();
    nodeOfReference_.assign(all.size(), none);
    std::unordered_map<std::string_view, std::size_t> nodeOfTarget;
    for (std::size_t i = 0; i < all.size(); ++i) {
      const Reference& reference = all[i];
      if (reference.kind != RefKind::local || !reference.resolved()) continue;
      if (model::isInSchema(reference.at)) continue;
      const auto known = nodeOfTarget.find(reference.target);
      if (known != nodeOfTarget.end()) {
        nodeOfReference_[i] = known->second;
        continue;
      }
      const auto location = refs.writtenLocation(reference.target);
      const std::size_t node = location ? nodeAt(*location) : none;
      nodeOfTarget.emplace(reference.target, node);
      nodeOfReference_[i] = node;
    }
    edges_.resize(locations_.size());
    for (std::size_t node = 0; node < locations_.size(); ++node) {
      for (const std::size_t reference : refs.within(locations_[node])) {
        if (nodeOfReference_[reference] != none) {
          edges_[node].push_back({nodeOfReference_[reference], reference});
        }
      }
    }
  }

  std::size_t size() const { return locations_.size(); }
  const std::vector<Edge>& edgesFrom(std::size_t node) const { return edges_[node]; }

 private:
  std::size_t nodeAt(const std::string& location) {
    const auto [it, added] = ids_.emplace(location, locations_.size());
    if (added) locations_.push_back(location);
    return it->second;
  }

  std::vector<std::size_t> nodeOfReference_;
  std::unordered_map<std::string, std::size_t> ids_;
  std::vector<std::string> locations_;
  std::vector<std::vector<Edge>> edges_;
};

// Tarjan's strongly connected components, with an explicit stack: documents may hold long
// chains of references.
std::vector<std::size_t> componentsOf(const ReferenceGraph& graph) {
  const std::size_t size = graph.size();
  std::vector<std::size_t> order(size, none);
  std::vector<std::size_t> low(size, 0);
  std::vector<std::size_t> component(size, none);
  std::vector<bool> onStack(size, false);
  std::vector<std::size_t> stack;
  struct Frame {
    std::size_t node;
    std::size_t nextEdge;
  };
  std::vector<Frame> calls;
  std::size_t visited = 0;
  std::size_t components = 0;
  const auto open = [&](std::size_t node) {
    order[node] = low[node] = visited++;
    stack.push_back(node);
    onStack[node] = true;
    calls.push_back({node, 0});
  };
  for (std::size_t start = 0; start < size; ++start) {
    if (order[start] != none) continue;
    open(start);
    while (!calls.empty()) {
      const std::size_t node = calls.back().node;
      const auto& edges = graph.edgesFrom(node);
      if (calls.back().nextEdge < edges.size()) {
        const std::size_t to = edges[calls.back().nextEdge++].to;
        if (order[to] == none) {
          open(to);
        } else if (onStack[to]) {
          low[node] = std::min(low[node], order[to]);
        }
        continue;
      }
      calls.pop_back();
      if (!calls.empty()) low[calls.back().node] = std::min(low[calls.back().node], low[node]);
      if (low[node] != order[node]) continue;
      std::size_t member = none;
      do {
        member = stack.back();
        stack.pop_back();
        onStack[member] = false;
        component[member] = components;
      } while (member != node);
      ++components;
    }
  }
  return component;
}

struct Cycle {
  std::vector<std::size_t> references;  // the first one is reported; each leads to the next
};

// The shortest path of edges from `from` to `to` inside `component`, as references.
std::vector<std::size_t> shortestPath(const ReferenceGraph& graph,
                                      const std::vector<std::size_t>& component, std::size_t from,
                                      std::size_t to) {
  std::unordered_map<std::size_t, Edge> reachedBy;  // node → edge that reached it
  std::queue<std::size_t> queue;
  queue.push(from);
  reachedBy.emplace(from, Edge{from, none});
  while (!queue.empty() && !reachedBy.contains(to)) {
    const std::size_t node = queue.front();
    queue.pop();
    for (const Edge& edge : graph.edgesFrom(node)) {
      if (component[edge.to] != component[from] || reachedBy.contains(edge.to)) continue;
      reachedBy.emplace(edge.to, Edge{node, edge.reference});
      queue.push(edge.to);
    }
  }
  std::vector<std::size_t> path;
  for (std::size_t node = to; node != from;) {
    const Edge& edge = reachedBy.at(node);
    path.push_back(edge.reference);
    node = edge.to;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

// One cycle per component that has one: through the component's first reference in document
// order, back to where it started by the shortest way.
std::vector<Cycle> findCycles(const ReferenceGraph& graph, const RefIndex& refs) {
  const auto component = componentsOf(graph);
  struct First {
    std::size_t from = none;
    Edge edge;
  };
  std::vector<First> firstOf(graph.size());  // component → its first inner edge
  const auto& all = refs.all();
  for (std::size_t node = 0; node < graph.size(); ++node) {
    for (const Edge& edge : graph.edgesFrom(node)) {
      if (component[edge.to] != component[node]) continue;
      First& first = firstOf[component[node]];
      if (first.from == none || comesBefore(all[edge.reference].at, all[first.edge.reference].at)) {
        first = First{node, edge};
      }
    }
  }
  std::vector<Cycle> cycles;
  for (const First& first : firstOf) {
    if (first.from == none) continue;
    Cycle cycle{{first.edge.reference}};
    const auto back = shortestPath(graph, component, first.edge.to, first.from);
    cycle.references.insert(cycle.references.end(), back.begin(), back.end());
    cycles.push_back(std::move(cycle));
  }
  return cycles;
}

std::string quoted(const Reference& reference) {
  return fmt::format("'{}'", reference.text);
}

// "'#/channels/a' → '#/channels/b' → back to '#/channels/a'": the places the references of the
// cycle point to, starting with the one that holds the reported reference.
std::string describe(const RefIndex& refs, const Cycle& cycle) {
  const auto& all = refs.all();
  std::vector<std::string> places;
  places.push_back(quoted(all[cycle.references.back()]));
  for (std::size_t i = 0; i + 1 < cycle.references.size(); ++i) {
    places.push_back(quoted(all[cycle.references[i]]));
  }
  // A long cycle keeps its start and its end.
  constexpr std::ptrdiff_t shownFirst = 4;
  constexpr std::ptrdiff_t shownLast = 2;
  if (places.size() > shownFirst + shownLast + 2) {
    const std::size_t hidden = places.size() - shownFirst - shownLast;
    places.erase(places.begin() + shownFirst, places.end() - shownLast);
    places.insert(places.begin() + shownFirst, fmt::format("… {} more …", hidden));
  }
  return fmt::format("{} → back to {}", fmt::join(places, " → "),
                     quoted(all[cycle.references.back()]));
}

std::string messageFor(const RefIndex& refs, const Cycle& cycle, const std::string& location) {
  const Reference& first = refs.all()[cycle.references.front()];
  if (cycle.references.size() == 1) {
    return fmt::format("'{}' points to {}, so it can never be resolved: point it elsewhere",
                       first.text,
                       first.at == location ? "itself" : "an object that contains this reference");
  }
  return fmt::format("{} references form a cycle, so none of them can be resolved: {}",
                     cycle.references.size(), describe(refs, cycle));
}

class RefCycle final : public DocumentRule {
 public:
  RefCycle()
      : DocumentRule({.id = "ref-cycle",
                      .severity = Severity::error,
                      .summary = "References go round in a cycle (recursive schemas excepted)",
                      .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    const RefIndex& refs = context.refs();
    const ReferenceGraph graph(refs);
    for (const auto& cycle : findCycles(graph, refs)) {
      const Reference& first = refs.all()[cycle.references.front()];
      const auto location = refs.writtenLocation(first.target).value_or(first.target);
      context.report(pointer::append(first.at, "$ref"), messageFor(refs, cycle, location),
                     Anchor::value, notes(refs, cycle));
    }
  }

 private:
  // Points at each other reference of a short cycle; a long one is summed up in the message.
  static std::vector<RelatedLocation> notes(const RefIndex& refs, const Cycle& cycle) {
    constexpr std::size_t maxNoted = 10;
    std::vector<RelatedLocation> related;
    if (cycle.references.size() > maxNoted) return related;
    for (std::size_t i = 1; i < cycle.references.size(); ++i) {
      const Reference& next = refs.all()[cycle.references[i]];
      related.push_back(RuleContext::note(pointer::append(next.at, "$ref"),
                                          fmt::format("the cycle continues with '{}'", next.text)));
    }
    return related;
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::RefCycle)
