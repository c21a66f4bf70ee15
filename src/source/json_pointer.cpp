#include "source/json_pointer.hpp"

#include <algorithm>
#include <charconv>

namespace asynclint::pointer {

namespace {

void appendEscaped(std::string& out, std::string_view token) {
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
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
    for (std::size_t i = start; i < end; ++i) {
      if (pointer[i] != '~') {
        token += pointer[i];
        continue;
      }
      if (i + 1 >= end || (pointer[i + 1] != '0' && pointer[i + 1] != '1')) return std::nullopt;
      token += pointer[i + 1] == '0' ? '~' : '/';
      ++i;
    }
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

const nlohmann::json* find(const nlohmann::json& root, std::string_view pointerText) {
  const auto tokens = split(pointerText);
  if (!tokens) return nullptr;
  const nlohmann::json* node = &root;
  for (const auto& token : *tokens) {
    node = child(*node, token);
    if (node == nullptr) return nullptr;
  }
  return node;
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
