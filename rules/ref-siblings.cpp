// Keys written beside a `$ref`: a Reference Object holds nothing else, and tools ignore them.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/context.hpp"
#include "source/json_pointer.hpp"
#include "text/strings.hpp"

namespace asynclint::engine {
namespace {

std::string lowercaseWithoutSpaces(std::string_view text) {
  std::string result = text::asciiLowercase(text);
  std::erase_if(result, [](char c) { return c == ' ' || c == '\t'; });
  return result;
}

// Schema formats whose `$ref` ignores its siblings: AsyncAPI schemas (which say so), JSON Schema
// up to draft-07 and OpenAPI 3.0 schemas. From JSON Schema 2019-09 and OpenAPI 3.1 on, keys
// beside `$ref` apply; other formats (Avro, RAML, Protobuf) have their own rules.
bool ignoresRefSiblings(std::string_view schemaFormat) {
  const std::string format = lowercaseWithoutSpaces(schemaFormat);
  if (format.starts_with("application/vnd.aai.asyncapi")) return true;
  if (format.starts_with("application/schema+json;") ||
      format.starts_with("application/schema+yaml;")) {
    return format.find("version=draft-0") != std::string::npos;
  }
  if (format.starts_with("application/vnd.oai.openapi")) {
    return format.find("version=3.0") != std::string::npos;
  }
  return false;
}

// True when the reference at `tokens` sits inside a schema written in a format whose `$ref` may
// have siblings: the `schema` of a Multi Format Schema Object (AsyncAPI 3) or the `payload` of a
// message with a `schemaFormat` (AsyncAPI 2).
bool inForeignSchema(const nlohmann::json& root, const std::vector<std::string>& tokens) {
  const nlohmann::json* node = &root;
  for (const auto& token : tokens) {
    if (node->is_object()) {
      const auto format = node->find("schemaFormat");
      if (format != node->end() && format->is_string() &&
          (token == "schema" || token == "payload") &&
          !ignoresRefSiblings(format->get_ref<const std::string&>())) {
        return true;
      }
    }
    node = pointer::child(*node, token);
    if (node == nullptr) return false;
  }
  return false;
}

// AsyncAPI 2 Channel Item Objects have a `$ref` field of their own, merged with the fields
// beside it (the spec leaves conflicts undefined), so there the siblings are not ignored.
bool isChannelItem(int majorVersion, const std::vector<std::string>& tokens) {
  if (majorVersion != 2) return false;
  return (tokens.size() == 2 && tokens[0] == "channels") ||
         (tokens.size() == 3 && tokens[0] == "components" && tokens[1] == "channels");
}

std::string explain(const std::string& key, const std::string& target) {
  std::string message = fmt::format(
      "'{}' beside '$ref' is ignored: a Reference Object holds nothing but $ref; move it into "
      "the definition at '{}', or remove it",
      key, target);
  if (key == "description" || key == "summary") {
    message += " (unlike OpenAPI 3.1, AsyncAPI does not let it override the target's)";
  }
  return message;
}

class RefSiblings final : public DocumentRule {
 public:
  RefSiblings()
      : DocumentRule(
            {.id = "ref-siblings",
             .severity = Severity::warning,
             .summary = "Keys beside a `$ref` are ignored: a Reference Object holds nothing else",
             .versions = Versions::all}) {}

  void check(RuleContext& context) const override {
    for (const auto& reference : context.refs().all()) {
      const nlohmann::json* holder = context.at(reference.at);
      if (holder == nullptr || !holder->is_object() || holder->size() < 2) continue;
      // A `$ref` that is not a string is no reference (often a schema property named "$ref").
      const auto ref = holder->find("$ref");
      if (ref == holder->end() || !ref->is_string()) continue;
      const auto tokens = pointer::split(reference.at);
      if (!tokens || isChannelItem(context.majorVersion(), *tokens) ||
          inForeignSchema(context.root(), *tokens)) {
        continue;
      }
      for (const auto& [key, value] : holder->items()) {
        if (key == "$ref") continue;
        context.report(pointer::append(reference.at, key), explain(key, reference.text),
                       Anchor::key);
      }
    }
  }
};

}  // namespace
}  // namespace asynclint::engine

ASYNCLINT_REGISTER_RULE(asynclint::engine::RefSiblings)
