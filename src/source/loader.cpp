#include "source/loader.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <streambuf>
#include <unordered_map>

#include "rule_ids.hpp"
#include "source/json_events.hpp"
#ifdef ASYNCLINT_LIBYAML
#include "source/libyaml_events.hpp"
#endif
#include "source/scalar.hpp"
#include "source/utf8.hpp"

namespace asynclint {
namespace {

using nlohmann::json;

constexpr std::string_view utf8Bom = "\xEF\xBB\xBF";

// A finding that ends loading; carries the diagnostic to report.
struct LoadAbort {
  Diagnostic diagnostic;
};

Diagnostic fileDiagnostic(std::string rule, std::string message, const std::string& path) {
  Diagnostic diagnostic;
  diagnostic.rule = std::move(rule);
  diagnostic.message = std::move(message);
  diagnostic.file = path;
  return diagnostic;
}

LoadResult failure(Diagnostic diagnostic) {
  LoadResult result;
  result.diagnostics.push_back(std::move(diagnostic));
  return result;
}

// Reads a buffer through std::istream without copying it.
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

std::string friendlySyntaxMessage(const std::string& message) {
  static const std::unordered_map<std::string, std::string> known{
      {"illegal map value",
       "unexpected ':' (check the indentation, or quote a value that contains ': ')"},
      {"end of map not found", "a mapping is not closed, or a line has the wrong indentation"},
      {"end of sequence not found", "a list is not closed, or a line has the wrong indentation"},
      {"end of map flow not found", "missing '}' to close a flow mapping"},
      {"end of sequence flow not found", "missing ']' to close a flow list"},
      {"unknown anchor",
       "an alias (*name) refers to an anchor (&name) that is not defined before it"},
      {"invalid map key", "invalid mapping key"},
  };
  const auto it = known.find(message);
  return it == known.end() ? message : it->second;
}

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(Document& document, std::size_t baseOffset, const LoadLimits& limits,
              std::vector<Diagnostic>& findings)
      : document_(document), base_(baseOffset), limits_(limits), findings_(findings) {}

  bool sawDocument() const { return sawDocument_; }

  void OnDocumentStart(const YAML::Mark&) override { sawDocument_ = true; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    placeScalar(nullOffset(mark), anchor, json(nullptr), nullptr);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (value.size() > limits_.maxScalarBytes) {
      abort(ids::limits, mark,
            fmt::format("a value is longer than {} MiB", limits_.maxScalarBytes >> 20U));
    }
    const ScalarStyle style = tag == "!" ? ScalarStyle::quoted : ScalarStyle::plain;
    if (isKeyPosition()) {
      acceptKey(offsetOf(mark), value, tag == "?" && value == "<<");
      if (anchor != 0) remember(anchor, json(value), {NodeSpans::none, offsetOf(mark), false});
      return;
    }
    placeScalar(offsetOf(mark), anchor, typeScalar(tag, style, value), nullptr);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      abort(ids::syntax, mark,
            "an alias refers to an anchor that is still being defined (a recursive alias)");
    }
    spendAliasBudget(it->second.nodeCount, mark);
    if (isKeyPosition()) {
      if (!it->second.value.is_string()) abort(ids::syntax, mark, "a mapping key must be a scalar");
      acceptKey(offsetOf(mark), it->second.value.get<std::string>(), false);
      return;
    }
    placeScalar(offsetOf(mark), 0, it->second.value, &it->second.value);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    openCollection(mark, anchor, style, false);
  }
  void OnSequenceEnd() override { closeCollection(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    openCollection(mark, anchor, style, true);
  }
  void OnMapEnd() override { closeCollection(); }

 private:
  struct Slot {
    json* node;
    bool deferred;  // a list item: it may still move, so its place is recorded when the list ends
    bool recorded;  // false for values that are thrown away (the second of two duplicate keys)
  };

  struct Frame {
    json* node = nullptr;
    bool isMap = false;
    bool inFlow = false;  // inside a flow collection ({...} or [...]), as all of JSON is
    YAML::anchor_t anchor = 0;
    NodeSpans spans;
    Slot slot{};
    // Mappings: the key that waits for its value.
    std::optional<std::string> pendingKey;
    std::uint32_t pendingKeyOffset = NodeSpans::none;
    bool pendingIsMerge = false;
    bool pendingIsDuplicate = false;
    std::unique_ptr<json> mergeSources;
    std::unique_ptr<json> discarded;
    // Lists: where each item is written, recorded once the items stop moving.
    std::vector<NodeSpans> itemSpans;
  };

  struct Anchored {
    json value;
    std::size_t nodeCount = 1;
  };

  std::uint32_t offsetOf(const YAML::Mark& mark) const {
    return static_cast<std::uint32_t>(base_ + static_cast<std::size_t>(std::max(mark.pos, 0)));
  }

  // An empty value is reported where its key is; yaml-cpp marks the next token instead.
  std::uint32_t nullOffset(const YAML::Mark& mark) const {
    const std::uint32_t offset = offsetOf(mark);
    const std::string_view rest = std::string_view(document_.text)
                                      .substr(std::min<std::size_t>(offset, document_.text.size()));
    const bool written = rest.starts_with("~") || rest.starts_with("null") ||
                         rest.starts_with("Null") || rest.starts_with("NULL");
    if (!written && !stack_.empty() && stack_.back().isMap && stack_.back().pendingKey) {
      return stack_.back().pendingKeyOffset;
    }
    return offset;
  }

  [[noreturn]] void abort(const char* rule, const YAML::Mark& mark, std::string message) const {
    abortAt(rule, offsetOf(mark), std::move(message));
  }

  [[noreturn]] void abortAt(const char* rule, std::uint32_t offset, std::string message) const {
    Diagnostic diagnostic = fileDiagnostic(rule, std::move(message), document_.path);
    diagnostic.range.start = document_.lines.position(document_.text, offset);
    diagnostic.range.end = diagnostic.range.start;
    throw LoadAbort{std::move(diagnostic)};
  }

  void checkEntryCount(const json& collection, std::uint32_t offset) const {
    if (collection.size() >= limits_.maxEntries) {
      abortAt(ids::limits, offset,
              fmt::format("a {} has more than {} entries",
                          collection.is_object() ? "mapping" : "list", limits_.maxEntries));
    }
  }

  void spendAliasBudget(std::size_t nodes, const YAML::Mark& mark) {
    aliasNodes_ += nodes;
    if (aliasNodes_ > limits_.maxAliasNodes) {
      abort(
          ids::limits, mark,
          fmt::format("aliases expand to more than {} nodes (an alias bomb?); asynclint stops here",
                      limits_.maxAliasNodes));
    }
  }

  bool isKeyPosition() const {
    return !stack_.empty() && stack_.back().isMap && !stack_.back().pendingKey;
  }

  void acceptKey(std::uint32_t offset, const std::string& key, bool isMerge) {
    if (key.size() > limits_.maxKeyBytes) {
      abortAt(ids::limits, offset,
              fmt::format("a key is longer than {} characters", limits_.maxKeyBytes));
    }
    Frame& frame = stack_.back();
    checkEntryCount(*frame.node, offset);
    frame.pendingKey = key;
    frame.pendingKeyOffset = offset;
    frame.pendingIsMerge = isMerge;
    frame.pendingIsDuplicate = false;
    if (isMerge) return;
    const auto existing = frame.node->find(key);
    if (existing == frame.node->end()) return;
    frame.pendingIsDuplicate = true;
    Diagnostic diagnostic = fileDiagnostic(
        ids::duplicateKey,
        fmt::format("duplicate key '{}': it is already defined in this mapping", key),
        document_.path);
    diagnostic.range = tokenRange(document_.text, document_.lines, offset, frame.inFlow);
    RelatedLocation first;
    first.file = document_.path;
    first.message = "first defined here";
    if (const NodeSpans* spans = document_.sourceMap.find(&*existing)) {
      first.range = tokenRange(document_.text, document_.lines, spans->key, spans->inFlow);
    }
    diagnostic.related.push_back(std::move(first));
    findings_.push_back(std::move(diagnostic));
  }

  // Where the next value goes: the root, a list item, a mapping member, or a holder.
  Slot takeSlot(std::uint32_t offset) {
    if (stack_.empty()) return {&document_.root, false, true};
    Frame& frame = stack_.back();
    if (!frame.isMap) {
      checkEntryCount(*frame.node, offset);
      frame.node->push_back(nullptr);
      return {&frame.node->back(), true, true};
    }
    if (frame.pendingIsMerge) {
      frame.mergeSources = std::make_unique<json>();
      return {frame.mergeSources.get(), false, true};
    }
    if (frame.pendingIsDuplicate) {
      frame.discarded = std::make_unique<json>();
      return {frame.discarded.get(), false, false};
    }
    json& member = (*frame.node)[*frame.pendingKey];
    return {&member, false, true};
  }

  NodeSpans spansHere(std::uint32_t valueOffset) const {
    NodeSpans spans;
    spans.value = valueOffset;
    if (!stack_.empty()) {
      spans.inFlow = stack_.back().inFlow;
      if (stack_.back().isMap) spans.key = stack_.back().pendingKeyOffset;
    }
    return spans;
  }

  void record(const Slot& slot, const NodeSpans& spans) {
    if (!slot.recorded) return;
    if (stack_.empty()) {
      document_.sourceMap.setRoot(spans);
    } else if (slot.deferred) {
      stack_.back().itemSpans.push_back(spans);
    } else {
      document_.sourceMap.record(slot.node, spans);
    }
  }

  void finishValue() {
    if (stack_.empty() || !stack_.back().isMap) return;
    Frame& frame = stack_.back();
    frame.pendingKey.reset();
    frame.pendingIsDuplicate = false;
    frame.discarded.reset();
  }

  // Places a scalar, or a copy of an anchored value (`copiedFrom`) whose inner nodes keep the
  // places where the anchor wrote them.
  void placeScalar(std::uint32_t offset, YAML::anchor_t anchor, json value,
                   const json* copiedFrom) {
    if (isKeyPosition()) {
      acceptKey(offset, value.is_null() ? std::string() : value.dump(), false);
      return;
    }
    const NodeSpans spans = spansHere(offset);
    const Slot slot = takeSlot(spans.value);
    *slot.node = std::move(value);
    record(slot, spans);
    if (copiedFrom != nullptr && slot.recorded) copyChildSpans(*copiedFrom, *slot.node);
    if (anchor != 0) remember(anchor, *slot.node, spans);
    finishValue();
  }

  void openCollection(const YAML::Mark& mark, YAML::anchor_t anchor,
                      YAML::EmitterStyle::value style, bool isMap) {
    if (isKeyPosition())
      abort(ids::syntax, mark, "a mapping key must be a scalar, not a collection");
    if (stack_.size() >= limits_.maxDepth) {
      abort(ids::limits, mark, fmt::format("nesting is deeper than {} levels", limits_.maxDepth));
    }
    const NodeSpans spans = spansHere(offsetOf(mark));
    const Slot slot = takeSlot(spans.value);
    *slot.node = isMap ? json::object() : json::array();
    Frame frame;
    frame.node = slot.node;
    frame.isMap = isMap;
    frame.inFlow = spans.inFlow || style == YAML::EmitterStyle::Flow;
    frame.anchor = anchor;
    frame.spans = spans;
    frame.slot = slot;
    stack_.push_back(std::move(frame));
  }

  void closeCollection() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    if (frame.isMap && frame.mergeSources) applyMerge(frame);
    if (!frame.isMap && frame.slot.recorded) {
      for (std::size_t i = 0; i < frame.itemSpans.size(); ++i) {
        document_.sourceMap.record(&(*frame.node)[i], frame.itemSpans[i]);
      }
    }
    record(frame.slot, frame.spans);
    if (frame.anchor != 0) remember(frame.anchor, *frame.node, frame.spans);
    finishValue();
  }

  // YAML merge keys (<<): members of the merged mappings that the mapping does not define itself.
  void applyMerge(Frame& frame) {
    const json& sources = *frame.mergeSources;
    const YAML::Mark mark;
    auto mergeOne = [&](const json& source) {
      if (!source.is_object()) {
        Diagnostic diagnostic = fileDiagnostic(
            ids::syntax, "the value of a merge key (<<) must be a mapping or a list of mappings",
            document_.path);
        diagnostic.range =
            tokenRange(document_.text, document_.lines, frame.spans.value, frame.inFlow);
        throw LoadAbort{std::move(diagnostic)};
      }
      for (const auto& [key, value] : source.items()) {
        if (frame.node->contains(key)) continue;
        spendAliasBudget(countNodes(value), mark);
        json& member = (*frame.node)[key] = value;
        if (const NodeSpans* spans = document_.sourceMap.find(&value))
          document_.sourceMap.record(&member, *spans);
        copyChildSpans(value, member);
      }
    };
    if (sources.is_array()) {
      for (const auto& source : sources)
        mergeOne(source);
    } else {
      mergeOne(sources);
    }
  }

  static std::size_t countNodes(const json& node) {
    std::size_t count = 1;
    if (node.is_structured()) {
      for (const auto& child : node)
        count += countNodes(child);
    }
    return count;
  }

  void copyChildSpans(const json& from, json& to) {
    if (!from.is_structured()) return;
    auto source = from.begin();
    for (auto target = to.begin(); target != to.end(); ++target, ++source) {
      if (const NodeSpans* spans = document_.sourceMap.find(&*source)) {
        document_.sourceMap.record(&*target, *spans);
      }
      copyChildSpans(*source, *target);
    }
  }

  void remember(YAML::anchor_t anchor, const json& value, const NodeSpans& spans) {
    Anchored& anchored = anchors_[anchor];
    anchored.value = value;
    anchored.nodeCount = countNodes(value);
    document_.sourceMap.record(&anchored.value, spans);
    copyChildSpans(value, anchored.value);
  }

  Document& document_;
  std::size_t base_;
  const LoadLimits& limits_;
  std::vector<Diagnostic>& findings_;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  std::size_t aliasNodes_ = 0;
  bool sawDocument_ = false;
};

// Stops the parser at the start of a second document.
class SecondDocumentProbe final : public YAML::EventHandler {
 public:
  struct Found {
    YAML::Mark mark;
  };
  void OnDocumentStart(const YAML::Mark& mark) override { throw Found{mark}; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

std::optional<Diagnostic> checkEncoding(const Document& document, std::size_t start) {
  const std::string_view text(document.text);
  auto at = [&](std::string rule, std::size_t offset, std::string message) {
    Diagnostic diagnostic = fileDiagnostic(std::move(rule), std::move(message), document.path);
    diagnostic.range.start = document.lines.position(text, offset);
    diagnostic.range.end = diagnostic.range.start;
    return diagnostic;
  };
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF") ||
      (text.size() >= 2 && (text[0] == '\0' || text[1] == '\0'))) {
    return at(ids::encoding, 0,
              "the file is UTF-16 or UTF-32 encoded; asynclint reads UTF-8 (convert it, "
              "e.g. with iconv -t UTF-8)");
  }
  const std::size_t nul = text.find('\0', start);
  if (nul != std::string_view::npos) {
    return at(ids::encoding, nul,
              "the file contains a NUL byte: it is binary, not YAML or JSON text");
  }
  if (const auto invalid = utf8::firstInvalidByte(text.substr(start))) {
    const std::size_t offset = start + *invalid;
    return at(ids::encoding, offset,
              fmt::format("invalid UTF-8 byte 0x{:02X}: the file must be UTF-8 text",
                          static_cast<unsigned char>(text[offset])));
  }
  return std::nullopt;
}

// A tree-less pass of nlohmann's parser holds JSON to JSON's grammar and names its errors
// precisely, so that readJsonEvents() (which builds the tree with positions) only meets valid
// JSON.
std::optional<Diagnostic> checkJsonSyntax(const Document& document, std::size_t start) {
  struct Discard : nlohmann::json_sax<json> {
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& error) override {
      offset = position;
      message = error.what();
      return false;
    }
    std::size_t offset = 0;
    std::string message;
  } sax;
  const std::string_view body = std::string_view(document.text).substr(start);
  if (json::sax_parse(body.begin(), body.end(), &sax)) return std::nullopt;
  // "[json.exception.parse_error.101] parse error at line 3, column 4: syntax error while ..."
  std::string detail = sax.message;
  if (const std::size_t colon = detail.find(": "); colon != std::string::npos)
    detail = detail.substr(colon + 2);
  if (detail.starts_with("syntax error ")) detail = detail.substr(13);
  Diagnostic diagnostic =
      fileDiagnostic(ids::syntax, "JSON syntax error: " + detail, document.path);
  diagnostic.range.start =
      document.lines.position(document.text, start + (sax.offset > 0 ? sax.offset - 1 : 0));
  diagnostic.range.end = diagnostic.range.start;
  return diagnostic;
}

// yaml-cpp scans a scalar to its end before any event, at about 20 MB/s; a line much longer than
// the longest value allowed holds such a value (or a one-line flow document that big), so it is
// refused before the scan. The slack leaves room for a key, indentation and quotes.
std::optional<Diagnostic> checkLineLengths(const Document& document, std::size_t start,
                                           const LoadLimits& limits) {
  const std::string_view text(document.text);
  for (std::size_t lineStart = start; lineStart < text.size();) {
    const std::size_t newline = text.find('\n', lineStart);
    const std::size_t lineEnd = newline == std::string_view::npos ? text.size() : newline;
    constexpr std::size_t slack = std::size_t{64} << 10U;
    if (lineEnd - lineStart > limits.maxScalarBytes + slack) {
      const std::size_t firstChar = text.find_first_not_of(" \t", lineStart);
      Diagnostic diagnostic =
          fileDiagnostic(ids::limits,
                         fmt::format("a line is longer than {} MiB, the limit for one value",
                                     limits.maxScalarBytes >> 20U),
                         document.path);
      diagnostic.range.start = document.lines.position(text, std::min(firstChar, lineEnd));
      diagnostic.range.end = diagnostic.range.start;
      return diagnostic;
    }
    lineStart = lineEnd + 1;
  }
  return std::nullopt;
}

// What a parse left: no tree (the text holds no YAML document) or the document's tree.
enum class Parsed { noDocument, document };

// Builds the tree with libyaml's faster parser when the text is a clean YAML document; nullopt
// otherwise (a syntax error, a duplicate key, an unknown anchor...), leaving the document as it
// found it, for yaml-cpp to load with the messages and positions asynclint has always given. A
// limit reached (an alias bomb, say) is final: parsing the text again would double the cost of
// exactly the inputs that are built to be costly.
std::optional<Parsed> parsedWithLibyaml([[maybe_unused]] Document& document,
                                        [[maybe_unused]] std::size_t start,
                                        [[maybe_unused]] const LoadLimits& limits) {
#ifndef ASYNCLINT_LIBYAML  // the WebAssembly build
  return std::nullopt;
#else
  std::vector<Diagnostic> findings;
  try {
    TreeBuilder builder(document, start, limits, findings);
    if (readWithLibyaml(std::string_view(document.text).substr(start), builder) && findings.empty())
      return builder.sawDocument() ? Parsed::document : Parsed::noDocument;
  } catch (const LoadAbort& abort) {
    if (abort.diagnostic.rule == ids::limits) throw;
  }
  document.root = nlohmann::json();
  document.sourceMap = SourceMap();
  return std::nullopt;
#endif
}

// Parses the first YAML document into `builder`; a second document is an error.
std::optional<Diagnostic> parseYaml(const Document& document, std::size_t start,
                                    TreeBuilder& builder) {
  const std::string_view body = std::string_view(document.text).substr(start);
  MemoryBuffer buffer(body);
  std::istream stream(&buffer);
  YAML::Parser parser(stream);
  parser.HandleNextDocument(builder);
  if (!builder.sawDocument()) return std::nullopt;
  try {
    SecondDocumentProbe probe;
    parser.HandleNextDocument(probe);
  } catch (const SecondDocumentProbe::Found& found) {
    Diagnostic second = fileDiagnostic(
        ids::syntax,
        "the file holds more than one YAML document; an AsyncAPI document is a single one",
        document.path);
    second.range.start =
        document.lines.position(document.text, start + static_cast<std::size_t>(found.mark.pos));
    second.range.end = second.range.start;
    return second;
  }
  return std::nullopt;
}

// YAML 1.2 counts a carriage return alone as a line break, as it does CR LF and LF; yaml-cpp
// knows only the last two. A lone CR becomes LF in place (same length, so every offset holds),
// and the line index and the code frames of the reporters see the same lines as the parser.
// Returns true when something changed.
bool lineBreaksFromLoneCarriageReturns(std::string& text) {
  bool changed = false;
  for (std::size_t at = text.find('\r'); at != std::string::npos; at = text.find('\r', at + 1)) {
    if (at + 1 < text.size() && text[at + 1] == '\n') continue;
    text[at] = '\n';
    changed = true;
  }
  return changed;
}

SourceFormat detectFormat(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (text[first] == '{' || text[first] == '[')
             ? SourceFormat::json
             : SourceFormat::yaml;
}

}  // namespace

LoadResult loadText(std::string path, std::string text, const LoadLimits& limits) {
  if (text.size() > limits.maxBytes) {
    return failure(fileDiagnostic(
        ids::limits, fmt::format("the file is larger than {} MiB", limits.maxBytes >> 20U), path));
  }
  Document document;
  document.path = std::move(path);
  document.text = std::move(text);
  document.lines = LineIndex(document.text);
  const std::size_t start =
      std::string_view(document.text).starts_with(utf8Bom) ? utf8Bom.size() : 0;
  if (auto problem = checkEncoding(document, start)) return failure(std::move(*problem));
  const std::string_view body = std::string_view(document.text).substr(start);
  document.format = detectFormat(body);
  if (document.format == SourceFormat::yaml && lineBreaksFromLoneCarriageReturns(document.text))
    document.lines = LineIndex(document.text);
  if (document.format == SourceFormat::json) {
    if (auto problem = checkJsonSyntax(document, start)) return failure(std::move(*problem));
  }

  if (document.format == SourceFormat::yaml) {
    if (auto problem = checkLineLengths(document, start, limits))
      return failure(std::move(*problem));
  }

  // About one node a line, in block YAML and in JSON as people write it: room for them all
  // before the first node, rather than growing the map as a large document comes in.
  document.sourceMap.reserve(document.lines.lineCount());
  LoadResult result;
  try {
    bool sawDocument = false;
    if (document.format == SourceFormat::json) {
      TreeBuilder builder(document, start, limits, result.diagnostics);
      readJsonEvents(body, builder);
      sawDocument = builder.sawDocument();
    } else if (const auto parsed = parsedWithLibyaml(document, start, limits)) {
      sawDocument = *parsed == Parsed::document;
    } else {
      TreeBuilder builder(document, start, limits, result.diagnostics);
      if (auto problem = parseYaml(document, start, builder)) return failure(std::move(*problem));
      sawDocument = builder.sawDocument();
    }
    if (!sawDocument) {
      Diagnostic empty = fileDiagnostic(ids::documentRoot,
                                        "the file is empty: an AsyncAPI document is a "
                                        "YAML mapping or a JSON object",
                                        document.path);
      empty.range.start = {1, 1};
      empty.range.end = empty.range.start;
      result.diagnostics.push_back(std::move(empty));
      result.document = std::move(document);
      return result;
    }
  } catch (const LoadAbort& abort) {
    return failure(abort.diagnostic);
  } catch (const YAML::Exception& error) {
    const char* kind = document.format == SourceFormat::json ? "JSON" : "YAML";
    std::string message =
        fmt::format("{} syntax error: {}", kind, friendlySyntaxMessage(error.msg));
    if (error.msg.starts_with("invalid unicode")) {
      // yaml-cpp cannot decode an escaped UTF-16 surrogate pair, which JSON allows.
      message = R"(escaped UTF-16 surrogate pairs (such as \ud83d\ude00) are not supported: )"
                R"(write the character itself (or \U0001F600 in YAML))";
    }
    Diagnostic syntax = fileDiagnostic(ids::syntax, std::move(message), document.path);
    syntax.range.start = document.lines.position(
        document.text, start + static_cast<std::size_t>(std::max(error.mark.pos, 0)));
    syntax.range.end = syntax.range.start;
    return failure(std::move(syntax));
  }
  result.document = std::move(document);
  return result;
}

LoadResult loadFile(const std::string& path, const LoadLimits& limits) {
  if (path == "-") {
    std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return loadText("<stdin>", std::move(text), limits);
  }
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    return failure(fileDiagnostic(ids::fileUnreadable, "no such file", path));
  }
  if (std::filesystem::is_directory(status)) {
    return failure(fileDiagnostic(ids::fileUnreadable, "is a directory, not a file", path));
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return failure(fileDiagnostic(ids::fileUnreadable,
                                  fmt::format("cannot open: {}", std::strerror(errno)), path));
  }
  std::string text;
  const auto size = std::filesystem::file_size(path, error);
  if (!error && std::filesystem::is_regular_file(status)) {
    if (size > limits.maxBytes) {
      return failure(fileDiagnostic(
          ids::limits, fmt::format("the file is larger than {} MiB", limits.maxBytes >> 20U),
          path));
    }
    text.resize(size);
    file.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(file.gcount()));
  } else {
    text.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  }
  if (file.bad()) {
    return failure(fileDiagnostic(ids::fileUnreadable,
                                  fmt::format("cannot read: {}", std::strerror(errno)), path));
  }
  return loadText(path, std::move(text), limits);
}

}  // namespace asynclint
