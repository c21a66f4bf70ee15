// Terminal styling shared by the human formats (text, stylish).
#pragma once

#include <string>
#include <string_view>

#include "diagnostic.hpp"

namespace asynclint::report {

constexpr std::string_view styleBold = "\033[1m";
constexpr std::string_view styleDim = "\033[2m";

std::string_view severityStyle(Severity severity);

// Wraps text in an ANSI style, or leaves it plain when colors are off.
class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string operator()(std::string_view style, std::string_view text) const;

 private:
  bool color_;
};

// `text` with each line break (LF, CR LF or CR) followed by `indent`, so that a message of
// several lines stays inside its finding.
std::string indentedLines(std::string_view text, std::string_view indent);

// "file:line:col", or the file alone when the place is unknown.
std::string placeText(const std::string& file, const Range& range);

}  // namespace asynclint::report
