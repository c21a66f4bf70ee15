#pragma once

#include <string_view>

#include <yaml-cpp/eventhandler.h>

namespace asynclint {

// Reads JSON text and hands its nodes to `handler` as the events yaml-cpp's parser would give
// for the same text, with each mark's `pos` at the node's first character (a key or string at
// its opening quote). JSON does not need yaml-cpp's YAML scanner, which is slower and queues
// every token of a flow mapping in memory until the mapping ends.
//
// Expects text already checked against JSON's grammar; on anything else it throws
// YAML::ParserException, like yaml-cpp would.
void readJsonEvents(std::string_view text, YAML::EventHandler& handler);

}  // namespace asynclint
