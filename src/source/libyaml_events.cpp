#include "source/libyaml_events.hpp"

#include <yaml-cpp/mark.h>
#include <yaml.h>

#include <cstddef>
#include <map>
#include <memory>
#include <string>

#include "source/scalar.hpp"
#include "source/utf8.hpp"

namespace asynclint {
namespace {

// libyaml counts marks in characters; the loader works in bytes. Marks mostly move forward, so
// a cursor that walks the UTF-8 text from the last mark converts them in one pass overall.
class ByteOffsets {
 public:
  explicit ByteOffsets(std::string_view text) : text_(text) {}

  std::size_t of(std::size_t characterIndex) {
    if (characterIndex < characters_) characters_ = bytes_ = 0;
    bytes_ = utf8::skipCodePoints(text_, bytes_, characterIndex - characters_);
    characters_ = characterIndex;
    return bytes_;
  }

 private:
  std::string_view text_;
  std::size_t characters_ = 0;
  std::size_t bytes_ = 0;
};

struct ParserDeleter {
  void operator()(yaml_parser_t* parser) const {
    yaml_parser_delete(parser);
    delete parser;
  }
};

struct Event {
  yaml_event_t event{};
  ~Event() { yaml_event_delete(&event); }
};

class Reader {
 public:
  Reader(std::string_view text, YAML::EventHandler& handler)
      : offsets_(text), handler_(handler), parser_(new yaml_parser_t) {
    yaml_parser_initialize(parser_.get());
    yaml_parser_set_input_string(parser_.get(), reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
    yaml_parser_set_encoding(parser_.get(), YAML_UTF8_ENCODING);
  }

  bool read() {
    bool inDocument = false;
    bool documentEnded = false;
    for (;;) {
      Event current;
      if (yaml_parser_parse(parser_.get(), &current.event) == 0) return false;
      const yaml_event_t& event = current.event;
      switch (event.type) {
        case YAML_STREAM_END_EVENT:
          return true;
        case YAML_DOCUMENT_START_EVENT:
          if (documentEnded) return false;  // a second document: yaml-cpp's error
          inDocument = true;
          handler_.OnDocumentStart(markOf(event));
          break;
        case YAML_DOCUMENT_END_EVENT:
          if (inDocument) handler_.OnDocumentEnd();
          inDocument = false;
          documentEnded = true;
          break;
        case YAML_ALIAS_EVENT: {
          const auto anchor = anchors_.find(textOf(event.data.alias.anchor));
          if (anchor == anchors_.end()) return false;  // unknown anchor: yaml-cpp's error
          handler_.OnAlias(markOf(event), anchor->second);
          break;
        }
        case YAML_SCALAR_EVENT:
          scalar(event);
          break;
        case YAML_SEQUENCE_START_EVENT: {
          const auto& start = event.data.sequence_start;
          handler_.OnSequenceStart(markOf(event), tagOf(start.tag), define(start.anchor),
                                   styleOf(start.style == YAML_FLOW_SEQUENCE_STYLE));
          break;
        }
        case YAML_SEQUENCE_END_EVENT:
          handler_.OnSequenceEnd();
          break;
        case YAML_MAPPING_START_EVENT: {
          const auto& start = event.data.mapping_start;
          handler_.OnMapStart(markOf(event), tagOf(start.tag), define(start.anchor),
                              styleOf(start.style == YAML_FLOW_MAPPING_STYLE));
          break;
        }
        case YAML_MAPPING_END_EVENT:
          handler_.OnMapEnd();
          break;
        default:  // stream start, no event
          break;
      }
    }
  }

 private:
  void scalar(const yaml_event_t& event) {
    const auto& data = event.data.scalar;
    const std::string value(reinterpret_cast<const char*>(data.value), data.length);
    const bool plain = data.style == YAML_PLAIN_SCALAR_STYLE;
    const YAML::anchor_t anchor = define(data.anchor);
    // yaml-cpp: an untagged plain null (~, null, empty) is a null event; "?" marks a plain
    // untagged scalar, "!" any other untagged one.
    if (data.tag == nullptr && plain && isCoreNull(value)) {
      handler_.OnNull(markOf(event), anchor);
      return;
    }
    const std::string tag = data.tag != nullptr ? textOf(data.tag) : plain ? "?" : "!";
    handler_.OnScalar(markOf(event), tag, anchor, value);
  }

  // yaml-cpp numbers anchors from 1 as they are defined; a name defined again is a new anchor.
  YAML::anchor_t define(const yaml_char_t* name) {
    if (name == nullptr) return YAML::NullAnchor;
    const YAML::anchor_t anchor = ++lastAnchor_;
    anchors_[textOf(name)] = anchor;
    return anchor;
  }

  static std::string textOf(const yaml_char_t* text) {
    return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text));
  }
  static std::string tagOf(const yaml_char_t* tag) { return tag == nullptr ? "?" : textOf(tag); }
  static YAML::EmitterStyle::value styleOf(bool flow) {
    return flow ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block;
  }

  YAML::Mark markOf(const yaml_event_t& event) {
    YAML::Mark mark;
    mark.pos = static_cast<int>(offsets_.of(event.start_mark.index));
    return mark;
  }

  ByteOffsets offsets_;
  YAML::EventHandler& handler_;
  std::unique_ptr<yaml_parser_t, ParserDeleter> parser_;
  std::map<std::string, YAML::anchor_t> anchors_;
  YAML::anchor_t lastAnchor_ = 0;
};

}  // namespace

bool readWithLibyaml(std::string_view text, YAML::EventHandler& handler) {
  return Reader(text, handler).read();
}

}  // namespace asynclint
