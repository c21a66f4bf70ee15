// The document model's reference index: which object holds which `$ref`, where chains of
// references lead, and which nodes are targets, over trees built as the loader builds them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/ref_index.hpp"

using namespace asynclint;
using nlohmann::json;

TEST_SUITE("model") {
  TEST_CASE("NodeTable: every node found with its first value, others absent") {
    // Nodes side by side in one array: neighbouring addresses, the case a poor hash would
    // crowd into a few slots.
    const json nodes = json(std::vector<int>(5000, 0));
    model::NodeTable table(nodes.size() / 2);  // fewer than inserted: the table must not fill
    for (std::size_t i = 0; i < nodes.size(); i += 2)
      table.insert(&nodes[i], static_cast<std::uint32_t>(i));
    table.insert(&nodes[0], 99);  // a second value for a node is ignored
    std::size_t found = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const auto value = table.find(&nodes[i]);
      if (i % 2 == 0) {
        REQUIRE(value.has_value());
        CHECK(*value == i);
        ++found;
      } else {
        CHECK_FALSE(value.has_value());
      }
    }
    CHECK(found == 2500);
    CHECK_FALSE(model::NodeTable().find(&nodes[0]).has_value());
  }

  TEST_CASE("RefIndex: holders, chains of references and targets") {
    const json document = json::parse(R"({
      "channels": {
        "direct": {"$ref": "#/components/channels/real"},
        "twice": {"$ref": "#/components/channels/alias"},
        "broken": {"$ref": "#/components/channels/missing"}
      },
      "components": {"channels": {
        "alias": {"$ref": "#/components/channels/real"},
        "real": {"address": "a"}
      }}
    })");
    const model::RefIndex refs(document);
    const json& real = document["components"]["channels"]["real"];
    const json& alias = document["components"]["channels"]["alias"];
    const model::Reference* twice = refs.heldBy(document["channels"]["twice"]);
    REQUIRE(twice != nullptr);
    CHECK(twice->at == "/channels/twice");
    CHECK(twice->node == &alias);
    const model::Reference* next = refs.next(*twice);
    REQUIRE(next != nullptr);
    CHECK(next->at == "/components/channels/alias");
    CHECK(refs.next(*next) == nullptr);  // `real` holds no reference: the chain ends
    CHECK(refs.heldBy(real) == nullptr);
    CHECK(refs.heldBy(document["channels"]) == nullptr);
    const model::Reference* broken = refs.heldBy(document["channels"]["broken"]);
    REQUIRE(broken != nullptr);
    CHECK(refs.next(*broken) == nullptr);
    CHECK(refs.isTarget(real));
    CHECK(refs.isTarget(alias));
    CHECK_FALSE(refs.isTarget(document["channels"]["direct"]));
    CHECK_FALSE(refs.isTarget(document));
  }
}
