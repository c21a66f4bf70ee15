#!/usr/bin/env bash
# Writes the man page of asynclint, asynclint(1), from the program's own --help texts (help2man for
# the top level, one subsection per command), so that it never drifts from the binary.
# Usage: scripts/man-page.sh ASYNCLINT_BINARY OUTPUT_FILE
set -euo pipefail
binary=${1:?the asynclint binary}
output=${2:?the man page to write}
command -v help2man >/dev/null 2>&1 || { echo "man-page: help2man is missing (scripts/setup.sh installs it)" >&2; exit 2; }

include=$(mktemp)
trap 'rm -f "$include"' EXIT
# roff treats a leading dot or apostrophe as a request, and a backslash as an escape.
as_roff() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }
{
  echo "[COMMANDS]"
  commands=$("$binary" --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
  for command in $commands; do
    echo ".SS \"asynclint $command\""
    echo ".nf"
    "$binary" "$command" --help | as_roff
    echo ".fi"
  done
  cat <<'SECTIONS'
[EXIT STATUS]
.TP
.B 0
no finding at or above the failure severity
.TP
.B 1
findings at or above the failure severity (\fB\-\-fail\-severity\fR, error by default)
.TP
.B 2
usage or input errors: an unknown option, a file that cannot be read or parsed, a bad configuration
[FILES]
.TP
.I .asynclint.yaml
the configuration: the nearest one in the folder of a document or above it; \fBasynclint init\fR writes a commented starter
[ENVIRONMENT]
.TP
.B NO_COLOR
never colour the output
[SEE ALSO]
\fBasynclint explain\fR \fIRULE\fR prints the documentation of each rule.
.PP
https://github.com/asynclint/asynclint
SECTIONS
} >"$include"

help2man --no-info --no-discard-stderr --section=1 \
  --name="validator and linter for AsyncAPI documents" \
  --version-string="$("$binary" --version | head -n 1 | sed 's/^asynclint //')" \
  --include="$include" --output="$output" "$binary"
