// The kinds of change `asynclint diff` tells apart, each a rule of the registry (id, verdict as
// severity, summary, documentation in rules/<id>.md), so that configuration, `--rule`,
// `asynclint rules`, `explain` and the reporters know them. docs/diff.md gives the reasoning.
#pragma once

#include <span>
#include <string_view>

#include "diagnostic.hpp"

namespace asynclint::diff {

enum class Kind {
  // breaking (error)
  operationRemoved,
  actionChanged,
  addressChanged,
  messageRemoved,
  sentPayloadWidened,
  receivedPayloadNarrowed,
  contentTypeChanged,
  schemaFormatChanged,
  serverHostChanged,
  protocolChanged,
  // possibly breaking (warning)
  payloadUndecidable,
  sentMessageAdded,
  unclassifiedChange,
  // safe (info)
  operationAdded,
  receivedMessageAdded,
  sentPayloadNarrowed,
  receivedPayloadWidened,
  payloadCompatible,
  keyRenamed,
  serverAdded,
  documentationChanged,
};

struct KindInfo {
  Kind kind;
  std::string_view id;
  Severity severity;  // breaking: error, possibly breaking: warning, safe: info
  std::string_view summary;
};

// Every kind, in the order of the enum.
std::span<const KindInfo> allKinds();
const KindInfo& infoOf(Kind kind);

}  // namespace asynclint::diff
