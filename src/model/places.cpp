#include "model/places.hpp"

#include <algorithm>

namespace asynclint::model {
namespace {

struct Place {
  PlaceKind kind = PlaceKind::other;
  PlaceKind entries = PlaceKind::other;
};

Place mapOf(PlaceKind entries) {
  return {PlaceKind::map, entries};
}

Place componentsMember(std::string_view token) {
  if (token == "schemas") return mapOf(PlaceKind::schema);
  if (token == "messages" || token == "messageTraits") return mapOf(PlaceKind::message);
  if (token == "channels") return mapOf(PlaceKind::channel);
  if (token == "parameters") return mapOf(PlaceKind::parameter);
  if (token == "operations" || token == "operationTraits") return mapOf(PlaceKind::operation);
  if (token == "servers") return mapOf(PlaceKind::server);
  if (token.ends_with("Bindings")) return mapOf(PlaceKind::bindings);
  return {};
}

// The place of member `token` (an escaped pointer token) of a place of `kind`.
Place memberOf(PlaceKind kind, std::string_view token) {
  if (kind == PlaceKind::bindings) return {PlaceKind::binding};
  if (kind == PlaceKind::binding) return {PlaceKind::schema};
  if (token == "bindings" && kind != PlaceKind::root && kind != PlaceKind::components) {
    return {PlaceKind::bindings};
  }
  switch (kind) {
    case PlaceKind::root:
      if (token == "channels") return mapOf(PlaceKind::channel);
      if (token == "operations") return mapOf(PlaceKind::operation);
      if (token == "servers") return mapOf(PlaceKind::server);
      if (token == "components") return {PlaceKind::components};
      return {};
    case PlaceKind::components:
      return componentsMember(token);
    case PlaceKind::channel:
      if (token == "messages") return mapOf(PlaceKind::message);
      if (token == "parameters") return mapOf(PlaceKind::parameter);
      if (token == "publish" || token == "subscribe") return {PlaceKind::operation};
      return {};
    case PlaceKind::operation:
      if (token == "message") return {PlaceKind::message};
      if (token == "traits") return mapOf(PlaceKind::operation);
      return {};
    case PlaceKind::message:
      if (token == "payload" || token == "headers") return {PlaceKind::schema};
      if (token == "traits" || token == "oneOf") return mapOf(PlaceKind::message);
      return {};
    case PlaceKind::parameter:
      if (token == "schema") return {PlaceKind::schema};
      return {};
    default:
      return {};
  }
}

}  // namespace

PlaceKind kindAt(std::string_view at) {
  Place place{PlaceKind::root};
  std::size_t start = 1;
  while (start <= at.size()) {
    const std::size_t end = std::min(at.find('/', start), at.size());
    const std::string_view token = at.substr(start, end - start);
    place = place.kind == PlaceKind::map ? Place{place.entries} : memberOf(place.kind, token);
    if (place.kind == PlaceKind::schema || place.kind == PlaceKind::other) return place.kind;
    start = end + 1;
  }
  return place.kind;
}

bool isInSchema(std::string_view at) {
  return kindAt(at) == PlaceKind::schema;
}

}  // namespace asynclint::model
