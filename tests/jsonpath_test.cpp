#include <doctest/doctest.h>

#include "jsonpath/jsonpath.hpp"

using namespace asynclint;
using nlohmann::json;

namespace {

const json& sample() {
  static const json document = json::parse(R"({
    "asyncapi": "3.0.0",
    "info": {"title": "Shop", "version": "1.0.0", "contact": {"email": "a@b.c"}},
    "channels": {
      "orders": {"address": "shop.orders", "messages": {"created": {"$ref": "#/components/messages/Created"}}},
      "users": {"address": "Shop.Users", "description": "TODO: write", "messages": {}}
    },
    "tags": [{"name": "a"}, {"name": "b"}, {"name": "c"}, {"name": "d"}],
    "components": {
      "messages": {"Created": {"payload": {"type": "object", "x-n": 3}}},
      "schemas": {"Loop": {"properties": {"self": {"$ref": "#/components/schemas/Loop"}}}}
    }
  })");
  return document;
}

jsonpath::Path parsed(std::string_view text) {
  auto result = jsonpath::Path::parse(text);
  if (const auto* error = std::get_if<jsonpath::ParseError>(&result))
    FAIL("parse error at column " << error->column << ": " << error->message);
  return std::get<jsonpath::Path>(std::move(result));
}

std::vector<std::string> pointers(std::string_view text, const json& document = sample(),
                                  const jsonpath::RefFollower& follow = {}) {
  std::vector<std::string> out;
  for (const auto& match : parsed(text).evaluate(document, follow))
    out.push_back(match.pointer);
  return out;
}

jsonpath::ParseError errorOf(std::string_view text) {
  auto result = jsonpath::Path::parse(text);
  REQUIRE(std::holds_alternative<jsonpath::ParseError>(result));
  return std::get<jsonpath::ParseError>(result);
}

// Follows local references ("#/..."), as the rule engine does for `resolved: true`.
std::optional<jsonpath::RefTarget> followLocal(const json& root, const json& node) {
  const std::string ref = node["$ref"].get<std::string>();
  if (!ref.starts_with("#")) return std::nullopt;
  const std::string target = ref.substr(1);
  const json::json_pointer pointer(target);
  if (!root.contains(pointer)) return std::nullopt;
  return jsonpath::RefTarget{&root.at(pointer), target};
}

using List = std::vector<std::string>;

}  // namespace

TEST_SUITE("jsonpath") {
  TEST_CASE("root, dot and bracket names, wildcards") {
    CHECK(pointers("$") == List{""});
    CHECK(pointers("$.info.title") == List{"/info/title"});
    CHECK(pointers("$['info'][\"version\"]") == List{"/info/version"});
    CHECK(pointers("$.info.missing") == List{});
    CHECK(pointers("$.channels.*") == List{"/channels/orders", "/channels/users"});
    CHECK(pointers("$.channels[*].address") ==
          List{"/channels/orders/address", "/channels/users/address"});
    CHECK(pointers("$.channels.*.[address,description]") == List{"/channels/orders/address",
                                                                 "/channels/users/address",
                                                                 "/channels/users/description"});
    CHECK(pointers("$.info.contact['email','url']") == List{"/info/contact/email"});
  }

  TEST_CASE("indexes, negative indexes, slices and unions") {
    CHECK(pointers("$.tags[0].name") == List{"/tags/0/name"});
    CHECK(pointers("$.tags[-1]") == List{"/tags/3"});
    CHECK(pointers("$.tags[9]") == List{});
    CHECK(pointers("$.tags[1:3]") == List{"/tags/1", "/tags/2"});
    CHECK(pointers("$.tags[:2]") == List{"/tags/0", "/tags/1"});
    CHECK(pointers("$.tags[-2:]") == List{"/tags/2", "/tags/3"});
    CHECK(pointers("$.tags[::2]") == List{"/tags/0", "/tags/2"});
    CHECK(pointers("$.tags[0,2]") == List{"/tags/0", "/tags/2"});
    CHECK(pointers("$.tags.1") == List{"/tags/1"});
  }

  TEST_CASE("descendants") {
    CHECK(pointers("$..address") == List{"/channels/orders/address", "/channels/users/address"});
    CHECK(pointers("$..[?(@property === 'x-n')]") ==
          List{"/components/messages/Created/payload/x-n"});
    CHECK(pointers("$.tags..name") ==
          List{"/tags/0/name", "/tags/1/name", "/tags/2/name", "/tags/3/name"});
  }

  TEST_CASE("filters: comparisons, logic, candidate properties and string methods") {
    CHECK(pointers("$.tags[?(@.name == 'b')]") == List{"/tags/1"});
    CHECK(pointers("$.tags[?(@.name != 'b' && @.name !== 'c')]") == List{"/tags/0", "/tags/3"});
    CHECK(pointers("$.tags[?(@.name === 'a' || @.name === 'd')]") == List{"/tags/0", "/tags/3"});
    CHECK(pointers("$.tags[?(@property > 1)]") == List{"/tags/2", "/tags/3"});
    CHECK(pointers("$.tags[?(@property <= 1)]") == List{"/tags/0", "/tags/1"});
    CHECK(pointers("$.tags[?(@property >= '3')]") == List{"/tags/3"});
    CHECK(pointers("$.channels[?(@.description)]") == List{"/channels/users"});
    CHECK(pointers("$.channels[?(!@.description)]") == List{"/channels/orders"});
    CHECK(pointers("$.channels[?(@.address.match(/^[a-z.]+$/))]") == List{"/channels/orders"});
    CHECK(pointers("$.channels[?(@.address.match(/^shop/i))]") ==
          List{"/channels/orders", "/channels/users"});
    CHECK(pointers("$.channels.*[?(@property == 'description' && @.includes('TODO'))]") ==
          List{"/channels/users/description"});
    CHECK(pointers("$.channels[?(@property.startsWith('us'))]") == List{"/channels/users"});
    CHECK(pointers("$.channels.*[?(@parentProperty === 'orders')]") ==
          List{"/channels/orders/address", "/channels/orders/messages"});
    CHECK(pointers("$..[?(@path === \"$['info']['contact']\")]") == List{"/info/contact"});
    CHECK(pointers("$.channels[?(@.messages.created)]") == List{"/channels/orders"});
    CHECK(pointers("$.channels[?(@['address'] === 'shop.orders')]") == List{"/channels/orders"});
    CHECK(pointers("$.channels[?(@.address.length > 10)]") == List{"/channels/orders"});
    CHECK(pointers("$.channels[?((@.x === undefined) && @.address)]").size() == 2);
  }

  TEST_CASE("references: followed on request, matches where the node is written, cycles once") {
    const json& document = sample();
    const auto follow = [&](const json& node) { return followLocal(document, node); };
    CHECK(pointers("$.channels.orders.messages.created.payload.type") == List{});
    CHECK(pointers("$.channels.orders.messages.created.payload.type", document, follow) ==
          List{"/components/messages/Created/payload/type"});
    CHECK(pointers("$.channels.orders.messages.*", document, follow) ==
          List{"/components/messages/Created"});
    // `self` leads back to Loop: reached once from components, once more through itself, where
    // the walk stops. (The engine keeps one finding per place.)
    CHECK(pointers("$..self", document, follow) ==
          List{"/components/schemas/Loop", "/components/schemas/Loop"});
    // The message is reached twice: through the channel's reference and under components.
    CHECK(pointers("$..[?(@.type === 'object')]", document, follow) ==
          List{"/components/messages/Created/payload", "/components/messages/Created/payload"});
  }

  TEST_CASE("a shared descent walks each reference target once, through a reference or not") {
    const json& document = sample();
    const auto follow = [&](const json& node) { return followLocal(document, node); };
    const json& created = document["components"]["messages"]["Created"];
    const json& loop = document["components"]["schemas"]["Loop"];
    const jsonpath::TargetTest isTarget = [&](const json& node) {
      return &node == &created || &node == &loop;
    };
    const auto viaShared = [&](std::string_view text, bool withTargets) {
      const jsonpath::DescentSource descents = [&](bool revisit) {
        return jsonpath::Path::descend(document, follow, revisit, withTargets ? isTarget : nullptr);
      };
      List out;
      for (const auto& match : parsed(text).evaluate(document, follow, descents))
        out.push_back(match.pointer);
      return out;
    };
    // Without the test, the message is walked through the channel's reference and again under
    // components; with it, once. The filter that reads the path still walks it each time.
    const List twice{"/components/messages/Created/payload",
                     "/components/messages/Created/payload"};
    CHECK(viaShared("$..payload", false) == twice);
    CHECK(viaShared("$..payload", true) == List{"/components/messages/Created/payload"});
    CHECK(viaShared("$..[?(@parentProperty === 'Created')]", true) ==
          List{"/components/messages/Created/payload"});
    CHECK(viaShared("$..self", true) == List{"/components/schemas/Loop"});
    // Names that are also indexes pick from lists too; a union of names picks each once.
    CHECK(viaShared("$..1", true) == List{"/tags/1"});
    CHECK(viaShared("$..[address,description]", true) == List{"/channels/orders/address",
                                                              "/channels/users/address",
                                                              "/channels/users/description"});
  }

  TEST_CASE(
      "references: a filter's @.a.b reads through them too, as in Spectral's resolved "
      "document") {
    const json& document = sample();
    const auto follow = [&](const json& node) { return followLocal(document, node); };
    const std::string throughRef = "$.channels[?(@.messages.created.payload.type === 'object')]";
    CHECK(pointers(throughRef) == List{});
    CHECK(pointers(throughRef, document, follow) == List{"/channels/orders"});
    CHECK(pointers("$.channels[?(@.messages.created['$ref'])]") == List{"/channels/orders"});
  }

  TEST_CASE("outside the subset: a parse error with its column") {
    CHECK(errorOf("channels").column == 1);
    CHECK(errorOf("$.channels[").column == 12);
    CHECK(errorOf("$.paths[*]~").column == 11);
    const auto script = errorOf("$.tags[(@.length-1)]");
    CHECK(script.column == 8);
    CHECK(script.message.find("script expressions") != std::string::npos);
    const auto method = errorOf("$.x[?(@.name.toLowerCase() == 'a')]");
    CHECK(method.column == 14);
    CHECK(method.message.find("'toLowerCase' is not supported") != std::string::npos);
    CHECK(errorOf("$.x[?(@root.a)]").message.find("'@root' is not supported") != std::string::npos);
    CHECK(errorOf("$.x[?(@.a == 1 == 2)]").message.find("chained") != std::string::npos);
    CHECK(errorOf("$.x[?(@.a.match(/a(/))]").message.find("invalid regular expression") !=
          std::string::npos);
    CHECK(errorOf("$.x[?(@.a.match(/a/y))]").column == 20);
    CHECK(errorOf("$.x[?(@.a = 1)]").column == 11);
    CHECK(errorOf("$.x[?(@.a)").message.find("expected") != std::string::npos);
    CHECK(errorOf("$.tags[1::0]").message == "a slice's step cannot be 0");
  }

  TEST_CASE("@path in JSONPath-Plus form") {
    CHECK(jsonpath::plusPath("") == "$");
    CHECK(jsonpath::plusPath("/channels/a~1b") == "$['channels']['a/b']");
  }
}
