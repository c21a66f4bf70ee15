#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "schema/failure_tree.hpp"

namespace asynclint::schema {

// Reduces a failure tree to one failure per real problem: for a oneOf/anyOf that nothing
// matched, keeps the branch the node was meant for (a Reference branch exactly when the node
// has `$ref`, otherwise the branch that got deepest into the node) and drops the others;
// alternatives that only differ in type or value become one "must be X or Y" failure.
std::vector<Failure> denoise(std::vector<Failure> failures, const nlohmann::json& root);

}  // namespace asynclint::schema
