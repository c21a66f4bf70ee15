// The JSON Schema `format`s of the official AsyncAPI schemas that valijson leaves unchecked:
// `uri` (every `url` the specification says "MUST be in the form of an absolute URL", and the
// document `id`) and `email` (the contact's). Each check accepts at least what the official
// parser's validator (ajv-formats, "full" mode) accepts, so that asynclint never reports a value
// the parser takes: a value these reject, ajv rejects too.
#pragma once

#include <string_view>

namespace asynclint::text {

// An absolute URI (RFC 3986): a scheme, ':', then only characters a URI may hold (unreserved,
// sub-delimiters, ":@/?#[]" and %-escapes). No spaces, no quotes, no non-ASCII.
bool isUri(std::string_view text);

// local@domain: dot-separated atoms of the characters RFC 5322 allows, and a domain of at least
// two labels of letters, digits and inner hyphens (1 to 63 characters each).
bool isEmail(std::string_view text);

}  // namespace asynclint::text
