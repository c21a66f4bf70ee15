#include "config/starter.hpp"

namespace asynclint::config {

std::string_view starterConfig() {
  return R"(# asynclint configuration: applies to the documents in this folder and below it (the nearest
# .asynclint.yaml wins). `asynclint rules` shows the severity of each rule under it.

# Where to start: recommended (the rules on by default), all (every rule), off (no rule), or
# the path of another configuration file to build on.
extends: recommended

# Per rule: off, error, warning, info or hint; or {severity: ..., options: {...}}.
rules:
  # channel-unused: error
  # info-contact-missing: off

# Applied in order after `rules`, to the files that match a glob (relative to this folder;
# * and ? stay within a folder, ** spans folders).
overrides:
  # - files: ["legacy/**"]
  #   rules:
  #     schema: warning

# Files never linted.
ignore:
  # - "**/node_modules/**"

# The folder that file references may not leave (relative to this file), and whether http(s)
# references may be fetched.
# root: .
# allow-remote: false

# Check the documents together as one system of services too (as `validate --system`): who
# sends and receives each address, schema drift between producers and consumers...
# system: false

# In documents: `# asynclint-disable-next-line <rule> -- reason`, `# asynclint-disable <rule>` ...
# `# asynclint-enable <rule>`, `# asynclint-disable-file <rule>`, or the key
# `x-asynclint-ignore: [<rule>]` on an object.
)";
}

}  // namespace asynclint::config
