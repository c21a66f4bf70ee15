// Systems of services: the order system (three documents) and the social-media example of
// ../shared as catalogs and graphs, and the system rules through `validate --system` in the
// formats people and CI read. Exact outputs: inline where the issue states them, else goldens
// under testdata/system/expected/.
#include <doctest/doctest.h>

#include "support.hpp"
#include "system/model.hpp"

using namespace asynclint;
using namespace asynclint::test;
namespace fs = std::filesystem;

namespace {

const std::string producer = "testdata/system/order/order-producer.yaml";
const std::string fulfillment = "testdata/system/order/order-fulfillment.yaml";
const std::string bridge = "testdata/system/order/sqs-bridge.yaml";
const std::string driftingFulfillment = "testdata/system/order-drift/order-fulfillment.yaml";

CommandResult asynclintRun(const std::string& arguments) {
  return run(binary() + " " + arguments + " 2>&1");
}

void checkGolden(const std::string& name, const std::string& actual) {
  checkAgainstGolden(sourceDir() / "testdata" / "system" / "expected" / name, actual);
}

fs::path socialMedia() {
  return sharedDir() / "corpus" / "spec-examples" / "3.1.0" / "social-media";
}

}  // namespace

TEST_SUITE("system") {
  TEST_CASE("addresses match when equal, parameter names aside, or parameterized vs concrete") {
    CHECK(system::addressesMatch("orders.created", "orders.created"));
    CHECK(system::addressesMatch("orders.{region}.created", "orders.eu.created"));
    CHECK(system::addressesMatch("orders.eu.created", "orders.{region}.created"));
    CHECK(system::addressesMatch("users/{id}", "users/{userId}"));
    CHECK(system::addressesMatch("{a}/x", "b/x"));
    CHECK_FALSE(system::addressesMatch("orders.created", "orders.shipped"));
    CHECK_FALSE(system::addressesMatch("orders.{region}.created", "orders.eu.west.created"));
    CHECK_FALSE(system::addressesMatch("orders.{region}.created", "orders..created"));
    CHECK_FALSE(system::addressesMatch("orders.{a}.x", "orders.{b}.{c}.x"));
    CHECK(system::protocolFamily("kafka-secure") == "kafka");
    CHECK(system::protocolFamily("mqtt") == "mqtt");
  }

  TEST_CASE("catalog of the order system: who sends and who receives each address") {
    const auto result = asynclintRun("catalog testdata/system/order");
    CHECK(result.exitCode == 0);
    CHECK(result.output ==
          "orders.accepted: Order Fulfillment → Order SQS Bridge\n"
          "  messages: OrderAccepted\n"
          "  protocols: kafka-secure\n"
          "orders.created: Order Producer → Order Fulfillment\n"
          "  messages: OrderCreated\n"
          "  protocols: kafka, kafka-secure\n"
          "orders.fulfilled: Order Fulfillment → Order SQS Bridge\n"
          "  messages: OrderFulfilled\n"
          "  protocols: kafka-secure\n"
          "orders.shipped: Order Fulfillment → Order SQS Bridge\n"
          "  messages: OrderShipped\n"
          "  protocols: kafka-secure\n"
          "4 addresses, 3 services\n");
  }

  TEST_CASE("catalog as Markdown and JSON") {
    const auto markdown = asynclintRun("catalog testdata/system/order --format markdown");
    CHECK(markdown.exitCode == 0);
    checkGolden("order-catalog.md", markdown.output);
    const auto json = asynclintRun("catalog testdata/system/order --format json");
    CHECK(json.exitCode == 0);
    checkGolden("order-catalog.json", json.output);
  }

  TEST_CASE("who consumes and who produces an address") {
    const auto consumers =
        asynclintRun("catalog testdata/system/order --who-consumes orders.created");
    CHECK(consumers.exitCode == 0);
    CHECK(consumers.output ==
          "Order Fulfillment 2.0.1 (" + fulfillment +
              ":90, operation 'consumeOrderCreated', address 'orders.created')\n");
    const auto producers =
        asynclintRun("catalog testdata/system/order --who-produces orders.shipped");
    CHECK(producers.output ==
          "Order Fulfillment 2.0.1 (" + fulfillment +
              ":115, operation 'publishOrderShipped', address 'orders.shipped')\n");
    // The bridge is an AsyncAPI 2 document: its `publish` operations are what it receives.
    const auto pattern =
        asynclintRun("catalog testdata/system/order --who-consumes 'orders.{state}'");
    CHECK(pattern.output ==
          "Order Fulfillment 2.0.1 (" + fulfillment +
              ":90, operation 'consumeOrderCreated', address 'orders.created')\n"
              "Order SQS Bridge 1.0.0 (" +
              bridge +
              ":23, operation 'receiveOrderAccepted', address 'orders.accepted')\n"
              "Order SQS Bridge 1.0.0 (" +
              bridge +
              ":33, operation 'receiveOrderFulfilled', address 'orders.fulfilled')\n"
              "Order SQS Bridge 1.0.0 (" +
              bridge + ":28, operation 'receiveOrderShipped', address 'orders.shipped')\n");
    const auto nobody = asynclintRun("catalog testdata/system/order --who-consumes orders.legacy");
    CHECK(nobody.exitCode == 0);
    CHECK(nobody.output == "no service receives 'orders.legacy'\n");
  }

  TEST_CASE("the order system is clean as a system") {
    const auto result =
        asynclintRun("validate --system --no-color --fail-severity info testdata/system/order");
    CHECK(result.output == "0 errors, 0 warnings in 3 files\n");
    CHECK(result.exitCode == 0);
  }

  TEST_CASE("without the bridge, the three addresses it receives are orphaned") {
    const auto result =
        asynclintRun("validate --system --no-color " + producer + " " + fulfillment);
    CHECK(result.exitCode == 0);  // warnings only
    checkGolden("orphaned.txt", result.output);
  }

  TEST_CASE("the system view is built from the documents as checked: standard input joins it") {
    // Each document is read once and the system rules work on the run's own results, so a
    // document read from standard input (which cannot be read twice) is a service of the system:
    // with the bridge given on standard input nothing is orphaned.
    const auto result = asynclintRun("validate --system --no-color --fail-severity info " +
                                     producer + " " + fulfillment + " - < " + bridge);
    CHECK(result.output == "0 errors, 0 warnings in 3 files\n");
    CHECK(result.exitCode == 0);
  }

  TEST_CASE("`system: true` in the configuration runs the system rules without --system") {
    const auto result =
        asynclintRun("validate --no-color --config testdata/system/system.asynclint.yaml " +
                     producer + " " + fulfillment);
    CHECK(result.exitCode == 0);
    checkGolden("orphaned.txt", result.output);
  }

  TEST_CASE("a field the consumer requires and the producer does not send is schema drift") {
    const std::string files = producer + " " + driftingFulfillment + " " + bridge;
    const auto text = asynclintRun("validate --system --no-color " + files);
    CHECK(text.exitCode == 1);
    checkGolden("drift.txt", text.output);
    const auto github = asynclintRun("validate --system -f github " + files);
    checkGolden("drift.github.txt", github.output);
    // The working folder (where the clone is) is the one absolute path SARIF holds.
    std::string sarif = asynclintRun("validate --system -f sarif " + files).output;
    const std::string workingFolder = "file://" + sourceDir().generic_string() + "/";
    if (const auto at = sarif.find(workingFolder); at != std::string::npos)
      sarif.replace(at, workingFolder.size(), "file:///working-folder/");
    checkGolden("drift.sarif", sarif);
  }

  TEST_CASE("references that cannot be followed are said, and the catalog goes on") {
    const auto result = asynclintRun("catalog testdata/system/broken-ref");
    CHECK(result.exitCode == 0);
    checkGolden("broken-ref-catalog.txt", result.output);
  }

  TEST_CASE("a missing path is a usage error") {
    const auto result = asynclintRun("catalog testdata/system/nowhere");
    CHECK(result.exitCode == 2);
    CHECK(result.output == "asynclint: no such file or folder: testdata/system/nowhere\n");
  }

  TEST_CASE("the order system as Mermaid and DOT graphs") {
    const auto mermaid = asynclintRun("graph testdata/system/order");
    CHECK(mermaid.exitCode == 0);
    checkGolden("order-graph.mmd", mermaid.output);
    const auto dot = asynclintRun("graph testdata/system/order --format dot");
    CHECK(dot.exitCode == 0);
    checkGolden("order-graph.dot", dot.output);
  }

  TEST_CASE("the social-media example of the corpus as a system") {
    if (!sharedAvailable(socialMedia())) return;
    // Relative to the source folder, as run() runs there; common/ holds fragments, not services.
    const std::string folder = fs::relative(socialMedia(), sourceDir()).generic_string();
    // The documents reference ../common/: the root must hold both.
    const auto catalog = asynclintRun("catalog --root " + folder + " " + folder);
    CHECK(catalog.exitCode == 0);
    checkGolden("social-media-catalog.txt", catalog.output);
    const auto graph = asynclintRun("graph --root " + folder + " " + folder);
    CHECK(graph.exitCode == 0);
    checkGolden("social-media-graph.mmd", graph.output);
  }
}
