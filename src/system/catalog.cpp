#include "system/catalog.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "model/asyncapi.hpp"

namespace asynclint::system {
namespace {

std::vector<std::string> sortedUnique(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

const OperationModel& operationOf(const std::vector<ServiceModel>& services,
                                  const Endpoint& endpoint) {
  return services[endpoint.service].operations[endpoint.operation];
}

// The services of `endpoints`, each named once, in order of first appearance.
std::vector<std::string> serviceNames(const std::vector<ServiceModel>& services,
                                      const std::vector<Endpoint>& endpoints) {
  std::vector<std::string> names;
  for (const auto& endpoint : endpoints) {
    const std::string& name = services[endpoint.service].name;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

std::string joined(const std::vector<std::string>& names, std::string_view none = "(none)") {
  if (names.empty()) return std::string(none);
  return fmt::format("{}", fmt::join(names, ", "));
}

void writeText(const std::vector<ServiceModel>& services, const std::vector<AddressEntry>& catalog,
               std::ostream& out) {
  for (const auto& entry : catalog) {
    out << fmt::format("{}: {} → {}\n", entry.address,
                       joined(serviceNames(services, entry.producers)),
                       joined(serviceNames(services, entry.consumers)));
    out << fmt::format("  messages: {}\n", joined(entry.messages));
    out << fmt::format("  protocols: {}\n", joined(entry.protocols));
  }
  out << fmt::format("{} address{}, {} service{}\n", catalog.size(),
                     catalog.size() == 1 ? "" : "es", services.size(),
                     services.size() == 1 ? "" : "s");
}

std::string markdownCell(const std::vector<std::string>& values) {
  std::string cell = joined(values, "–");
  std::string escaped;
  for (char c : cell) {
    if (c == '|') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

void writeMarkdown(const std::vector<ServiceModel>& services,
                   const std::vector<AddressEntry>& catalog, std::ostream& out) {
  out << "| Address | Producers | Consumers | Messages | Protocols |\n";
  out << "| --- | --- | --- | --- | --- |\n";
  for (const auto& entry : catalog) {
    out << fmt::format("| `{}` | {} | {} | {} | {} |\n", entry.address,
                       markdownCell(serviceNames(services, entry.producers)),
                       markdownCell(serviceNames(services, entry.consumers)),
                       markdownCell(entry.messages), markdownCell(entry.protocols));
  }
}

nlohmann::json endpointsJson(const std::vector<ServiceModel>& services,
                             const std::vector<Endpoint>& endpoints) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& endpoint : endpoints) {
    const ServiceModel& service = services[endpoint.service];
    list.push_back({{"service", service.name},
                    {"version", service.version},
                    {"file", service.file},
                    {"operation", operationOf(services, endpoint).id}});
  }
  return list;
}

void writeJson(const std::vector<ServiceModel>& services, const std::vector<AddressEntry>& catalog,
               std::ostream& out) {
  nlohmann::json addresses = nlohmann::json::array();
  for (const auto& entry : catalog) {
    addresses.push_back({{"address", entry.address},
                         {"producers", endpointsJson(services, entry.producers)},
                         {"consumers", endpointsJson(services, entry.consumers)},
                         {"messages", entry.messages},
                         {"protocols", entry.protocols}});
  }
  nlohmann::json serviceList = nlohmann::json::array();
  for (const auto& service : services)
    serviceList.push_back(
        {{"name", service.name}, {"version", service.version}, {"file", service.file}});
  out << nlohmann::json{{"services", serviceList}, {"addresses", addresses}}.dump(2) << '\n';
}

std::string dotString(std::string_view text) {
  std::string result = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') result += '\\';
    result += c;
  }
  return result + '"';
}

// Mermaid labels cannot hold a double quote; #quot; is its escape.
std::string mermaidLabel(std::string_view text) {
  std::string result = "\"";
  for (char c : text) {
    if (c == '"')
      result += "#quot;";
    else
      result += c;
  }
  return result + '"';
}

struct Edge {
  std::string from;
  std::string to;
  std::string label;
  bool dashed = false;
};

struct Graph {
  std::vector<std::pair<std::string, std::string>> services;   // id, label
  std::vector<std::pair<std::string, std::string>> addresses;  // id, label
  std::vector<Edge> edges;
};

std::string messagesOf(const OperationModel& operation) {
  std::vector<std::string> names;
  for (const auto& message : operation.messages)
    names.push_back(message.name);
  return fmt::format("{}", fmt::join(sortedUnique(std::move(names)), ", "));
}

Graph buildGraph(const std::vector<ServiceModel>& services,
                 const std::vector<AddressEntry>& catalog) {
  Graph graph;
  std::map<std::string, std::string> serviceIds;  // by name: one node per service name
  for (const auto& service : services) {
    if (serviceIds.contains(service.name)) continue;
    const std::string id = fmt::format("s{}", serviceIds.size());
    serviceIds.emplace(service.name, id);
    graph.services.emplace_back(id, service.name);
  }
  std::map<std::string, std::string> addressIds;
  for (std::size_t i = 0; i < catalog.size(); ++i) {
    addressIds.emplace(catalog[i].address, fmt::format("a{}", i));
    graph.addresses.emplace_back(fmt::format("a{}", i), catalog[i].address);
  }
  for (const auto& service : services) {
    for (const auto& operation : service.operations) {
      const std::string& serviceId = serviceIds.at(service.name);
      const std::string& addressId = addressIds.at(operation.address);
      if (operation.action == Action::send)
        graph.edges.push_back({serviceId, addressId, messagesOf(operation)});
      else
        graph.edges.push_back({addressId, serviceId, messagesOf(operation)});
    }
  }
  for (const auto& a : catalog) {
    for (const auto& b : catalog) {
      if (a.address < b.address && addressesMatch(a.address, b.address))
        graph.edges.push_back({addressIds.at(a.address), addressIds.at(b.address), "", true});
    }
  }
  return graph;
}

void writeMermaid(const Graph& graph, std::ostream& out) {
  out << "flowchart LR\n";
  for (const auto& [id, label] : graph.services)
    out << fmt::format("  {}[{}]\n", id, mermaidLabel(label));
  for (const auto& [id, label] : graph.addresses)
    out << fmt::format("  {}([{}])\n", id, mermaidLabel(label));
  for (const auto& edge : graph.edges) {
    if (edge.dashed)
      out << fmt::format("  {} -.- {}\n", edge.from, edge.to);
    else if (edge.label.empty())
      out << fmt::format("  {} --> {}\n", edge.from, edge.to);
    else
      out << fmt::format("  {} -->|{}| {}\n", edge.from, mermaidLabel(edge.label), edge.to);
  }
}

void writeDot(const Graph& graph, std::ostream& out) {
  out << "digraph system {\n  rankdir=LR;\n";
  for (const auto& [id, label] : graph.services)
    out << fmt::format("  {} [shape=box, label={}];\n", id, dotString(label));
  for (const auto& [id, label] : graph.addresses)
    out << fmt::format("  {} [shape=ellipse, label={}];\n", id, dotString(label));
  for (const auto& edge : graph.edges) {
    if (edge.dashed)
      out << fmt::format("  {} -> {} [style=dashed, dir=none];\n", edge.from, edge.to);
    else
      out << fmt::format("  {} -> {} [label={}];\n", edge.from, edge.to, dotString(edge.label));
  }
  out << "}\n";
}

}  // namespace

AddressIndex::AddressIndex(const std::vector<ServiceModel>& services) : services_(services) {
  for (std::size_t s = 0; s < services.size(); ++s) {
    const auto& operations = services[s].operations;
    for (std::size_t o = 0; o < operations.size(); ++o) {
      const std::string shape = model::asyncapi::withoutParameterNames(operations[o].address);
      auto& endpoints = byShape_[shape];
      if (endpoints.empty()) {
        const bool parameterized = shape.find("{}") != std::string::npos;
        (parameterized ? parameterizedShapes_ : concreteShapes_).push_back(shape);
      }
      endpoints.push_back({s, o});
    }
  }
}

std::vector<Endpoint> AddressIndex::endpoints(const std::string& address, Action action) const {
  const std::string shape = model::asyncapi::withoutParameterNames(address);
  const bool parameterized = shape.find("{}") != std::string::npos;
  std::vector<const std::string*> shapes{&shape};
  for (const auto& other : parameterized ? concreteShapes_ : parameterizedShapes_) {
    if (parameterized ? shapeFits(shape, other) : shapeFits(other, shape)) shapes.push_back(&other);
  }
  std::vector<Endpoint> found;
  for (const auto* matching : shapes) {
    const auto it = byShape_.find(*matching);
    if (it == byShape_.end()) continue;
    for (const auto& endpoint : it->second) {
      if (services_[endpoint.service].operations[endpoint.operation].action == action)
        found.push_back(endpoint);
    }
  }
  std::sort(found.begin(), found.end(), [](const Endpoint& a, const Endpoint& b) {
    return std::tie(a.service, a.operation) < std::tie(b.service, b.operation);
  });
  return found;
}

std::vector<Endpoint> unpaired(const std::vector<ServiceModel>& services, const AddressIndex& index,
                               Action action) {
  const Action other = action == Action::send ? Action::receive : Action::send;
  std::vector<Endpoint> found;
  for (std::size_t s = 0; s < services.size(); ++s) {
    const auto& operations = services[s].operations;
    for (std::size_t o = 0; o < operations.size(); ++o) {
      if (operations[o].action == action && index.endpoints(operations[o].address, other).empty())
        found.push_back({s, o});
    }
  }
  return found;
}

std::vector<AddressEntry> buildCatalog(const std::vector<ServiceModel>& services,
                                       const AddressIndex& index) {
  std::map<std::string, AddressEntry> byAddress;
  for (const auto& service : services) {
    for (const auto& operation : service.operations)
      byAddress[operation.address].address = operation.address;
  }
  std::vector<AddressEntry> catalog;
  for (auto& [address, entry] : byAddress) {
    entry.producers = index.endpoints(address, Action::send);
    entry.consumers = index.endpoints(address, Action::receive);
    for (const auto& list : {entry.producers, entry.consumers}) {
      for (const auto& endpoint : list) {
        const OperationModel& operation = operationOf(services, endpoint);
        for (const auto& message : operation.messages)
          entry.messages.push_back(message.name);
        entry.protocols.insert(entry.protocols.end(), operation.protocols.begin(),
                               operation.protocols.end());
      }
    }
    entry.messages = sortedUnique(std::move(entry.messages));
    entry.protocols = sortedUnique(std::move(entry.protocols));
    catalog.push_back(std::move(entry));
  }
  return catalog;
}

std::optional<CatalogFormat> parseCatalogFormat(const std::string& name) {
  if (name == "text") return CatalogFormat::text;
  if (name == "markdown") return CatalogFormat::markdown;
  if (name == "json") return CatalogFormat::json;
  return std::nullopt;
}

void writeCatalog(const std::vector<ServiceModel>& services,
                  const std::vector<AddressEntry>& catalog, CatalogFormat format,
                  std::ostream& out) {
  switch (format) {
    case CatalogFormat::text:
      return writeText(services, catalog, out);
    case CatalogFormat::markdown:
      return writeMarkdown(services, catalog, out);
    case CatalogFormat::json:
      return writeJson(services, catalog, out);
  }
}

std::optional<GraphFormat> parseGraphFormat(const std::string& name) {
  if (name == "mermaid") return GraphFormat::mermaid;
  if (name == "dot") return GraphFormat::dot;
  return std::nullopt;
}

void writeGraph(const std::vector<ServiceModel>& services, const std::vector<AddressEntry>& catalog,
                GraphFormat format, std::ostream& out) {
  const Graph graph = buildGraph(services, catalog);
  if (format == GraphFormat::dot)
    writeDot(graph, out);
  else
    writeMermaid(graph, out);
}

}  // namespace asynclint::system
