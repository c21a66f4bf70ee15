// libFuzzer harness for the whole pipeline: load, schema, rules and every reporter over any
// bytes. Findings are expected; crashes, hangs, leaks and undefined behaviour are not.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "app/app.hpp"
#include "fuzz_limits.hpp"
#include "report/reporter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace asynclint;
  std::string text(reinterpret_cast<const char*>(data), size);
  FileResult result =
      validateText("fuzz.yaml", std::move(text), fuzz::limits(), {.keepSource = KeepSource::yes});
  report::RunReport run;
  run.tool = toolInfo();
  run.rules = ruleCatalog();
  run.workingDirectory = "/fuzz/";
  run.files.push_back({"fuzz.yaml", result.inputError, std::move(result.text)});
  run.diagnostics = std::move(result.diagnostics);
  sortDiagnostics(run.diagnostics);
  for (const auto& name : report::formatNames()) {
    for (const bool quiet : {false, true}) {
      std::ostringstream out;
      report::writeReport(*report::findFormat(name), run, {.color = !quiet, .quiet = quiet}, out);
    }
  }
  return 0;
}
