#include "source/document.hpp"

namespace asynclint {

void Document::place(Diagnostic& diagnostic) const {
  if (!diagnostic.range.known()) {
    const Located located = locate(diagnostic.pointer);
    const bool wantsKey = diagnostic.anchor == Anchor::key || !located.exact;
    diagnostic.range = wantsKey && located.key.known() ? located.key : located.value;
  }
  for (auto& related : diagnostic.related) {
    if (!related.range.known() && related.file == diagnostic.file) {
      const Located located = locate(related.pointer);
      related.range = located.key.known() ? located.key : located.value;
    }
  }
}

}  // namespace asynclint
