#include "diff/kinds.hpp"

#include <array>

namespace asynclint::diff {
namespace {

constexpr auto breaking = Severity::error;
constexpr auto possibly = Severity::warning;
constexpr auto safe = Severity::info;

constexpr std::array<KindInfo, 21> kinds{{
    {Kind::operationRemoved, "diff-operation-removed", breaking,
     "An operation of the old document is gone"},
    {Kind::actionChanged, "diff-action-changed", breaking,
     "An operation receives what it sent, or sends what it received"},
    {Kind::addressChanged, "diff-address-changed", breaking,
     "An operation's channel has another address"},
    {Kind::messageRemoved, "diff-message-removed", breaking,
     "An operation no longer sends or receives a message"},
    {Kind::sentPayloadWidened, "diff-sent-payload-widened", breaking,
     "A sent message's payload or headers allow values that the old schema did not"},
    {Kind::receivedPayloadNarrowed, "diff-received-payload-narrowed", breaking,
     "A received message's payload or headers reject values that the old schema allowed"},
    {Kind::contentTypeChanged, "diff-content-type-changed", breaking,
     "A message's content type changed"},
    {Kind::schemaFormatChanged, "diff-schema-format-changed", breaking,
     "A payload is written in another schema language"},
    {Kind::serverHostChanged, "diff-server-host-changed", breaking,
     "A server's host changed, a server is gone, or a channel left a server"},
    {Kind::protocolChanged, "diff-protocol-changed", breaking, "A server's protocol changed"},
    {Kind::payloadUndecidable, "diff-payload-undecidable", possibly,
     "asynclint cannot decide whether a payload change breaks its readers"},
    {Kind::sentMessageAdded, "diff-sent-message-added", possibly,
     "An operation sends a message it did not send before"},
    {Kind::unclassifiedChange, "diff-unclassified-change", possibly,
     "A change asynclint does not classify (bindings, security, traits, parameters...)"},
    {Kind::operationAdded, "diff-operation-added", safe, "A new operation"},
    {Kind::receivedMessageAdded, "diff-received-message-added", safe,
     "An operation accepts a message it did not accept before"},
    {Kind::sentPayloadNarrowed, "diff-sent-payload-narrowed", safe,
     "A sent message's payload or headers allow less than before"},
    {Kind::receivedPayloadWidened, "diff-received-payload-widened", safe,
     "A received message's payload or headers accept more than before"},
    {Kind::payloadCompatible, "diff-payload-compatible", safe,
     "A payload or headers schema changed in a way that both its old and new readers accept"},
    {Kind::keyRenamed, "diff-key-renamed", safe,
     "A channel, operation or server key renamed, with the same meaning"},
    {Kind::serverAdded, "diff-server-added", safe, "A new server"},
    {Kind::documentationChanged, "diff-documentation-changed", safe,
     "Descriptions, summaries, titles, examples, tags, external docs or info changed"},
}};

}  // namespace

std::span<const KindInfo> allKinds() {
  return kinds;
}

const KindInfo& infoOf(Kind kind) {
  return kinds[static_cast<std::size_t>(kind)];
}

}  // namespace asynclint::diff
