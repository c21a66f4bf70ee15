#!/usr/bin/env bash
# The run step of the GitHub Action (action.yml), kept here so that the tests run it too.
# Reads the action's inputs from the environment:
#   ASYNCLINT            the binary
#   INPUT_PATHS          documents, folders or glob patterns (** included), separated by spaces
#                        or lines
#   INPUT_CONFIG         a configuration file, optional
#   INPUT_FAIL_SEVERITY  error | warning | info | hint
#   INPUT_FORMAT         output formats separated by spaces (default github: annotations): FORMAT for
#                        the job log (one at most), FORMAT=FILE for a file (junit=reports/junit.xml)
#   INPUT_SARIF_FILE     where to write SARIF (empty: no SARIF)
# Writes annotations (workflow commands) to standard output, a Markdown summary to
# $GITHUB_STEP_SUMMARY, and errors, warnings, infos, hints, exit-code and sarif-file to
# $GITHUB_OUTPUT. Exits 0 whatever asynclint found, so that the SARIF upload can still run; the
# action's last step fails the job from exit-code.
set -euo pipefail

asynclint=${ASYNCLINT:?the path of the asynclint binary}
# Split the input into words, without expanding them: asynclint expands globs itself (the same
# way on every runner) and searches folders for AsyncAPI documents.
set -f
read -r -d '' -a files <<<"${INPUT_PATHS:?no paths to check}" || true
set +f

arguments=(validate --no-color --fail-severity "${INPUT_FAIL_SEVERITY:-error}")
read -r -a formats <<<"${INPUT_FORMAT:-github}"
for format in "${formats[@]}"; do
  if [[ "$format" == *=* ]]; then
    mkdir -p "$(dirname "${format#*=}")"
    arguments+=(-f "${format%%=*}" -o "${format#*=}")
  else
    arguments+=(-f "$format")
  fi
done
if [ -n "${INPUT_CONFIG:-}" ]; then
  arguments+=(--config "$INPUT_CONFIG")
fi
if [ -n "${INPUT_SARIF_FILE:-}" ]; then
  mkdir -p "$(dirname "$INPUT_SARIF_FILE")"
  arguments+=(-f sarif -o "$INPUT_SARIF_FILE")
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  arguments+=(-f markdown -o "$GITHUB_STEP_SUMMARY")
fi
counts=$(mktemp)
trap 'rm -f "$counts"' EXIT
arguments+=(-f json -o "$counts")

status=0
"$asynclint" "${arguments[@]}" -- "${files[@]}" || status=$?

# The summary object of the json format: "error": 2, "warning": 0, ...
count() { sed -n "s/^    \"$1\": \([0-9]*\).*/\1/p" "$counts" | tail -n 1; }
{
  echo "errors=$(count error)"
  echo "warnings=$(count warning)"
  echo "infos=$(count info)"
  echo "hints=$(count hint)"
  echo "exit-code=$status"
  echo "sarif-file=${INPUT_SARIF_FILE:-}"
} >>"${GITHUB_OUTPUT:-/dev/stdout}"
echo "asynclint: $(count error) errors, $(count warning) warnings, $(count info) infos, $(count hint) hints (exit code $status)"
