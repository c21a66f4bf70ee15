// Multi-file documents: every case under testdata/multifile/cases gives exactly its golden output
// (findings in the file that holds them, related to the `$ref` that led there); the root folder
// is enforced before anything is opened; remote references are fetched only when allowed; and
// `bundle` writes documents that check like the originals.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

#include "resolve/remote.hpp"
#include "source/loader.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace asynclint::test;

namespace {

// The keys of the mapping at `pointer` in the order they are written in the file.
std::vector<std::string> writtenKeys(const asynclint::Document& document,
                                     const std::string& pointer) {
  const nlohmann::json& object = document.root.at(nlohmann::json::json_pointer(pointer));
  std::vector<std::pair<std::uint32_t, std::string>> keys;
  for (auto it = object.begin(); it != object.end(); ++it) {
    const auto* spans = document.sourceMap.find(&*it);
    keys.emplace_back(spans != nullptr ? spans->key : UINT32_MAX, it.key());
  }
  std::sort(keys.begin(), keys.end());
  std::vector<std::string> names;
  for (auto& key : keys)
    names.push_back(std::move(key.second));
  return names;
}

const std::string validate = " validate --no-color --root testdata/multifile ";

std::vector<fs::path> cases() {
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(sourceDir() / "testdata/multifile/cases")) {
    if (entry.path().extension() == ".yaml")
      entries.push_back(fs::relative(entry.path(), sourceDir()));
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

// A fresh folder under the build's temporary space, removed at the end of the test.
const char* const messageEntry = R"(asyncapi: 3.0.0
info:
  title: Things
  version: 1.0.0
  description: Reads things.
  contact:
    name: Fixtures
  license:
    name: MIT
servers:
  production:
    host: broker.example.com
    protocol: mqtt
channels:
  things:
    address: things
    description: Things.
    messages:
      thing:
        $ref: '{}'
operations:
  onThing:
    action: receive
    description: Reads things.
    channel:
      $ref: '#/channels/things'
)";

std::string entryReferring(const std::string& ref) {
  std::string text = messageEntry;
  text.replace(text.find("{}"), 2, ref);
  return text;
}

// Rule ids of a validate run's output lines, sorted: what the document is found to have.
std::vector<std::string> rulesIn(const std::string& output) {
  std::vector<std::string> rules;
  const std::regex rule(R"(\[([a-z0-9-]+)\]\n)");
  for (auto it = std::sregex_iterator(output.begin(), output.end(), rule);
       it != std::sregex_iterator(); ++it)
    rules.push_back((*it)[1]);
  std::sort(rules.begin(), rules.end());
  return rules;
}

}  // namespace

TEST_SUITE("multifile") {
  TEST_CASE("every multi-file case gives exactly its golden output and exit code") {
    const auto entries = cases();
    REQUIRE(entries.size() >= 12);
    for (const auto& entry : entries) {
      CAPTURE(entry);
      const auto result = run(binary() + validate + "'" + entry.string() + "'");
      const std::string actual = result.output + "exit: " + std::to_string(result.exitCode) + "\n";
      fs::path golden = sourceDir() / entry;
      golden += ".expected";
      checkAgainstGolden(golden, actual);
      // testdata/multifile-outside.yaml is outside the root: none of it may show.
      CHECK(actual.find("secret-outside-the-root") == std::string::npos);
    }
  }

  TEST_CASE("findings in a referenced file carry its path and line in the JSON output") {
    const auto result =
        run(binary() + validate +
            "--format json testdata/multifile/cases/finding-in-referenced-file.yaml");
    CHECK(result.exitCode == 1);
    CHECK(result.output.find(R"("file": "testdata/multifile/common/bad-message.yaml")") !=
          std::string::npos);
    CHECK(result.output.find(
              R"("file": "testdata/multifile/cases/finding-in-referenced-file.yaml")") !=
          std::string::npos);
  }

  TEST_CASE("without --root, the root is the git work tree (else the current folder)") {
    // testdata/multifile-outside.yaml is inside the project, so it resolves (and has no `name`
    // problem: it is a message named secret-outside-the-root).
    const auto result = run(
        binary() + " validate --no-color -q testdata/multifile/cases/outside-root-relative.yaml");
    CHECK(result.output.find("ref-outside-root") == std::string::npos);
    CHECK(result.exitCode == 0);
  }

  TEST_CASE("a reference out of the root, by .. or by a symbolic link, is refused unopened") {
    // The target is a FIFO with no writer: opening it for reading would block, and the run would
    // end by the timeout (exit 124) instead of reporting.
    TempFolder folder("root");
    const fs::path root = folder.path / "root";
    const fs::path outside = folder.path / "outside";
    fs::create_directories(root / "sub");
    fs::create_directories(outside);
    REQUIRE(::mkfifo((outside / "fifo.yaml").c_str(), 0644) == 0);
    fs::create_symlink(outside / "fifo.yaml", root / "link.yaml");
    fs::create_directory_symlink(outside, root / "sub" / "linked-folder");
    const std::map<std::string, std::string> refs{
        {"dotdot", "../outside/fifo.yaml#/thing"},
        {"symlink", "./link.yaml#/thing"},
        {"symlinked-folder", "./sub/linked-folder/fifo.yaml#/thing"},
        {"absolute", (outside / "fifo.yaml").string() + "#/thing"},
    };
    for (const auto& [name, ref] : refs) {
      CAPTURE(name);
      writeFile(root / (name + ".yaml"), entryReferring(ref));
      const auto result = run("timeout 20 " + binary() + " validate --no-color --root '" +
                              root.string() + "' '" + (root / (name + ".yaml")).string() + "'");
      CHECK(result.exitCode == 1);
      CHECK(result.output.find("is outside the root folder and is not read (--root sets the root "
                               "folder) [ref-outside-root]") != std::string::npos);
      CHECK(result.output.find("1 error, 0 warnings") != std::string::npos);
    }
    // The same FIFO inside the root is opened, and blocks: the check above can fail.
    REQUIRE(::mkfifo((root / "inside-fifo.yaml").c_str(), 0644) == 0);
    writeFile(root / "control.yaml", entryReferring("./inside-fifo.yaml#/thing"));
    const auto control = run("timeout 2 " + binary() + " validate --no-color --root '" +
                             root.string() + "' '" + (root / "control.yaml").string() + "'");
    CHECK(control.exitCode == 124);
  }
}

namespace {

// `python3 -m http.server` on 127.0.0.1 and a port the system picks, serving `folder`; stopped
// (by its process id) at the end of the test. Its log lists each request.
class LocalHttpServer {
 public:
  explicit LocalHttpServer(const fs::path& folder) : log_(folder.parent_path() / "server.log") {
    const auto started =
        run("cd '" + folder.string() + "' && (python3 -u -m http.server 0 --bind 127.0.0.1 > '" +
            log_.string() + "' 2>&1 & echo $!)");
    pid_ = std::stoi(started.output);
    const std::regex serving(R"(port (\d+))");
    for (int attempt = 0; attempt < 100 && port_.empty(); ++attempt) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      std::smatch match;
      const std::string text = fs::exists(log_) ? readFile(log_) : "";
      if (std::regex_search(text, match, serving)) port_ = match[1];
    }
  }
  ~LocalHttpServer() { run("kill " + std::to_string(pid_)); }
  LocalHttpServer(const LocalHttpServer&) = delete;
  LocalHttpServer& operator=(const LocalHttpServer&) = delete;

  std::string url() const { return "http://127.0.0.1:" + port_; }
  bool started() const { return !port_.empty(); }
  // How many times `path` was asked for.
  long requests(const std::string& path) const {
    const std::string text = readFile(log_);
    long count = 0;
    for (auto at = text.find("GET " + path + " "); at != std::string::npos;
         at = text.find("GET " + path + " ", at + 1))
      ++count;
    return count;
  }

 private:
  fs::path log_;
  int pid_ = 0;
  std::string port_;
};

}  // namespace

TEST_SUITE("multifile") {
  TEST_CASE("remote references: refused by default, fetched once each with --allow-remote") {
    REQUIRE_MESSAGE(run("command -v python3").exitCode == 0,
                    "python3 serves the test's files (scripts/setup.sh installs it)");
    TempFolder folder("remote");
    const fs::path served = folder.path / "served";
    fs::create_directories(served / "common");
    writeFile(served / "common" / "messages.yaml", R"(thing:
  name: thing
  contentType: application/json
  payload:
    $ref: './schemas.yaml#/text'
  examples:
    - payload: hello
other:
  $ref: '#/thing'
)");
    writeFile(served / "common" / "schemas.yaml", "text:\n  type: string\n");
    LocalHttpServer server(served);
    REQUIRE(server.started());
    const std::string messages = server.url() + "/common/messages.yaml";
    std::string entry = entryReferring(messages + "#/thing");
    entry.replace(entry.find("operations:"), 0,
                  "      again:\n        $ref: '" + messages + "#/other'\n");
    writeFile(folder.path / "entry.yaml", entry);
    const std::string command = binary() + " validate --no-color --root '" + folder.path.string() +
                                "' '" + (folder.path / "entry.yaml").string() + "'";

    const auto refused = run(command);
    CHECK(refused.exitCode == 1);
    CHECK(refused.output.find("'" + messages +
                              "' is a remote reference, not fetched by default; pass "
                              "--allow-remote to fetch it [ref-remote-disabled]") !=
          std::string::npos);
    CHECK(server.requests("/common/messages.yaml") == 0);

    const auto fetched = run(command + " --allow-remote");
    CHECK(fetched.output == "0 errors, 0 warnings in 1 file\n");
    CHECK(fetched.exitCode == 0);
    CHECK(server.requests("/common/messages.yaml") == 1);
    CHECK(server.requests("/common/schemas.yaml") == 1);

    // Two entries of one run share what they fetch (and what they read).
    writeFile(folder.path / "entry-2.yaml", entry);
    const auto both =
        run(command + " '" + (folder.path / "entry-2.yaml").string() + "' --allow-remote");
    CHECK(both.output == "0 errors, 0 warnings in 2 files\n");
    CHECK(server.requests("/common/messages.yaml") == 2);
    CHECK(server.requests("/common/schemas.yaml") == 2);

    // The size limit, below the 16 MiB default to keep the test small.
    const auto tooLarge = asynclint::resolve::fetchUrl(messages, 5, 20);
    REQUIRE(std::holds_alternative<asynclint::resolve::FetchFailure>(tooLarge));
    CHECK(std::get<asynclint::resolve::FetchFailure>(tooLarge).message ==
          "it is larger than 20 bytes");

    writeFile(folder.path / "missing.yaml", entryReferring(server.url() + "/none.yaml#/thing"));
    const auto missing =
        run(binary() + " validate --no-color --allow-remote --root '" + folder.path.string() +
            "' '" + (folder.path / "missing.yaml").string() + "'");
    CHECK(missing.output.find("none.yaml' cannot be fetched: HTTP status 404 "
                              "[ref-file-unresolved]") != std::string::npos);
    CHECK(missing.exitCode == 1);
  }

  TEST_CASE("the bundle of each social-media service validates and lints like the original") {
    const fs::path examples = sharedDir() / "corpus" / "spec-examples";
    if (!sharedAvailable(examples)) return;
    TempFolder folder("bundle");
    int bundled = 0;
    for (const std::string version : {"2.6.0", "3.0.0", "3.1.0"}) {
      for (const auto& service : fs::directory_iterator(examples / version / "social-media")) {
        const fs::path original = service.path() / "asyncapi.yaml";
        if (!fs::exists(original)) continue;
        for (const std::string extension : {".yaml", ".json"}) {
          CAPTURE(original);
          CAPTURE(extension);
          const fs::path output =
              folder.path / (version + "-" + service.path().filename().string() + extension);
          const std::string root = " --root '" + examples.string() + "' ";
          const auto bundle = run(binary() + " bundle" + root + "'" + original.string() + "' -o '" +
                                  output.string() + "'");
          REQUIRE(bundle.exitCode == 0);
          CHECK(bundle.output.empty());
          const std::string text = readFile(output);
          CHECK(text.find(".yaml#") == std::string::npos);  // no reference to another file
          const auto checked = run(binary() + " validate --no-color '" + output.string() + "'");
          const auto reference =
              run(binary() + " validate --no-color" + root + "'" + original.string() + "'");
          CHECK(checked.exitCode == 0);
          CHECK(checked.output.find(" 0 errors") == std::string::npos);
          CHECK(rulesIn(checked.output) == rulesIn(reference.output));
          ++bundled;
        }
      }
    }
    CHECK(bundled == 30);
  }

  TEST_CASE("bundle output is stable: parts under their names, collisions numbered") {
    for (const std::string name :
         {"name-collisions", "subfolders-and-parents", "schema-cycle", "message-choice-2x"}) {
      CAPTURE(name);
      const auto result =
          run(binary() + " bundle --root testdata/multifile testdata/multifile/cases/" + name +
              ".yaml");
      CHECK(result.exitCode == 0);
      const fs::path golden = sourceDir() / "testdata/multifile/bundles" / (name + ".yaml");
      checkAgainstGolden(golden, result.output);
      const auto checked = run(binary() + " validate --no-color -q '" + golden.string() + "'");
      CHECK(checked.output.empty());
      CHECK(checked.exitCode == 0);
    }
  }

  TEST_CASE("bundling a single-file document gives back the same data, for every YAML scalar") {
    TempFolder folder("bundle-scalars");
    writeFile(folder.path / "entry.yaml", R"(asyncapi: 3.0.0
info:
  title: Scalars
  version: 1.0.0
  x-null: null
  x-tilde: ~
  x-empty-value:
  x-true: true
  x-false: false
  x-yes-string: 'yes'
  x-true-string: "true"
  x-null-string: 'null'
  x-integer: 12
  x-negative: -7
  x-float: 1.5
  x-exponent: 1.0e+3
  x-number-string: "12"
  x-float-string: '1.5'
  x-octal-looking: '0755'
  x-empty-string: ''
  x-colon: 'a: b'
  x-hash: 'a #b'
  x-leading-space: ' padded'
  x-unicode: "h\u00e9llo"
  x-literal: |
    first line
    second line
  x-folded: >
    folded
    text
  'key with: colon': 1
  '123': numeric key
  x-list: [null, true, '1', 1, '']
channels: {}
)");
    const auto original = asynclint::loadFile((folder.path / "entry.yaml").string());
    REQUIRE(original.document.has_value());
    for (const std::string format : {"yaml", "json"}) {
      CAPTURE(format);
      const fs::path output = folder.path / ("bundle." + format);
      const auto result = run(binary() + " bundle --format " + format + " -o '" + output.string() +
                              "' '" + (folder.path / "entry.yaml").string() + "'");
      REQUIRE_MESSAGE(result.exitCode == 0, result.output);
      const auto bundled = asynclint::loadFile(output.string());
      REQUIRE(bundled.document.has_value());
      CHECK_MESSAGE(bundled.document->root == original.document->root,
                    "bundle: " << bundled.document->root.dump(1)
                               << "\noriginal: " << original.document->root.dump(1));
      // In the same order: the keys of the root and of info as they are written.
      for (const std::string pointer : {"", "/info"}) {
        CAPTURE(pointer);
        CHECK(writtenKeys(*bundled.document, pointer) == writtenKeys(*original.document, pointer));
      }
    }
  }

  TEST_CASE("bundle refuses a document with a broken reference, writing nothing") {
    TempFolder folder("bundle-fail");
    const fs::path output = folder.path / "out.yaml";
    writeFile(folder.path / "message.yaml", "thing:\n  name: thing\n");
    writeFile(folder.path / "entry.yaml",
              entryReferring("./message.yaml#/thing") + "components: 5\n");
    const auto noComponents =
        run(binary() + " bundle --root '" + folder.path.string() + "' '" +
            (folder.path / "entry.yaml").string() + "' -o '" + output.string() + "'");
    CHECK(noComponents.exitCode == 2);
    CHECK(noComponents.output.find("its `components` is not a mapping, so nothing can be bundled "
                                   "into it") != std::string::npos);
    CHECK_FALSE(fs::exists(output));
    for (const std::string name : {"missing-file", "message-cycle", "outside-root", "yaml-error"}) {
      CAPTURE(name);
      const std::string entry = "testdata/multifile/cases/" + name + ".yaml";
      const auto result = run(binary() + " bundle --root testdata/multifile " + entry + " -o '" +
                              output.string() + "'");
      CHECK(result.exitCode == 2);
      CHECK_FALSE(fs::exists(output));
      CHECK(result.output.find("asynclint: no bundle written") != std::string::npos);
      // The same errors as validate.
      const auto checked = run(binary() + validate + entry);
      std::vector<std::string> errors;
      std::istringstream lines(checked.output);
      for (std::string line; std::getline(lines, line);) {
        if (line.find(": error: ") != std::string::npos)
          CHECK(result.output.find(line) != std::string::npos);
      }
    }
  }
}

TEST_SUITE("multifile") {
  TEST_CASE("a server that never answers is given up after the timeout") {
    // Listens but never accepts: the connection completes, the answer never comes.
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(listener >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::listen(listener, 4) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    const std::string url =
        "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/slow.yaml";
    const auto fetched = asynclint::resolve::fetchUrl(url, 1, 1000);
    ::close(listener);
    REQUIRE(std::holds_alternative<asynclint::resolve::FetchFailure>(fetched));
    CHECK(std::get<asynclint::resolve::FetchFailure>(fetched).message ==
          "no complete answer within 1 s");
  }
}

TEST_SUITE("multifile") {
  TEST_CASE("a chain of deeply nested files is stopped at the depth limit") {
    // Each file nests a schema 100 levels deep and ends in a reference to the next file: four
    // of them would nest the resolved document 400 levels deep.
    TempFolder folder("deep");
    for (int file = 0; file < 4; ++file) {
      std::string text = "part:\n";
      std::string indent = "  ";
      for (int level = 0; level < 50; ++level) {
        text += indent + "properties:\n" + indent + "  p:\n";
        indent += "    ";
      }
      text += indent + "$ref: './deep-" + std::to_string(file + 1) + ".yaml#/part'\n";
      writeFile(folder.path / ("deep-" + std::to_string(file) + ".yaml"), text);
    }
    writeFile(folder.path / "deep-4.yaml", "part:\n  type: string\n");
    std::string entry = entryReferring("./message.yaml#/thing");
    writeFile(folder.path / "message.yaml",
              "thing:\n  name: thing\n  payload:\n    $ref: './deep-0.yaml#/part'\n");
    writeFile(folder.path / "entry.yaml", entry);
    const auto result = run(binary() + " validate --no-color --root '" + folder.path.string() +
                            "' '" + (folder.path / "entry.yaml").string() + "'");
    CHECK(result.exitCode == 1);
    CHECK(result.output.find("' nests the resolved document deeper than 256 levels [limits]") !=
          std::string::npos);
    CHECK(result.output.find("1 error, 0 warnings") != std::string::npos);
  }
}

TEST_SUITE("multifile") {
  TEST_CASE("each file is opened once, however many references name it (strace)") {
    if (run("strace -o /dev/null true").exitCode != 0) {
      MESSAGE("skipped: strace is not installed or may not trace here");
      return;
    }
    // subfolders-and-parents names parts/channels.yaml twice, common/messages.yaml three times
    // and common/schemas.yaml four times (two of them from messages.yaml).
    TempFolder folder("strace");
    const fs::path trace = folder.path / "trace.txt";
    // LeakSanitizer cannot work under ptrace: in the sanitizer build it would fail the run.
    const auto result =
        run("ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0\" strace -f -e "
            "trace=openat,open -o '" +
            trace.string() + "' " + binary() + validate +
            "-q testdata/multifile/cases/subfolders-and-parents.yaml");
    CHECK(result.exitCode == 0);
    const std::string opened = readFile(trace);
    const auto count = [&](const std::string& file) {
      long times = 0;
      for (auto at = opened.find(file); at != std::string::npos; at = opened.find(file, at + 1))
        ++times;
      return times;
    };
    CHECK(count("common/messages.yaml\"") == 1);
    CHECK(count("common/schemas.yaml\"") == 1);
    CHECK(count("cases/parts/channels.yaml\"") == 1);
  }
}
