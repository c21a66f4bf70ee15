// The loader: scalar typing by the YAML 1.2 core schema, source positions of keys and values,
// duplicate keys, aliases and merge keys, and bounded work on hostile input.
#include <doctest/doctest.h>

#include <map>
#include <vector>

#include "source/loader.hpp"
#include "source/node_map.hpp"

using asynclint::Document;
using asynclint::LoadResult;
using asynclint::Position;
using nlohmann::json;

namespace doctest {
template <>
struct StringMaker<Position> {
  static String convert(const Position& position) {
    return (std::to_string(position.line) + ":" + std::to_string(position.column)).c_str();
  }
};
}  // namespace doctest

namespace {

Document load(const std::string& text) {
  LoadResult result = asynclint::loadText("test.yaml", text);
  REQUIRE(result.document.has_value());
  return std::move(*result.document);
}

Position keyAt(const Document& document, const std::string& pointer) {
  const auto located = document.locate(pointer);
  REQUIRE(located.exact);
  return located.key.start;
}

Position valueAt(const Document& document, const std::string& pointer) {
  const auto located = document.locate(pointer);
  REQUIRE(located.exact);
  return located.value.start;
}

Position at(std::uint32_t line, std::uint32_t column) {
  return {line, column};
}

}  // namespace

TEST_SUITE("loader") {
  TEST_CASE("NodeMap: first value kept by insert, replaced by assign, found after growth") {
    // Nodes side by side in one array: neighbouring addresses, the case a poor hash would
    // crowd into a few slots.
    const json nodes = json(std::vector<int>(5000, 0));
    asynclint::NodeMap<std::uint32_t> map;  // no room reserved: it grows as entries come
    for (std::size_t i = 0; i < nodes.size(); i += 2)
      map.insert(&nodes[i], static_cast<std::uint32_t>(i));
    map.insert(&nodes[0], 99);  // a second value for a node is ignored by insert
    map.assign(&nodes[2], 77);  // and replaces the first with assign
    CHECK(map.size() == 2500);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const std::uint32_t* value = map.find(&nodes[i]);
      if (i % 2 == 1) {
        CHECK(value == nullptr);
      } else {
        REQUIRE(value != nullptr);
        CHECK(*value == (i == 2 ? 77 : i));
      }
    }
    CHECK(asynclint::NodeMap<std::uint32_t>().find(&nodes[0]) == nullptr);
  }

  TEST_CASE("NodeMap: erasing keeps every other entry reachable") {
    // A small table (64 entries in 128 slots), so that runs of entries wrap around its end; entries
    // are erased in an order unrelated to their slots, and each lookup is checked against
    // std::map after every step.
    const json nodes = json(std::vector<int>(64, 0));
    asynclint::NodeMap<std::uint32_t> map;
    std::map<const json*, std::uint32_t> expected;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      map.assign(&nodes[i], static_cast<std::uint32_t>(i));
      expected[&nodes[i]] = static_cast<std::uint32_t>(i);
    }
    for (std::size_t step = 0; step < nodes.size(); ++step) {
      const json* gone = &nodes[(step * 37) % nodes.size()];
      map.erase(gone);
      map.erase(gone);  // erasing what is absent changes nothing
      expected.erase(gone);
      REQUIRE(map.size() == expected.size());
      for (const json& node : nodes) {
        const auto it = expected.find(&node);
        const std::uint32_t* value = map.find(&node);
        if (it == expected.end()) {
          CHECK(value == nullptr);
        } else {
          REQUIRE(value != nullptr);
          CHECK(*value == it->second);
        }
      }
    }
  }

  TEST_CASE("plain scalars are typed by the YAML 1.2 core schema; quoted ones stay strings") {
    const auto document = load(
        "a: true\nb: False\nc: null\nd: ~\ne:\nf: 42\ng: -7\nh: 0x1F\ni: 0o17\nj: 1.5\nk: 1e3\n"
        "l: .inf\nm: 1.0.0\nn: '42'\no: \"true\"\np: yes\nq: 3.0\nr: !!str 12\ns: "
        "123456789012345678901234567890\n"
        "t: 18446744073709551615\nu: -9223372036854775808\n");
    const json& root = document.root;
    CHECK(root["a"] == true);
    CHECK(root["b"] == false);
    CHECK(root["c"].is_null());
    CHECK(root["d"].is_null());
    CHECK(root["e"].is_null());
    CHECK(root["f"] == 42);
    CHECK(root["g"] == -7);
    CHECK(root["h"] == 31);
    CHECK(root["i"] == 15);
    CHECK(root["j"] == 1.5);
    CHECK(root["k"] == 1000.0);
    CHECK(root["l"].is_number_float());
    CHECK(root["m"] == "1.0.0");
    CHECK(root["n"] == "42");
    CHECK(root["o"] == "true");
    CHECK(root["p"] == "yes");  // YAML 1.1 booleans are strings in YAML 1.2
    CHECK(root["q"].is_number_float());
    CHECK(root["r"] == "12");
    CHECK(root["s"].is_number_float());
    CHECK(root["t"].is_number_unsigned());
    CHECK(root["u"] == std::numeric_limits<std::int64_t>::min());
  }

  TEST_CASE(
      "floats are exactly the core schema's: [-+]?(.[0-9]+|[0-9]+(.[0-9]*)?)([eE][-+]?[0-9]+)?") {
    const auto document = load(
        "a: 1.\nb: .5\nc: -.5e-3\nd: +2E+2\ne: 1e\nf: e3\ng: .\nh: +\ni: 1.2.3\nj: 1_000.5\n"
        "k: -.e1\nl: 1.5e3x\nm: 0.5 \nn: 7e0\n");
    const json& root = document.root;
    CHECK(root["a"] == 1.0);
    CHECK(root["b"] == 0.5);
    CHECK(root["c"] == -0.0005);
    CHECK(root["d"] == 200.0);
    CHECK(root["e"] == "1e");
    CHECK(root["f"] == "e3");
    CHECK(root["g"] == ".");
    CHECK(root["h"] == "+");
    CHECK(root["i"] == "1.2.3");
    CHECK(root["j"] == "1_000.5");
    CHECK(root["k"] == "-.e1");
    CHECK(root["l"] == "1.5e3x");
    CHECK(root["m"] == 0.5);  // trailing spaces are not part of a plain scalar
    CHECK(root["n"] == 7.0);
  }

  TEST_CASE("positions of keys and values in block style") {
    const auto document =
        load("info:\n  title: Orders\n  version: '1.0'\nlist:\n  - first\n  - name: second\n");
    CHECK(keyAt(document, "/info") == at(1, 1));
    CHECK(keyAt(document, "/info/title") == at(2, 3));
    CHECK(valueAt(document, "/info/title") == at(2, 10));
    CHECK(valueAt(document, "/info/version") == at(3, 12));
    CHECK(valueAt(document, "/list/0") == at(5, 5));
    CHECK(keyAt(document, "/list/1/name") == at(6, 5));
    CHECK(valueAt(document, "/list/1/name") == at(6, 11));
    const auto range = document.locate("/info/version").value;
    CHECK(range.end == at(3, 17));  // past the closing quote
  }

  TEST_CASE("positions in flow style and JSON") {
    const auto document = load("{\n  \"a\": {\"b\": [1, {\"c\": true}]},\n  \"d\": \"x\"\n}\n");
    CHECK(keyAt(document, "/a") == at(2, 3));
    CHECK(keyAt(document, "/a/b") == at(2, 9));
    CHECK(valueAt(document, "/a/b/0") == at(2, 15));
    CHECK(keyAt(document, "/a/b/1/c") == at(2, 19));
    CHECK(valueAt(document, "/a/b/1/c") == at(2, 24));
    CHECK(document.locate("/a/b/1/c").value.end == at(2, 28));
    CHECK(document.format == asynclint::SourceFormat::json);
  }

  TEST_CASE("JSON: escapes, surrogate pairs and values typed as in YAML") {
    const auto document =
        load(R"({"s": "a\"b\\c\/d\b\f\n\r\t\u00e9\u20ac\ud83d\ude00", "i": -12, "f": 1.5e3,)"
             R"( "big": 18446744073709551616, "t": true, "n": null, "v": "1.0", "e": []})");
    CHECK(document.root["s"] == "a\"b\\c/d\b\f\n\r\t\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    CHECK(document.root["i"] == -12);
    CHECK(document.root["f"] == 1500.0);
    CHECK(document.root["big"].is_number_float());
    CHECK(document.root["t"] == true);
    CHECK(document.root["n"].is_null());
    CHECK(document.root["v"] == "1.0");
    CHECK(document.root["e"] == nlohmann::json::array());
    CHECK(valueAt(document, "/n") == at(1, 122));
  }

  TEST_CASE("positions after multi-line strings, with CRLF line ends and non-ASCII text") {
    const auto document = load(
        "description: |\r\n  line one\r\n  line two\r\ntitle: \"Caf\xC3\xA9 "
        "\xE2\x82\xAC\"\r\nnext: \xE2\x82\xAC\xE2\x82\xAC x\r\n"
        "folded: >\r\n  a\r\n  b\r\nlast: 1\r\n");
    CHECK(document.root["description"] == "line one\nline two\n");
    CHECK(keyAt(document, "/title") == at(4, 1));
    CHECK(valueAt(document, "/title") == at(4, 8));
    CHECK(document.locate("/title").value.end == at(4, 16));  // columns count characters, not bytes
    CHECK(valueAt(document, "/next") == at(5, 7));
    CHECK(keyAt(document, "/last") == at(9, 1));
    CHECK(document.root["folded"] == "a b\n");
  }

  TEST_CASE("characters of 2, 3 and 4 bytes before a node on its line, in flow and block style") {
    // libyaml counts its marks in characters; the loader turns them into byte offsets.
    const auto document = load(
        "k\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80: {a: 1, \xF0\x9F\x98\x80: [x, &n y, *n]}\n"
        "list:\n  - \xF0\x9F\x98\x80\n  - z: 2\n");
    CHECK(valueAt(document, "/k\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") == at(1, 7));
    CHECK(keyAt(document, "/k\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80/\xF0\x9F\x98\x80") == at(1, 14));
    CHECK(valueAt(document, "/k\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80/\xF0\x9F\x98\x80/2") ==
          at(1, 27));
    CHECK(keyAt(document, "/list/1/z") == at(4, 5));
  }

  TEST_CASE("a missing pointer locates its nearest existing parent") {
    const auto document = load("info:\n  title: x\n");
    const auto located = document.locate("/info/version");
    CHECK_FALSE(located.exact);
    CHECK(located.pointer == "/info");
    CHECK(located.key.start == at(1, 1));
  }

  TEST_CASE("pointer tokens are unescaped per RFC 6901") {
    const auto document = load("paths:\n  a/b:\n    x~y: 1\n");
    CHECK(keyAt(document, "/paths/a~1b/x~0y") == at(3, 5));
  }

  TEST_CASE("duplicate keys are reported at the second key, naming the first") {
    const LoadResult result = asynclint::loadText("d.yaml", "a: 1\nb:\n  c: 1\n  c: 2\n");
    REQUIRE(result.document.has_value());
    REQUIRE(result.diagnostics.size() == 1);
    const auto& duplicate = result.diagnostics.front();
    CHECK(duplicate.rule == "duplicate-key");
    CHECK(duplicate.range.start == at(4, 3));
    REQUIRE(duplicate.related.size() == 1);
    CHECK(duplicate.related.front().range.start == at(3, 3));
    CHECK(result.document->root["b"]["c"] == 1);  // the first definition is kept
  }

  TEST_CASE("duplicate keys in JSON too") {
    const LoadResult result = asynclint::loadText("d.json", "{\"b\": {\"c\": 1,\n \"c\": [2]}}");
    REQUIRE(result.document.has_value());
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics.front().range.start == at(2, 2));
    REQUIRE(result.diagnostics.front().related.size() == 1);
    CHECK(result.diagnostics.front().related.front().range.start == at(1, 8));
    CHECK(result.document->root["b"]["c"] == 1);
  }

  TEST_CASE("aliases expand, and their inner nodes keep the anchor's positions") {
    const auto document = load("base: &b\n  kind: x\n  size: 2\ncopy: *b\nlist: [*b]\n");
    CHECK(document.root["copy"] == document.root["base"]);
    CHECK(document.root["list"][0]["size"] == 2);
    CHECK(valueAt(document, "/copy") == at(4, 7));
    CHECK(keyAt(document, "/copy/size") == at(3, 3));
    CHECK(keyAt(document, "/list/0/kind") == at(2, 3));
  }

  TEST_CASE("merge keys add members the mapping does not define itself") {
    const auto document =
        load("defaults: &d {a: 1, b: 2}\nmore: &m {c: 3, a: 9}\nthing:\n  <<: [*d, *m]\n  b: 5\n");
    const json& thing = document.root["thing"];
    CHECK(thing == json{{"a", 1}, {"b", 5}, {"c", 3}});
    CHECK(keyAt(document, "/thing/a") == at(1, 15));
    CHECK(keyAt(document, "/thing/b") == at(5, 3));
  }

  TEST_CASE("hostile input is bounded: alias bombs, deep nesting, recursive aliases") {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char name = 'b'; name <= 'k'; ++name) {
      const char previous = static_cast<char>(name - 1);
      bomb += std::string(1, name) + ": &" + name + " [";
      for (int i = 0; i < 10; ++i)
        bomb += std::string(i ? ", *" : "*") + previous;
      bomb += "]\n";
    }
    const LoadResult exploded = asynclint::loadText("bomb.yaml", bomb);
    CHECK(exploded.inputError());
    REQUIRE(exploded.diagnostics.size() == 1);
    CHECK(exploded.diagnostics.front().rule == "limits");

    const LoadResult deep = asynclint::loadText(
        "deep.yaml", "a: " + std::string(100000, '[') + std::string(100000, ']'));
    CHECK(deep.inputError());
    CHECK(deep.diagnostics.front().message == "nesting is deeper than 256 levels");

    const LoadResult recursive = asynclint::loadText("r.yaml", "a: &x [1, *x]\n");
    CHECK(recursive.inputError());
    CHECK(recursive.diagnostics.front().rule == "syntax");
  }

  TEST_CASE("long values and wide collections stop at their limits, at the offending place") {
    asynclint::LoadLimits limits;
    limits.maxScalarBytes = std::size_t{1} << 20U;
    limits.maxEntries = 3;
    const auto refusal = [&](const std::string& text) {
      const LoadResult loaded = asynclint::loadText("t.yaml", text, limits);
      CHECK(loaded.inputError());
      REQUIRE(loaded.diagnostics.size() == 1);
      const auto& diagnostic = loaded.diagnostics.front();
      CHECK(diagnostic.rule == "limits");
      return diagnostic.message + " at " + std::to_string(diagnostic.range.start.line) + ":" +
             std::to_string(diagnostic.range.start.column);
    };
    CHECK(refusal("a: ok\nb: '" + std::string((1U << 20U) + 1, 'x') + "'\n") ==
          "a value is longer than 1 MiB at 2:4");
    CHECK(refusal("a: ok\n  b: '" + std::string(2U << 20U, 'x') + "'\n") ==
          "a line is longer than 1 MiB, the limit for one value at 2:3");
    CHECK(refusal("{\"a\": \"ok\",\n \"b\": \"" + std::string((1U << 20U) + 1, 'x') + "\"}") ==
          "a value is longer than 1 MiB at 2:7");
    CHECK(refusal("{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4}") ==
          "a mapping has more than 3 entries at 1:26");
    CHECK(refusal("a:\n  - 1\n  - 2\n  - 3\n  - 4\n") == "a list has more than 3 entries at 5:5");
    CHECK_FALSE(asynclint::loadText("t.yaml",
                                    "a: [1, 2, 3]\nb: " + std::string(1U << 20U, 'x') + "\nc: 3\n",
                                    limits)
                    .inputError());
  }

  TEST_CASE("encodings: a UTF-8 BOM is accepted; invalid UTF-8, NUL bytes and UTF-16 are errors") {
    CHECK(load("\xEF\xBB\xBF"
               "a: 1\n")
              .root["a"] == 1);
    const LoadResult invalid = asynclint::loadText("u.yaml", "a: 1\nb: \"\xC3\x28\"\n");
    REQUIRE(invalid.inputError());
    CHECK(invalid.diagnostics.front().range.start == at(2, 5));
    CHECK(asynclint::loadText("n.yaml", std::string("a: 1\0", 5)).inputError());
    CHECK(asynclint::loadText("w.yaml", std::string("\xFF\xFE"
                                                    "a\0",
                                                    4))
              .inputError());
  }

  TEST_CASE("syntax errors carry the parser's position and never throw") {
    const LoadResult result = asynclint::loadText("s.yaml", "a: 1\n b: 2\n");
    REQUIRE(result.inputError());
    CHECK(result.diagnostics.front().rule == "syntax");
    CHECK(result.diagnostics.front().range.start == at(2, 3));
    const LoadResult unclosed = asynclint::loadText("s.yaml", "a: [1, 2\n");
    CHECK(unclosed.inputError());
    const LoadResult jsonError = asynclint::loadText("s.json", "{\"a\": 1,}");
    REQUIRE(jsonError.inputError());
    CHECK(jsonError.diagnostics.front().message.starts_with("JSON syntax error"));
  }

  TEST_CASE("an empty file and a comment-only file load as empty documents with a finding") {
    for (const char* text : {"", "# nothing\n", "\n\n"}) {
      const LoadResult result = asynclint::loadText("e.yaml", text);
      CHECK_FALSE(result.inputError());
      REQUIRE(result.diagnostics.size() == 1);
      CHECK(result.diagnostics.front().rule == "document-root");
    }
  }
}
