// One canned run shared by the reporter tests: several files (one unreadable, one clean), every
// severity, messages with quotes, `<`, `&`, `%`, CR/LF and non-ASCII text, a finding without a
// position, related locations, and a file name with a space, a comma, a colon and non-ASCII.
#pragma once

#include "report/reporter.hpp"

namespace asynclint::test {

report::RunReport cannedReport();

}  // namespace asynclint::test
