// Who sends and who receives each address of a system, and the event flow as a graph.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "system/model.hpp"

namespace asynclint::system {

// An operation of a service, as the catalog names it.
struct Endpoint {
  std::size_t service = 0;
  std::size_t operation = 0;
};

// One address as written by some operation, with every operation whose address matches it.
struct AddressEntry {
  std::string address;
  std::vector<Endpoint> producers;
  std::vector<Endpoint> consumers;
  std::vector<std::string> messages;   // names, sorted, unique
  std::vector<std::string> protocols;  // sorted, unique
};

// The operations of a system by address, for finding those whose address matches another
// without comparing every pair: concrete addresses are looked up by their shape, and only
// parameterized shapes are tried one by one.
class AddressIndex {
 public:
  explicit AddressIndex(const std::vector<ServiceModel>& services);
  // The operations with `action` whose address matches `address`, in service order.
  std::vector<Endpoint> endpoints(const std::string& address, Action action) const;

 private:
  const std::vector<ServiceModel>& services_;
  std::unordered_map<std::string, std::vector<Endpoint>> byShape_;
  std::vector<std::string> parameterizedShapes_;
  std::vector<std::string> concreteShapes_;
};

// The operations with `action` whose address no operation with the other action matches.
std::vector<Endpoint> unpaired(const std::vector<ServiceModel>& services, const AddressIndex& index,
                               Action action);

// Every address of the system, sorted.
std::vector<AddressEntry> buildCatalog(const std::vector<ServiceModel>& services,
                                       const AddressIndex& index);

enum class CatalogFormat { text, markdown, json };
std::optional<CatalogFormat> parseCatalogFormat(const std::string& name);
void writeCatalog(const std::vector<ServiceModel>& services,
                  const std::vector<AddressEntry>& catalog, CatalogFormat format,
                  std::ostream& out);

enum class GraphFormat { mermaid, dot };
std::optional<GraphFormat> parseGraphFormat(const std::string& name);
// Services → addresses → services; a dashed edge joins a parameterized address to the
// concrete addresses it matches.
void writeGraph(const std::vector<ServiceModel>& services, const std::vector<AddressEntry>& catalog,
                GraphFormat format, std::ostream& out);

}  // namespace asynclint::system
