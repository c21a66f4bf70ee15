// Hostile inputs (issue 7): each is refused or checked with a clear finding and exit code 1 or 2,
// and stays within bounded memory. The big inputs are built here, at test time, rather than kept
// in the repository. How fast each one is lives in bench/ (bench/hostile.py builds the same).
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "support.hpp"

using namespace asynclint::test;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool addressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool addressSanitizer = true;
#else
constexpr bool addressSanitizer = false;
#endif
#else
constexpr bool addressSanitizer = false;
#endif

const std::string head = "asyncapi: 3.0.0\ninfo:\n  title: Hostile\n  version: 1.0.0\n";

std::string repeated(std::string_view piece, std::size_t times) {
  std::string text;
  text.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i)
    text += piece;
  return text;
}

// A folder of its own for the inputs of one test case, removed afterwards.
class Scratch {
 public:
  Scratch()
      : folder_(std::filesystem::temp_directory_path() /
                ("asynclint-hostile-" + std::to_string(getpid()))) {
    std::filesystem::create_directories(folder_);
  }
  ~Scratch() { std::filesystem::remove_all(folder_); }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  // Writes `name` and checks it with asynclint from inside the folder, so that the output names
  // the file alone. `limits` wraps the command (e.g. a memory bound); a 120 s kill guards hangs
  // (ASan builds are slow).
  CommandResult check(const std::string& name, const std::string& text,
                      const std::string& limits = "") const {
    writeFile(folder_ / name, text);
    return run("cd '" + folder_.string() + "' && timeout 120 " + limits + binary() +
               " validate --no-color --quiet " + name);
  }

 private:
  std::filesystem::path folder_;
};

// The address-space bound that proves the memory of a check stays bounded. ASan reserves
// terabytes of shadow address space, so the bound is left out under it.
std::string memoryBound() {
  if (addressSanitizer) return "";
  return run("command -v prlimit").exitCode == 0 ? "prlimit --as=" + std::to_string(300 << 20) + " "
                                                 : "";
}

}  // namespace

TEST_SUITE("hostile") {
  TEST_CASE("an alias bomb of nine levels (387 million nodes expanded) stops at the alias budget") {
    std::string text = head + "x-bomb:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level < 10; ++level) {
      text += "  a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
      for (int i = 0; i < 9; ++i)
        text += (i == 0 ? "*a" : ", *a") + std::to_string(level - 1);
      text += "]\n";
    }
    const auto result = Scratch().check("bomb.yaml", text, memoryBound());
    CHECK(result.exitCode == 2);
    CHECK(result.output ==
          "bomb.yaml:12:12: error: aliases expand to more than 1000000 nodes (an alias bomb?); "
          "asynclint stops here [limits]\n");
  }

  TEST_CASE("100,000 levels of nesting, in flow and in block style, stop at the depth limit") {
    const Scratch scratch;
    const auto flow = scratch.check(
        "flow.yaml", head + "x-deep: " + repeated("[", 100'000) + repeated("]", 100'000) + "\n",
        memoryBound());
    CHECK(flow.exitCode == 2);
    CHECK(flow.output == "flow.yaml:5:264: error: nesting is deeper than 256 levels [limits]\n");
    // "- - - x": block lists nested without indentation.
    const auto block = scratch.check(
        "block.yaml", head + "x-deep:\n" + repeated("- ", 100'000) + "x\n", memoryBound());
    CHECK(block.exitCode == 2);
    CHECK(block.output == "block.yaml:6:511: error: nesting is deeper than 256 levels [limits]\n");
    const auto mapping = scratch.check(
        "map.yaml", head + "x-deep: " + repeated("{a: ", 100'000) + "1" + repeated("}", 100'000),
        memoryBound());
    CHECK(mapping.exitCode == 2);
    CHECK(mapping.output == "map.yaml:5:1029: error: nesting is deeper than 256 levels [limits]\n");
  }

  TEST_CASE("a 200,000-character string under a date-time format or a pattern is checked") {
    const std::string schema = head +
                               "components:\n  schemas:\n    When:\n      type: string\n"
                               "      format: date-time\n      default: '";
    const auto date = Scratch().check("date.yaml", schema + std::string(200'000, '7') + "'\n",
                                      memoryBound());
    CHECK(date.exitCode == 1);
    CHECK(date.output.find("date.yaml:10:16: error: default does not match its schema: "
                           "'default' must be a valid date-time; found '7777") !=
          std::string::npos);
    const std::string patterned = head +
                                  "components:\n  schemas:\n    Blob:\n      type: string\n"
                                  "      pattern: '^[a-z]*$'\n      default: '";
    const auto blob = Scratch().check(
        "blob.yaml", patterned + std::string(200'000, 'a') + "'\n", memoryBound());
    CHECK(blob.output.find("[schema-values-invalid]") == std::string::npos);
    CHECK(blob.exitCode == 0);
  }

  TEST_CASE("a 50 MiB scalar and a JSON object of 1,000,000 keys stop at their limits") {
    const Scratch scratch;
    const auto scalar = scratch.check(
        "scalar.yaml", head + "x-big: '" + std::string(std::size_t{50} << 20U, 'a') + "'\n",
        memoryBound());
    CHECK(scalar.exitCode == 2);
    CHECK(
        scalar.output ==
        "scalar.yaml:5:1: error: a line is longer than 16 MiB, the limit for one value [limits]\n");
    std::string keys = "{";
    for (int i = 0; i < 1'000'000; ++i)
      keys += (i == 0 ? "\"k" : ", \"k") + std::to_string(i) + "\": " + std::to_string(i);
    keys += "}";
    const auto json = scratch.check("keys.json", keys, memoryBound());
    CHECK(json.exitCode == 2);
    CHECK(json.output ==
          "keys.json:1:1677782: error: a mapping has more than 100000 entries [limits]\n");
  }

  TEST_CASE("$ref cycles of length 1 and 1,000 are reported once, without following them") {
    const auto cycle = [](std::size_t length) {
      std::string text = head + "channels:\n";
      for (std::size_t i = 0; i < length; ++i) {
        text += "  c" + std::to_string(i) + ":\n    $ref: '#/channels/c" +
                std::to_string((i + 1) % length) + "'\n";
      }
      return text;
    };
    const Scratch scratch;
    const auto one = scratch.check("one.yaml", cycle(1), memoryBound());
    CHECK(one.exitCode == 1);
    CHECK(one.output ==
          "one.yaml:7:11: error: '#/channels/c0' points to itself, so it can never be resolved: "
          "point it elsewhere [ref-cycle]\n");
    const auto thousand = scratch.check("thousand.yaml", cycle(1000), memoryBound());
    CHECK(thousand.exitCode == 1);
    CHECK(thousand.output ==
          "thousand.yaml:7:11: error: 1000 references form a cycle, so none of them can be "
          "resolved: '#/channels/c0' → '#/channels/c1' → '#/channels/c2' → '#/channels/c3' → … "
          "994 more … → '#/channels/c998' → '#/channels/c999' → back to '#/channels/c0' "
          "[ref-cycle]\n");
  }

  TEST_CASE("invalid UTF-8, NUL bytes and UTF-16 are encoding errors at their place") {
    const Scratch scratch;
    const auto utf8 = scratch.check("latin1.yaml", head + "x-bad: caf\xE9\n");
    CHECK(utf8.exitCode == 2);
    CHECK(utf8.output ==
          "latin1.yaml:5:11: error: invalid UTF-8 byte 0xE9: the file must be UTF-8 text "
          "[encoding]\n");
    const auto nul = scratch.check("nul.yaml", head + std::string("x-nul: a\0b\n", 11));
    CHECK(nul.exitCode == 2);
    CHECK(nul.output ==
          "nul.yaml:5:9: error: the file contains a NUL byte: it is binary, not YAML or JSON "
          "text [encoding]\n");
    std::string utf16 = "\xFF\xFE";
    for (const char c : head) {
      utf16 += c;
      utf16 += '\0';
    }
    const auto wide = scratch.check("wide.yaml", utf16);
    CHECK(wide.exitCode == 2);
    CHECK(wide.output ==
          "wide.yaml:1:1: error: the file is UTF-16 or UTF-32 encoded; asynclint reads UTF-8 "
          "(convert it, e.g. with iconv -t UTF-8) [encoding]\n");
  }
}
