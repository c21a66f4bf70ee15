// RFC 6901 JSON pointers as plain strings: "" is the root, "/info/version" a member.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace asynclint::pointer {

std::string escapeToken(std::string_view token);
std::string append(std::string_view pointer, std::string_view token);
// append() in place, for a walk that grows and cuts back one pointer instead of making one per
// node.
void appendTo(std::string& pointer, std::string_view token);
std::string append(std::string_view pointer, std::size_t index);

// appendTo() for the length of a scope: a recursive walk's pointer, one token a level.
class Step {
 public:
  Step(std::string& pointer, std::string_view token) : pointer_(pointer), length_(pointer.size()) {
    appendTo(pointer_, token);
  }
  ~Step() { pointer_.resize(length_); }
  Step(const Step&) = delete;
  Step& operator=(const Step&) = delete;

 private:
  std::string& pointer_;
  std::size_t length_;
};

// The unescaped tokens of `pointer`; nullopt when it is not a well-formed pointer.
std::optional<std::vector<std::string>> split(std::string_view pointer);

std::string parent(std::string_view pointer);
std::string lastToken(std::string_view pointer);

// The member `token` of an object, or the item at index `token` of an array; nullptr when there
// is none.
const nlohmann::json* child(const nlohmann::json& node, const std::string& token);

// The node at `pointer`, or nullptr when there is none.
const nlohmann::json* find(const nlohmann::json& root, std::string_view pointer);

// A short name for people: "info", "channels.userSignedUp.messages", "servers.prod.security[0]";
// keys that would read ambiguously are quoted: channels['orders.created'].
std::string displayPath(const nlohmann::json& root, std::string_view pointer);

}  // namespace asynclint::pointer
