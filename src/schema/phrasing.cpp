#include "schema/phrasing.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "source/json_pointer.hpp"

namespace asynclint::schema {
namespace {

using nlohmann::json;

std::string withArticle(std::string_view typeName) {
  if (typeName == "null") return "null";
  const bool vowel = !typeName.empty() &&
                     std::string_view("aeiou").find(typeName.front()) != std::string_view::npos;
  return fmt::format("{} {}", vowel ? "an" : "a", typeName);
}

// The JSON text of `value`, a string without quotes.
std::string plainText(const json& value) {
  return value.is_string() ? value.get<std::string>()
                           : value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string typeOf(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "integer";
    case json::value_t::number_float:
      return "number";
    case json::value_t::string:
      return "string";
    case json::value_t::array:
      return "array";
    case json::value_t::object:
      return "object";
    default:
      return "value";
  }
}

std::string literal(const json& value) {
  return value.is_string() ? "'" + plainText(value) + "'" : plainText(value);
}

std::string describeFound(const json& value) {
  if (value.is_structured()) return withArticle(typeOf(value));
  std::string text = plainText(value);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  if (value.is_string()) return "'" + text + "'";
  if (value.is_null()) return "null";
  return fmt::format("{} ({})", text, typeOf(value));
}

std::string typeList(const std::vector<std::string>& typeNames) {
  std::string list;
  for (std::size_t i = 0; i < typeNames.size(); ++i) {
    if (i > 0) list += i + 1 == typeNames.size() ? " or " : ", ";
    list += withArticle(typeNames[i]);
  }
  return list;
}

std::string allowedValues(const std::vector<std::string>& values) {
  constexpr std::size_t listed = 10;  // enough to recognise the list, short enough to read
  if (values.size() == 1) return values.front();
  const std::size_t shown = std::min(values.size(), listed);
  std::string list = "one of " + values.front();
  for (std::size_t i = 1; i < shown; ++i)
    list += (i + 1 == values.size() ? " or " : ", ") + values[i];
  const std::size_t others = values.size() - shown;
  if (others > 0) list += fmt::format(" or {} other{}", others, others == 1 ? "" : "s");
  return list;
}

std::string nodeName(const json& root, const std::string& nodePointer) {
  if (nodePointer.empty()) return "the document";
  const std::string parentPointer = pointer::parent(nodePointer);
  const json* parent = pointer::find(root, parentPointer);
  const std::string token = pointer::lastToken(nodePointer);
  if (parent != nullptr && parent->is_array()) {
    return parentPointer.empty()
               ? fmt::format("item {}", token)
               : fmt::format("item {} of '{}'", token, pointer::lastToken(parentPointer));
  }
  return "'" + token + "'";
}

}  // namespace asynclint::schema
