// One rule's fixtures under testdata/rules/<id>/, run with that rule alone: each failing fixture
// gives exactly its golden output, each near miss (ok-*) nothing.
#pragma once

#include <string>

void checkRuleFixtures(const std::string& id);
