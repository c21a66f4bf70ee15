// What the commands of the app layer share: placing input problems, timing, the shell of a run
// report and the --rule layer. Internal to src/app/.
#pragma once

#include <chrono>
#include <exception>
#include <optional>
#include <ostream>
#include <vector>

#include "config/config_file.hpp"
#include "config/discovery.hpp"
#include "diagnostic.hpp"
#include "report/reporter.hpp"
#include "source/document.hpp"

namespace asynclint {

// A finding when the document is not a mapping (an empty file, null, is said elsewhere).
std::optional<Diagnostic> rootProblem(const Document& document);
double secondsSince(std::chrono::steady_clock::time_point start);
// A bug of ours or of a library, as a finding: it must not end the run or let a file pass.
Diagnostic internalError(const std::exception& error);

// A report with what every output needs to know besides the findings.
report::RunReport emptyRunReport();
// The errors of configuration files (or of a baseline), as a run over the files they are in.
report::RunReport configErrorReport(std::vector<Diagnostic> errors);
// The --rule layer, or nullopt after saying what is wrong with it.
std::optional<config::RuleChanges> commandLineRules(const config::ConfigChoice& choice,
                                                    std::ostream& err);

}  // namespace asynclint
