#include "diff/diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

#include "model/asyncapi.hpp"
#include "model/schema_format.hpp"
#include "source/json_pointer.hpp"
#include "system/compatibility.hpp"

namespace asynclint::diff {
namespace {

using nlohmann::json;
using system::Action;
using system::MessageModel;
using system::OperationModel;
using system::ServiceModel;

const json& anything() {
  static const json empty = json::object();
  return empty;
}

std::string shapeOf(const std::string& address) {
  return model::asyncapi::withoutParameterNames(address);
}

std::string_view participle(Action action) {
  return action == Action::send ? "sent" : "received";
}

std::string_view verb(Action action) {
  return action == Action::send ? "sends" : "receives";
}

bool isDocumentation(const std::string& key) {
  return key == "description" || key == "summary" || key == "title" || key == "tags" ||
         key == "externalDocs" || key == "examples";
}

model::SchemaLanguage languageOf(const std::string& schemaFormat) {
  return schemaFormat.empty() ? model::SchemaLanguage::jsonSchema
                              : model::schemaLanguage(schemaFormat);
}

// Operations of the old and new document that are the same operation.
struct OperationPair {
  const OperationModel* before;
  const OperationModel* after;
};

class Differ {
 public:
  Differ(const ServiceModel& before, const ServiceModel& after) : before_(before), after_(after) {}

  std::vector<Change> run() {
    matchOperations();
    compareServers();  // first: channels on a renamed server are still on it
    for (const auto& pair : pairs_)
      compareOperation(*pair.before, *pair.after);
    reportUnmatchedOperations();
    compareRoot();
    return std::move(changes_);
  }

 private:
  const ServiceModel& service(Side side) const { return side == Side::before ? before_ : after_; }

  void report(Kind kind, Place place, std::string message,
              std::vector<std::pair<Place, std::string>> notes = {}) {
    const auto key = std::make_tuple(kind, place.side, place.pointer, message);
    if (!reported_.insert(key).second) return;
    changes_.push_back({kind, std::move(place), std::move(message), std::move(notes)});
  }

  // The member `key` of the node at `pointer` when the document has it, else the node.
  std::string memberOrSelf(Side side, const std::string& pointer, const std::string& key) const {
    const std::string member = pointer::append(pointer, key);
    return service(side).at(member) != nullptr ? member : pointer;
  }

  // --- matching --------------------------------------------------------------------------------

  static std::map<std::string, std::size_t> uniqueIds(const std::vector<OperationModel>& ops) {
    std::map<std::string, std::size_t> byId;
    std::set<std::string> repeated;
    for (std::size_t i = 0; i < ops.size(); ++i) {
      if (!byId.emplace(ops[i].id, i).second) repeated.insert(ops[i].id);
    }
    for (const auto& id : repeated)
      byId.erase(id);
    return byId;
  }

  void pair(std::size_t before, std::size_t after) {
    matchedBefore_.insert(before);
    matchedAfter_.insert(after);
    pairs_.push_back({&before_.operations[before], &after_.operations[after]});
  }

  // By id when it is unique on both sides, then by action and address, then by address alone.
  void matchOperations() {
    const auto idsBefore = uniqueIds(before_.operations);
    const auto idsAfter = uniqueIds(after_.operations);
    for (const auto& [id, index] : idsBefore) {
      if (const auto found = idsAfter.find(id); found != idsAfter.end()) pair(index, found->second);
    }
    matchRemaining([](const OperationModel& op) {
      return fmt::format("{} {}", system::toString(op.action), shapeOf(op.address));
    });
    matchRemaining([](const OperationModel& op) { return shapeOf(op.address); });
  }

  template <typename KeyOf>
  void matchRemaining(KeyOf keyOf) {
    std::multimap<std::string, std::size_t> waiting;
    for (std::size_t i = 0; i < after_.operations.size(); ++i) {
      if (!matchedAfter_.contains(i)) waiting.emplace(keyOf(after_.operations[i]), i);
    }
    for (std::size_t i = 0; i < before_.operations.size(); ++i) {
      if (matchedBefore_.contains(i)) continue;
      const auto found = waiting.find(keyOf(before_.operations[i]));
      if (found == waiting.end()) continue;
      pair(i, found->second);
      waiting.erase(found);
    }
  }

  void reportUnmatchedOperations() {
    for (std::size_t i = 0; i < before_.operations.size(); ++i) {
      if (matchedBefore_.contains(i)) continue;
      const auto& op = before_.operations[i];
      report(Kind::operationRemoved, {Side::before, op.pointer, Anchor::key},
             fmt::format("operation '{}' that {} on '{}' is gone: whoever {} it there loses it",
                         op.id, verb(op.action), op.address,
                         op.action == Action::send ? "received" : "sent"));
    }
    for (std::size_t i = 0; i < after_.operations.size(); ++i) {
      if (matchedAfter_.contains(i)) continue;
      const auto& op = after_.operations[i];
      report(Kind::operationAdded, {Side::after, op.pointer, Anchor::key},
             fmt::format("new operation '{}' {} on '{}'", op.id, verb(op.action), op.address));
    }
  }

  // --- operations and channels -----------------------------------------------------------------

  void compareOperation(const OperationModel& before, const OperationModel& after) {
    const std::string name = fmt::format("operation '{}'", after.id);
    if (before.id != after.id)
      report(Kind::keyRenamed, {Side::after, after.pointer, Anchor::key},
             fmt::format("operation '{}' is now called '{}'; it still {} on '{}'", before.id,
                         after.id, verb(after.action), after.address));
    compareChannel(before, after);
    compareMembers(before.pointer, after.pointer,
                   {"action", "channel", "messages", "message", "operationId"}, name);
    if (before.action != after.action) {
      report(Kind::actionChanged,
             {Side::after, memberOrSelf(Side::after, after.pointer, "action"), Anchor::value},
             fmt::format("{} now {} on '{}' where it {}: both its peers and it expect the "
                         "other direction",
                         name, verb(after.action), after.address,
                         before.action == Action::send ? "sent" : "received"));
      return;  // what it sends and what it receives have swapped: no message compares
    }
    compareMessages(before, after);
  }

  void compareChannel(const OperationModel& before, const OperationModel& after) {
    if (shapeOf(before.address) != shapeOf(after.address)) {
      const bool v3 = after_.at(pointer::append(after.channelPointer, "address")) != nullptr;
      report(
          Kind::addressChanged,
          {Side::after,
           v3 ? pointer::append(after.channelPointer, "address") : after.channelPointer,
           v3 ? Anchor::value : Anchor::key},
          fmt::format("operation '{}' {} on '{}' instead of '{}': whoever {} '{}' no longer "
                      "meets it",
                      after.id, verb(after.action), after.address, before.address,
                      after.action == Action::send ? "receives from" : "sends to", before.address),
          {{{Side::before, memberOrSelf(Side::before, before.channelPointer, "address"),
             Anchor::value},
            "the old address"}});
    } else if (before.channel != after.channel) {
      report(Kind::keyRenamed, {Side::after, after.channelPointer, Anchor::key},
             fmt::format("channel '{}' is now called '{}'; its address '{}' is the same",
                         before.channel, after.channel, after.address));
    } else if (before.address != after.address) {
      report(Kind::keyRenamed, {Side::after, after.channelPointer, Anchor::key},
             fmt::format("the parameters of address '{}' are now named as in '{}'; the address "
                         "is the same",
                         before.address, after.address));
    }
    if (!channelsCompared_.insert({before.channelPointer, after.channelPointer}).second) return;
    compareMembers(before.channelPointer, after.channelPointer,
                   {"address", "messages", "servers", "publish", "subscribe"},
                   fmt::format("channel '{}'", after.channel));
    compareChannelServers(before, after);
  }

  // A channel that leaves a server (that still exists) is no longer reachable there.
  void compareChannelServers(const OperationModel& before, const OperationModel& after) {
    for (const auto& server : before.servers) {
      const auto renamed = serverNames_.find(server);
      if (renamed == serverNames_.end()) continue;  // the server is gone: reported once for it
      if (std::find(after.servers.begin(), after.servers.end(), renamed->second) !=
          after.servers.end())
        continue;
      report(Kind::serverHostChanged,
             {Side::after, memberOrSelf(Side::after, after.channelPointer, "servers"), Anchor::key},
             fmt::format("channel '{}' (address '{}') is no longer on server '{}'", after.channel,
                         after.address, renamed->second));
    }
  }

  // --- messages --------------------------------------------------------------------------------

  void compareMessages(const OperationModel& before, const OperationModel& after) {
    std::set<std::size_t> matched;
    for (const auto& old : before.messages) {
      const auto found = std::find_if(after.messages.begin(), after.messages.end(),
                                      [&](const MessageModel& m) { return m.name == old.name; });
      if (found == after.messages.end()) {
        report(Kind::messageRemoved, {Side::before, old.pointer, Anchor::key},
               fmt::format("operation '{}' no longer {} message '{}' on '{}'", after.id,
                           verb(after.action), old.name, after.address));
        continue;
      }
      matched.insert(static_cast<std::size_t>(found - after.messages.begin()));
      compareMessage(after, old, *found);
    }
    for (std::size_t i = 0; i < after.messages.size(); ++i) {
      if (matched.contains(i)) continue;
      const auto& added = after.messages[i];
      if (after.action == Action::send)
        report(Kind::sentMessageAdded, {Side::after, added.pointer, Anchor::key},
               fmt::format("operation '{}' now also sends message '{}' on '{}': consumers that "
                           "do not expect it may fail on it",
                           after.id, added.name, after.address));
      else
        report(Kind::receivedMessageAdded, {Side::after, added.pointer, Anchor::key},
               fmt::format("operation '{}' now also receives message '{}' on '{}'", after.id,
                           added.name, after.address));
    }
  }

  static std::string subject(const OperationModel& op, const MessageModel& message) {
    return fmt::format("'{}' {} on '{}' by operation '{}'", message.name, participle(op.action),
                       op.address, op.id);
  }

  void compareMessage(const OperationModel& op, const MessageModel& before,
                      const MessageModel& after) {
    compareMembers(before.pointer, after.pointer,
                   {"payload", "headers", "contentType", "schemaFormat", "name", "messageId"},
                   fmt::format("message '{}'", after.name));
    compareMessageId(before, after);
    if (before.contentType != after.contentType)
      report(Kind::contentTypeChanged,
             {Side::after, memberOrSelf(Side::after, after.pointer, "contentType"), Anchor::value},
             fmt::format("{} is now {} instead of {}: its readers decode it by its content type",
                         subject(op, after),
                         after.contentType.empty() ? "of no content type" : after.contentType,
                         before.contentType.empty() ? "of no content type" : before.contentType));
    if (languageOf(before.schemaFormat) != languageOf(after.schemaFormat)) {
      report(Kind::schemaFormatChanged,
             {Side::after, memberOrSelf(Side::after, after.pointer, "payload"), Anchor::key},
             fmt::format("the payload of {} is now written in {} instead of {}: its readers "
                         "decode it another way",
                         subject(op, after), formatName(after.schemaFormat),
                         formatName(before.schemaFormat)));
    } else {
      comparePart(op, before, after, "payload");
    }
    comparePart(op, before, after, "headers");
  }

  static std::string formatName(const std::string& schemaFormat) {
    return schemaFormat.empty() ? "the default schema format" : "'" + schemaFormat + "'";
  }

  void compareMessageId(const MessageModel& before, const MessageModel& after) {
    const json* old = before_.at(pointer::append(before.pointer, "messageId"));
    const json* now = after_.at(pointer::append(after.pointer, "messageId"));
    if (old == nullptr || now == nullptr || *old == *now) return;
    report(Kind::keyRenamed,
           {Side::after, pointer::append(after.pointer, "messageId"), Anchor::value},
           fmt::format("message '{}' has messageId {} instead of {}", after.name, now->dump(),
                       old->dump()));
  }

  // --- schemas ---------------------------------------------------------------------------------

  // Where a reason found by the comparison is written in the new document.
  std::string newPlace(const system::ComparableSchema& schema, const std::string& pointer,
                       const std::string& keyword) const {
    if (schema.implied) return schema.documentPointer;
    if (!keyword.empty()) {
      const std::string member = pointer::append(pointer, keyword);
      if (after_.at(member) != nullptr) return member;
    }
    return pointer.empty() ? schema.documentPointer : pointer;
  }

  void comparePart(const OperationModel& op, const MessageModel& before, const MessageModel& after,
                   const std::string& part) {
    const auto old = system::comparableSchema(before_, before, part);
    const auto now = system::comparableSchema(after_, after, part);
    if (!old || !now) {
      compareUnreadable(op, before, after, part);
      return;
    }
    if (system::equivalent(old->node, now->node, false)) return;
    if (system::equivalent(old->node, now->node, true)) {
      report(Kind::documentationChanged, {Side::after, now->documentPointer, Anchor::key},
             fmt::format("the descriptions or examples of the {} schema of message '{}' changed",
                         part, after.name));
      return;
    }
    const bool sent = op.action == Action::send;
    // Sent: every value of the new schema must be valid under the old one (consumers keep
    // working); received: every value of the old schema valid under the new one (producers).
    if (reportReasons(op, after, part, *old, *now, sent, true)) return;
    if (reportReasons(op, after, part, *old, *now, !sent, false)) return;
    reportCompatible(op, after, part, *old, *now);
  }

  // The reasons why not every value of A is valid under B, as findings: breaking (or
  // undecidable) when `breaking`, else safe. A is the new schema when `newIsA`, else the old one.
  // True when there was a reason.
  bool reportReasons(const OperationModel& op, const MessageModel& message, const std::string& part,
                     const system::ComparableSchema& old, const system::ComparableSchema& now,
                     bool newIsA, bool breaking) {
    const system::ComparableSchema& a = newIsA ? now : old;
    const system::ComparableSchema& b = newIsA ? old : now;
    system::CompatibilityOptions options;
    options.roles = newIsA ? system::Roles{"the new schema", "the old schema", "allows"}
                           : system::Roles{"the old schema", "the new schema", "allowed"};
    auto reasons = system::incompatibilities(a.node, b.node, part, options);
    // The safe direction only describes: what it cannot decide there changes no verdict.
    if (!breaking)
      std::erase_if(reasons, [](const system::Incompatibility& reason) {
        return reason.certainty == system::Certainty::undecidable;
      });
    const bool sent = op.action == Action::send;
    for (const auto& reason : reasons) {
      const std::string& pointer = newIsA ? reason.pointerA : reason.pointerB;
      const Place place{Side::after, newPlace(now, pointer, reason.keyword), Anchor::key};
      if (!breaking) {
        report(sent ? Kind::sentPayloadNarrowed : Kind::receivedPayloadWidened, place,
               fmt::format("{}: {}; {}", subject(op, message), reason.text,
                           sent ? "consumers still accept what it sends"
                                : "producers that follow the old schema still fit"));
      } else if (reason.certainty == system::Certainty::undecidable) {
        report(Kind::payloadUndecidable, place,
               fmt::format("{}: {}", subject(op, message), reason.text));
      } else {
        report(sent ? Kind::sentPayloadWidened : Kind::receivedPayloadNarrowed, place,
               fmt::format("{}: {}; {}", subject(op, message), reason.text,
                           sent ? "consumers written for the old schema may reject it"
                                : "producers that follow the old schema may be rejected"));
      }
    }
    return !reasons.empty();
  }

  // Neither direction loses a value: say what changed (properties declared or no longer
  // declared), safe.
  void reportCompatible(const OperationModel& op, const MessageModel& message,
                        const std::string& part, const system::ComparableSchema& old,
                        const system::ComparableSchema& now) {
    std::vector<std::pair<std::string, std::string>> described;  // text, pointer in the new
    std::set<std::pair<const json*, const json*>> seen;
    describeProperties(old.node, now.node, part, described, seen, 0);
    const std::string readers = op.action == Action::send
                                    ? "consumers still accept what it sends"
                                    : "producers that follow the old schema still fit";
    if (described.empty()) {
      report(Kind::payloadCompatible, {Side::after, now.documentPointer, Anchor::key},
             fmt::format("{}: the {} schema changed; {}", subject(op, message), part, readers));
      return;
    }
    for (const auto& [text, pointer] : described) {
      report(Kind::payloadCompatible,
             {Side::after, now.implied ? now.documentPointer : pointer, Anchor::key},
             fmt::format("{}: {}; {}", subject(op, message), text, readers));
    }
  }

  void describeProperties(const system::SchemaNode& oldNode, const system::SchemaNode& newNode,
                          const std::string& path,
                          std::vector<std::pair<std::string, std::string>>& described,
                          std::set<std::pair<const json*, const json*>>& seen, int depth) {
    const auto old = system::followSchemaReferences(oldNode);
    const auto now = system::followSchemaReferences(newNode);
    if (old.node == nullptr || now.node == nullptr || !old.node->is_object() ||
        !now.node->is_object() || depth > 32 || !seen.insert({old.node, now.node}).second)
      return;
    if (system::equivalent(old, now, true)) return;
    const json* oldProperties = pointer::find(*old.node, "/properties");
    const json* newProperties = pointer::find(*now.node, "/properties");
    const json& none = anything();
    const json& before =
        oldProperties != nullptr && oldProperties->is_object() ? *oldProperties : none;
    const json& after =
        newProperties != nullptr && newProperties->is_object() ? *newProperties : none;
    const std::string propertiesPointer = pointer::append(now.pointer, "properties");
    for (const auto& [name, schema] : after.items()) {
      const std::string at = pointer::append(propertiesPointer, name);
      if (!before.contains(name)) {
        described.emplace_back(fmt::format("property '{}' added to {}", name, path), at);
        continue;
      }
      describeProperties(
          {old.tree, &before[name], pointer::append(old.pointer + "/properties", name)},
          {now.tree, &schema, at}, path + "." + name, described, seen, depth + 1);
    }
    for (const auto& [name, schema] : before.items()) {
      if (!after.contains(name))
        described.emplace_back(fmt::format("property '{}' no longer declared in {}", name, path),
                               now.pointer);
    }
    const json* oldItems = pointer::find(*old.node, "/items");
    const json* newItems = pointer::find(*now.node, "/items");
    if (oldItems != nullptr && newItems != nullptr)
      describeProperties({old.tree, oldItems, old.pointer + "/items"},
                         {now.tree, newItems, now.pointer + "/items"}, path + "[]", described, seen,
                         depth + 1);
  }

  // A schema in a format asynclint does not compare (Protobuf, RAML...), or behind a broken
  // reference: any change to it is undecidable.
  void compareUnreadable(const OperationModel& op, const MessageModel& before,
                         const MessageModel& after, const std::string& part) {
    const json* old = before_.at(pointer::append(before.pointer, part));
    const json* now = after_.at(pointer::append(after.pointer, part));
    if (system::equivalent({before_.tree.get(), old, ""}, {after_.tree.get(), now, ""}, false))
      return;
    report(Kind::payloadUndecidable,
           {Side::after, memberOrSelf(Side::after, after.pointer, part), Anchor::key},
           fmt::format("{}: the {} schema changed, and asynclint cannot compare it (written in {}, "
                       "or behind a reference it cannot follow)",
                       subject(op, after), part, formatName(after.schemaFormat)));
  }

  // --- members that no comparison above reads --------------------------------------------------

  // Documentation members are safe to change; other members asynclint does not classify.
  void compareMembers(const std::string& before, const std::string& after,
                      const std::set<std::string>& handled, const std::string& what,
                      bool allDocumentation = false) {
    const json* old = before_.at(before);
    const json* now = after_.at(after);
    if (old == nullptr || now == nullptr || !old->is_object() || !now->is_object()) return;
    std::set<std::string> keys;
    for (const auto& [key, value] : old->items())
      keys.insert(key);
    for (const auto& [key, value] : now->items())
      keys.insert(key);
    for (const auto& key : keys) {
      if (handled.contains(key)) continue;
      const auto oldMember = old->find(key);
      const auto newMember = now->find(key);
      const bool inOld = oldMember != old->end();
      const bool inNew = newMember != now->end();
      if (inOld && inNew &&
          system::equivalent({before_.tree.get(), &*oldMember, ""},
                             {after_.tree.get(), &*newMember, ""}, false))
        continue;
      const bool documentation =
          (allDocumentation && !key.starts_with("x-")) || isDocumentation(key);
      const Place place = inNew ? Place{Side::after, pointer::append(after, key), Anchor::key}
                                : Place{Side::before, pointer::append(before, key), Anchor::key};
      const std::string change = !inOld ? "added" : (!inNew ? "removed" : "changed");
      if (documentation)
        report(Kind::documentationChanged, place, fmt::format("{}: {} {}", what, key, change));
      else
        report(Kind::unclassifiedChange, place,
               fmt::format("{}: {} {}; asynclint does not classify this change, check who "
                           "relies on it",
                           what, key, change));
    }
  }

  void compareRoot() {
    compareMembers("/info", "/info", {}, "info", true);
    compareMembers("", "",
                   {"asyncapi", "info", "servers", "channels", "operations", "components",
                    "defaultContentType"},
                   "the document");
  }

  // --- servers ---------------------------------------------------------------------------------

  void compareServers() {
    std::set<std::size_t> matched;
    const auto& old = before_.servers;
    const auto& now = after_.servers;
    const auto match = [&](const system::ServerModel& server,
                           auto same) -> const system::ServerModel* {
      for (std::size_t i = 0; i < now.size(); ++i) {
        if (!matched.contains(i) && same(server, now[i])) {
          matched.insert(i);
          return &now[i];
        }
      }
      return nullptr;
    };
    std::vector<const system::ServerModel*> partners(old.size(), nullptr);
    for (std::size_t i = 0; i < old.size(); ++i)
      partners[i] = match(old[i], [](const auto& a, const auto& b) { return a.name == b.name; });
    for (std::size_t i = 0; i < old.size(); ++i) {
      if (partners[i] == nullptr)
        partners[i] = match(old[i], [](const auto& a, const auto& b) {
          return a.host == b.host && a.protocol == b.protocol;
        });
    }
    for (std::size_t i = 0; i < old.size(); ++i) {
      if (partners[i] != nullptr) serverNames_[old[i].name] = partners[i]->name;
    }
    for (std::size_t i = 0; i < old.size(); ++i)
      compareServer(old[i], partners[i]);
    for (std::size_t i = 0; i < now.size(); ++i) {
      if (!matched.contains(i))
        report(Kind::serverAdded, {Side::after, now[i].pointer, Anchor::key},
               fmt::format("new server '{}' ({} {})", now[i].name, now[i].protocol, now[i].host));
    }
  }

  void compareServer(const system::ServerModel& old, const system::ServerModel* now) {
    if (now == nullptr) {
      report(Kind::serverHostChanged, {Side::before, old.pointer, Anchor::key},
             fmt::format("server '{}' ({} {}) is gone: clients that connect to it fail", old.name,
                         old.protocol, old.host));
      return;
    }
    if (old.name != now->name)
      report(Kind::keyRenamed, {Side::after, now->pointer, Anchor::key},
             fmt::format("server '{}' is now called '{}'; its host and protocol are the same",
                         old.name, now->name));
    if (old.host != now->host) {
      const bool v3 = after_.at(pointer::append(now->pointer, "host")) != nullptr;
      report(Kind::serverHostChanged,
             {Side::after, pointer::append(now->pointer, v3 ? "host" : "url"), Anchor::value},
             fmt::format("server '{}' is now at '{}' instead of '{}': clients configured for the "
                         "old host do not reach it",
                         now->name, now->host, old.host));
    }
    if (old.protocol != now->protocol)
      report(Kind::protocolChanged,
             {Side::after, memberOrSelf(Side::after, now->pointer, "protocol"), Anchor::value},
             fmt::format("server '{}' now speaks {} instead of {}: clients of the old protocol "
                         "cannot talk to it",
                         now->name, now->protocol, old.protocol));
    compareMembers(old.pointer, now->pointer, {"host", "pathname", "url", "protocol"},
                   fmt::format("server '{}'", now->name));
  }

  const ServiceModel& before_;
  const ServiceModel& after_;
  std::vector<OperationPair> pairs_;
  std::set<std::size_t> matchedBefore_;
  std::set<std::size_t> matchedAfter_;
  std::map<std::string, std::string> serverNames_;  // old server name → its new name
  std::set<std::pair<std::string, std::string>> channelsCompared_;
  std::vector<Change> changes_;
  std::set<std::tuple<Kind, Side, std::string, std::string>> reported_;
};

}  // namespace

std::vector<Change> compareServices(const ServiceModel& before, const ServiceModel& after) {
  return Differ(before, after).run();
}

}  // namespace asynclint::diff
