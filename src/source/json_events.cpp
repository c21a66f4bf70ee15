#include "source/json_events.hpp"

#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>

#include <cstdint>
#include <string>

namespace asynclint {
namespace {

class JsonEventReader {
 public:
  JsonEventReader(std::string_view text, YAML::EventHandler& handler)
      : text_(text), handler_(handler) {}

  void read() {
    skipWhitespace();
    handler_.OnDocumentStart(markAt(position_));
    readValue();
    skipWhitespace();
    if (position_ != text_.size()) fail("unexpected text after the JSON value");
    handler_.OnDocumentEnd();
  }

 private:
  // Nesting is bounded by the handler, which stops at its depth limit.
  void readValue() {
    skipWhitespace();
    const std::size_t start = position_;
    switch (peek()) {
      case '{':
        readObject(start);
        return;
      case '[':
        readArray(start);
        return;
      case '"':
        handler_.OnScalar(markAt(start), "!", YAML::NullAnchor, readString());
        return;
      default:
        readBareValue(start);
    }
  }

  void readObject(std::size_t start) {
    handler_.OnMapStart(markAt(start), "?", YAML::NullAnchor, YAML::EmitterStyle::Flow);
    ++position_;
    skipWhitespace();
    if (!consume('}')) {
      do {
        skipWhitespace();
        if (peek() != '"') fail("expected a string key");
        const std::size_t keyStart = position_;
        handler_.OnScalar(markAt(keyStart), "!", YAML::NullAnchor, readString());
        skipWhitespace();
        if (!consume(':')) fail("expected ':' after a key");
        readValue();
        skipWhitespace();
      } while (consume(','));
      if (!consume('}')) fail("expected ',' or '}'");
    }
    handler_.OnMapEnd();
  }

  void readArray(std::size_t start) {
    handler_.OnSequenceStart(markAt(start), "?", YAML::NullAnchor, YAML::EmitterStyle::Flow);
    ++position_;
    skipWhitespace();
    if (!consume(']')) {
      do {
        readValue();
        skipWhitespace();
      } while (consume(','));
      if (!consume(']')) fail("expected ',' or ']'");
    }
    handler_.OnSequenceEnd();
  }

  void readBareValue(std::size_t start) {
    const std::string_view token = readBareToken();
    if (token == "null") {
      handler_.OnNull(markAt(start), YAML::NullAnchor);
    } else {
      handler_.OnScalar(markAt(start), "?", YAML::NullAnchor, std::string(token));
    }
  }

  // true, false, null or a number: typed later by the same YAML core-schema rules as a plain
  // YAML scalar, so a value means the same in a .json and a .yaml file.
  std::string_view readBareToken() {
    const std::size_t start = position_;
    while (position_ < text_.size() && isBareTokenChar(text_[position_]))
      ++position_;
    if (position_ == start) fail("expected a value");
    return text_.substr(start, position_ - start);
  }

  static bool isBareTokenChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' ||
           c == 'E';
  }

  std::string readString() {
    ++position_;  // the opening quote
    std::string value;
    while (true) {
      const std::size_t run = text_.find_first_of("\"\\", position_);
      if (run == std::string_view::npos) fail("a string is not closed");
      value.append(text_.substr(position_, run - position_));
      position_ = run + 1;
      if (text_[run] == '"') return value;
      appendEscape(value);
    }
  }

  void appendEscape(std::string& value) {
    const char kind = next();
    switch (kind) {
      case '"':
      case '\\':
      case '/':
        value += kind;
        return;
      case 'b':
        value += '\b';
        return;
      case 'f':
        value += '\f';
        return;
      case 'n':
        value += '\n';
        return;
      case 'r':
        value += '\r';
        return;
      case 't':
        value += '\t';
        return;
      case 'u':
        appendUtf8(value, readCodePoint());
        return;
      default:
        fail("invalid escape in a string");
    }
  }

  // A \uXXXX escape, joining a UTF-16 surrogate pair into one code point.
  std::uint32_t readCodePoint() {
    const std::uint32_t unit = readHex4();
    if (unit < 0xD800 || unit > 0xDFFF) return unit;
    if (unit > 0xDBFF || !text_.substr(position_).starts_with("\\u")) {
      fail("a UTF-16 surrogate escape is not paired");
    }
    position_ += 2;
    const std::uint32_t low = readHex4();
    if (low < 0xDC00 || low > 0xDFFF) fail("a UTF-16 surrogate escape is not paired");
    return 0x10000 + ((unit - 0xD800) << 10U) + (low - 0xDC00);
  }

  std::uint32_t readHex4() {
    std::uint32_t unit = 0;
    for (int digit = 0; digit < 4; ++digit) {
      const char c = next();
      unit <<= 4U;
      if (c >= '0' && c <= '9') {
        unit |= static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        unit |= static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        unit |= static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        fail("invalid \\u escape");
      }
    }
    return unit;
  }

  static void appendUtf8(std::string& out, std::uint32_t code) {
    auto byte = [&](std::uint32_t bits) { out += static_cast<char>(bits); };
    if (code < 0x80) {
      byte(code);
    } else if (code < 0x800) {
      byte(0xC0U | (code >> 6U));
      byte(0x80U | (code & 0x3FU));
    } else if (code < 0x10000) {
      byte(0xE0U | (code >> 12U));
      byte(0x80U | ((code >> 6U) & 0x3FU));
      byte(0x80U | (code & 0x3FU));
    } else {
      byte(0xF0U | (code >> 18U));
      byte(0x80U | ((code >> 12U) & 0x3FU));
      byte(0x80U | ((code >> 6U) & 0x3FU));
      byte(0x80U | (code & 0x3FU));
    }
  }

  void skipWhitespace() {
    while (position_ < text_.size() && (text_[position_] == ' ' || text_[position_] == '\t' ||
                                        text_[position_] == '\n' || text_[position_] == '\r')) {
      ++position_;
    }
  }

  char peek() const { return position_ < text_.size() ? text_[position_] : '\0'; }

  char next() {
    if (position_ >= text_.size()) fail("unexpected end of the file");
    return text_[position_++];
  }

  bool consume(char expected) {
    if (peek() != expected) return false;
    ++position_;
    return true;
  }

  static YAML::Mark markAt(std::size_t offset) {
    YAML::Mark mark;
    mark.pos = static_cast<int>(offset);
    return mark;
  }

  [[noreturn]] void fail(const char* message) const {
    throw YAML::ParserException(markAt(position_), message);
  }

  std::string_view text_;
  YAML::EventHandler& handler_;
  std::size_t position_ = 0;
};

}  // namespace

void readJsonEvents(std::string_view text, YAML::EventHandler& handler) {
  JsonEventReader(text, handler).read();
}

}  // namespace asynclint
