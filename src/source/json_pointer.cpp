#include "source/json_pointer.hpp"

#include <algorithm>
#include <charconv>

namespace asynclint::pointer {

namespace {

void appendEscaped(std::string& out, std::string_view token) {
  while (true) {
    const std::size_t special = token.find_first_of("~/");
    out.append(token.substr(0, special));
    if (special == std::string_view::npos) return;
    out += token[special] == '~' ? "~0" : "~1";
    token.remove_prefix(special + 1);
  }
}

// The unescaped text of one token ("a~1b" -> "a/b") into `token`; false when an escape is
// malformed.
bool decodeToken(std::string_view escaped, std::string& token) {
  token.clear();
  while (true) {
    const std::size_t tilde = escaped.find('~');
    token.append(escaped.substr(0, tilde));
    if (tilde == std::string_view::npos) return true;
    if (tilde + 1 >= escaped.size() || (escaped[tilde + 1] != '0' && escaped[tilde + 1] != '1'))
      return false;
    token += escaped[tilde + 1] == '0' ? '~' : '/';
    escaped.remove_prefix(tilde + 2);
  }
}

}  // namespace

std::string escapeToken(std::string_view token) {
  std::string escaped;
  escaped.reserve(token.size());
  appendEscaped(escaped, token);
  return escaped;
}

void appendTo(std::string& pointer, std::string_view token) {
  pointer += '/';
  appendEscaped(pointer, token);
}

std::string append(std::string_view pointer, std::string_view token) {
  std::string result(pointer);
  appendTo(result, token);
  return result;
}

std::string append(std::string_view pointer, std::size_t index) {
  return append(pointer, std::to_string(index));
}

std::optional<std::vector<std::string>> split(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  if (pointer.front() != '/') return std::nullopt;
  std::size_t start = 1;
  while (true) {
    const std::size_t end = std::min(pointer.find('/', start), pointer.size());
    std::string token;
    if (!decodeToken(pointer.substr(start, end - start), token)) return std::nullopt;
    tokens.push_back(std::move(token));
    if (end == pointer.size()) break;
    start = end + 1;
  }
  return tokens;
}

std::string parent(std::string_view pointer) {
  const std::size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(pointer.substr(0, slash));
}

std::string lastToken(std::string_view pointer) {
  const auto tokens = split(pointer);
  return tokens && !tokens->empty() ? tokens->back() : std::string();
}

namespace {

std::optional<std::size_t> arrayIndex(const std::string& token) {
  if (token.empty() || (token.size() > 1 && token[0] == '0')) return std::nullopt;
  std::size_t index = 0;
  const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), index);
  if (error != std::errc() || end != token.data() + token.size()) return std::nullopt;
  return index;
}

bool readsPlainly(const std::string& key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '$' ||
           static_cast<unsigned char>(c) >= 0x80;
  });
}

}  // namespace

const nlohmann::json* child(const nlohmann::json& node, const std::string& token) {
  if (node.is_object()) {
    const auto it = node.find(token);
    return it == node.end() ? nullptr : &*it;
  }
  if (node.is_array()) {
    const auto index = arrayIndex(token);
    return index && *index < node.size() ? &node[*index] : nullptr;
  }
  return nullptr;
}

// As split() and child() on each token, with one buffer for the tokens: callers look up pointers
// by the thousand.
const nlohmann::json* find(const nlohmann::json& root, std::string_view pointerText) {
  if (pointerText.empty()) return &root;
  if (pointerText.front() != '/') return nullptr;
  const nlohmann::json* node = &root;
  std::string token;
  std::size_t start = 1;
  while (true) {
    const std::size_t end = std::min(pointerText.find('/', start), pointerText.size());
    if (!decodeToken(pointerText.substr(start, end - start), token)) return nullptr;
    node = child(*node, token);
    if (node == nullptr || end == pointerText.size()) return node;
    start = end + 1;
  }
}

std::string displayPath(const nlohmann::json& root, std::string_view pointerText) {
  const auto tokens = split(pointerText);
  if (!tokens) return std::string(pointerText);
  std::string path;
  const nlohmann::json* node = &root;
  for (const auto& token : *tokens) {
    if (node != nullptr && node->is_array()) {
      path += '[' + token + ']';
    } else if (readsPlainly(token)) {
      if (!path.empty()) path += '.';
      path += token;
    } else {
      path += "['" + token + "']";
    }
    node = node != nullptr ? child(*node, token) : nullptr;
  }
  return path;
}

}  // namespace asynclint::pointer
