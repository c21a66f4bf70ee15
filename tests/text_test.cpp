#include <doctest/doctest.h>
#include <string>

#include "diagnostic.hpp"
#include "schema/phrasing.hpp"
#include "source/json_pointer.hpp"
#include "source/utf8.hpp"
#include "text/ecma_regex.hpp"
#include "text/string_formats.hpp"
#include "text/suggest.hpp"

using namespace asynclint;

TEST_SUITE("text") {
  TEST_CASE("edit distance and did-you-mean suggestions") {
    CHECK(text::editDistance("versio", "version") == 1);
    CHECK(text::editDistance("tilte", "title") == 1);  // a swap counts once
    CHECK(text::closest("versio", {"title", "version", "description"}) == "version");
    CHECK(text::closest("Version", {"title", "version"}) == "version");
    CHECK_FALSE(text::closest("zzz", {"title", "version"}).has_value());
    CHECK(text::quotedList({"send", "receive"}) == "'send' or 'receive'");
    CHECK(text::quotedList({"a", "b", "c"}) == "'a', 'b' or 'c'");
  }

  TEST_CASE("allowed values: strings quoted, other values as JSON, long lists cut after ten") {
    CHECK(schema::literal("late") == "'late'");
    CHECK(schema::literal(nullptr) == "null");
    CHECK(schema::literal(3) == "3");
    CHECK(schema::allowedValues({"'late'"}) == "'late'");
    CHECK(schema::allowedValues({"'late'", "'damaged'", "null"}) ==
          "one of 'late', 'damaged' or null");
    std::vector<std::string> values;
    for (int i = 1; i <= 10; ++i)
      values.push_back(std::to_string(i));
    CHECK(schema::allowedValues(values) == "one of 1, 2, 3, 4, 5, 6, 7, 8, 9 or 10");
    values.push_back("11");
    CHECK(schema::allowedValues(values) == "one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 or 1 other");
    values.push_back("12");
    CHECK(schema::allowedValues(values) == "one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 or 2 others");
  }

  TEST_CASE("JSON pointers: escaping, splitting and display paths") {
    CHECK(pointer::append("/channels", "a/b~c") == "/channels/a~1b~0c");
    CHECK(pointer::split("/a~1b/~0") == std::vector<std::string>{"a/b", "~"});
    CHECK_FALSE(pointer::split("a/b").has_value());
    CHECK_FALSE(pointer::split("/a~2").has_value());
    CHECK(pointer::parent("/a/b") == "/a");
    const nlohmann::json root = {{"channels", {{"orders.created", {{"tags", {{{"name", "x"}}}}}}}}};
    CHECK(pointer::displayPath(root, "/channels/orders.created/tags/0") ==
          "channels['orders.created'].tags[0]");
    CHECK(pointer::find(root, "/channels/orders.created/tags/0/name") != nullptr);
    CHECK(pointer::find(root, "/channels/missing") == nullptr);
  }

  TEST_CASE("UTF-8 validation rejects overlongs, surrogates and truncated sequences") {
    CHECK_FALSE(utf8::firstInvalidByte("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80").has_value());
    CHECK(utf8::firstInvalidByte("ab\xC0\xAF") == 2u);
    CHECK(utf8::firstInvalidByte("\xED\xA0\x80") == 0u);
    CHECK(utf8::firstInvalidByte("x\xE2\x82") == 1u);
    CHECK(utf8::countCodePoints("caf\xC3\xA9") == 4u);
    const std::string_view mixed =
        "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"
        "b";
    CHECK(utf8::skipCodePoints(mixed, 0, 0) == 0u);
    CHECK(utf8::skipCodePoints(mixed, 0, 2) == 3u);
    CHECK(utf8::skipCodePoints(mixed, 3, 2) == 10u);
    CHECK(utf8::skipCodePoints(mixed, 0, 5) == 11u);
    CHECK(utf8::skipCodePoints(mixed, 0, 9) == mixed.size());
  }

  TEST_CASE("fingerprints ignore positions and numbers, not identity") {
    Diagnostic finding;
    finding.rule = "duplicate-key";
    finding.file = "./specs/../specs/order.yaml";
    finding.pointer = "/channels/orders";
    finding.message = "duplicate key 'orders' (first defined at line 12)";
    finding.range = {{14, 3}, {14, 9}};
    const std::string original = fingerprint(finding);
    CHECK(original.size() == 16u);

    Diagnostic moved = finding;
    moved.file = "specs/order.yaml";
    moved.range = {{40, 3}, {40, 9}};
    moved.message = "duplicate key 'orders' (first defined at line 38)";
    CHECK(fingerprint(moved) == original);

    Diagnostic otherNode = finding;
    otherNode.pointer = "/channels/payments";
    CHECK(fingerprint(otherNode) != original);
    Diagnostic otherRule = finding;
    otherRule.rule = "schema";
    CHECK(fingerprint(otherRule) != original);
    Diagnostic otherFile = finding;
    otherFile.file = "specs/payment.yaml";
    CHECK(fingerprint(otherFile) != original);
  }
}

TEST_SUITE("text") {
  TEST_CASE("ECMA-262 patterns through PCRE2: unanchored search, JavaScript escapes and anchors") {
    CHECK(regex::search("b+", "abbbc"));
    CHECK_FALSE(regex::search("^b", "abc"));
    CHECK(regex::search("^[\\u00e9a-z]+$", "r\xc3\xa9sum\xc3\xa9"));  // \u escape, UTF-8 subject
    CHECK(regex::search("^.$", "\xc3\xa9"));                          // one code point, two bytes
    CHECK_FALSE(regex::search("^abc$", "abc\n"));  // `$` only at the very end, as in JavaScript
    CHECK(regex::search("^(?=.*[0-9])[a-z0-9]{3}$", "ab1"));
    CHECK_FALSE(regex::search("^(?=.*[0-9])[a-z0-9]{3}$", "abc"));
    CHECK(regex::search("^(a)?b\\1$", "b"));       // an unset back-reference matches empty
    CHECK_FALSE(regex::search("[]", "anything"));  // `[]` matches nothing
  }

  TEST_CASE("a long subject is matched for real, without deep recursion") {
    const std::string valid(200'000, 'A');
    CHECK(regex::search("^[A-Za-z0-9+/]*={0,2}$", valid));
    std::string invalid = valid;
    invalid[100'000] = '!';
    CHECK_FALSE(regex::search("^[A-Za-z0-9+/]*={0,2}$", invalid));
    CHECK(regex::search("^(\\/(([^\\/~])|(~[01]))*)*$", "/" + std::string(100'000, 'a')));
  }

  TEST_CASE("a pattern that does not compile is an error with its reason and offset") {
    CHECK(regex::search("^t$", "T", {.ignoreCase = true}));
    CHECK_FALSE(regex::search("^t$", "T"));
    CHECK(regex::search("^b$", "a\nb", {.multiline = true}));
    CHECK_FALSE(regex::search("^b$", "a\nb"));
    CHECK(regex::search("a.b", "a\nb", {.dotAll = true}));
    CHECK_FALSE(regex::search("a.b", "a\nb"));
    CHECK(std::get<regex::Flags>(regex::jsFlags("gimsud")).dotAll);
    CHECK(std::get<char>(regex::jsFlags("iy")) == 'y');
    CHECK(regex::compileError("^[a-z]+$").empty());
    CHECK(regex::compileError("(celsius|kelvin") ==
          "the regular expression '(celsius|kelvin' is invalid: missing closing parenthesis (at "
          "offset 15)");
    CHECK_THROWS_AS(regex::search("(celsius|kelvin", "celsius"), regex::RegexError);
  }

  TEST_CASE("catastrophic backtracking stops at the match limit with an error") {
    const std::string subject = std::string(40, 'a') + "!";
    CHECK_THROWS_AS(regex::search("^(a+)+$", subject), regex::RegexError);
  }
}

TEST_SUITE("text") {
  // Each accepted value is one ajv-formats ("full") accepts; each rejected one, one it rejects.
  TEST_CASE("uri: an absolute URI, as leniently as the official parser's validator") {
    for (const char* uri : {"https://example.com", "https://example.com/path?q=1&r=%2F#frag",
                            "mailto:team@example.com", "urn:com:example:orders",
                            "http://[::1]:8080/", "HTTP://EXAMPLE.COM", "a+b-c.d:x"}) {
      CAPTURE(uri);
      CHECK(text::isUri(uri));
    }
    for (const char* notUri : {"", " ", "example.com", "/relative/path", "https://exa mple.com",
                               "https://example.com/<x>", "1http://x", ":x", "https://x/%zz",
                               "https://x/%2", "https://bücher.example", "https://x/\"q\""}) {
      CAPTURE(notUri);
      CHECK_FALSE(text::isUri(notUri));
    }
  }

  TEST_CASE("email: local@domain with a dotted domain") {
    for (const char* email :
         {"team@example.com", "first.last+tag@mail.example.org", "o'brien@x.io", "a@b-c.d"}) {
      CAPTURE(email);
      CHECK(text::isEmail(email));
    }
    for (const char* notEmail : {"", "team", "team@", "@example.com", "team@localhost",
                                 "team@-x.com", "team@x-.com", "a..b@x.com", ".a@x.com", "a.@x.com",
                                 "a b@x.com", "team@exa mple.com", "a@b@c.com", "team@x..com"}) {
      CAPTURE(notEmail);
      CHECK_FALSE(text::isEmail(notEmail));
    }
  }
}
