// The ids of the built-in findings: those made before the rules run, by the loader, schema
// validation, references across files, the configuration and suppressions. Code that makes or
// tests one names it here; src/engine/builtin_rules.cpp registers each with its metadata.
#pragma once

namespace asynclint::ids {

inline constexpr const char* fileUnreadable = "file-unreadable";
inline constexpr const char* encoding = "encoding";
inline constexpr const char* syntax = "syntax";
inline constexpr const char* limits = "limits";
inline constexpr const char* duplicateKey = "duplicate-key";
inline constexpr const char* documentRoot = "document-root";
inline constexpr const char* asyncapiVersion = "asyncapi-version";
inline constexpr const char* schema = "schema";
inline constexpr const char* refFileUnresolved = "ref-file-unresolved";
inline constexpr const char* refOutsideRoot = "ref-outside-root";
inline constexpr const char* refRemoteDisabled = "ref-remote-disabled";
inline constexpr const char* refFileCycle = "ref-file-cycle";
inline constexpr const char* internalError = "internal-error";
inline constexpr const char* config = "config";
inline constexpr const char* suppressionUnused = "suppression-unused";

}  // namespace asynclint::ids
