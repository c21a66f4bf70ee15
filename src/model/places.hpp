// What sits at a JSON pointer of an AsyncAPI document (2.x or 3), judged from the path alone:
// the one answer to "is this a schema?" for the resolver, the rules and the system view.
#pragma once

#include <string_view>

namespace asynclint::model {

enum class PlaceKind {
  root,
  components,
  map,  // a map or list of named places (channels, messages, traits...)
  channel,
  operation,
  message,  // messages and message traits
  parameter,
  server,
  bindings,  // protocol → binding
  binding,   // a binding's fields hold schemas (Kafka `key`, HTTP `query`, WebSockets `headers`)
  schema,
  other,
};

// The kind of the place at `pointer` (escaped tokens), read from the root down: a place inside a
// schema is `schema` (references may legally recurse there); one the model does not describe
// (an `info`, an extension, a key that is no field) is `other`.
PlaceKind kindAt(std::string_view pointer);

// True when `pointer` lies in a schema: components.schemas, a message's (or message trait's)
// payload or headers, a parameter's schema, a binding's fields, or anything inside one of them.
bool isInSchema(std::string_view pointer);

}  // namespace asynclint::model
