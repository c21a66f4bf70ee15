// The document model's reference index: which object holds which `$ref`, where chains of
// references lead, and which nodes are targets, over trees built as the loader builds them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/ref_index.hpp"

using namespace asynclint;
using nlohmann::json;

TEST_SUITE("model") {
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
