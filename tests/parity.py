#!/usr/bin/env python3
"""Parity with the official parser: runs @asyncapi/parser (one node process for all documents) and
asynclint (one run) on every AsyncAPI document under testdata/, and fails when one of them reports
an error on a document and the other does not, unless tests/parity-divergences.tsv lists that
document with that direction and a reason. A listed document that no longer diverges fails too
(stale entry). Skips (exit 77) when the parser is not installed, fails instead when
ASYNCLINT_REQUIRE_TEST_TOOLS=1 or CI=true.

Usage: parity.py <asynclint binary> <source dir>"""
import json
import os
import re
import select
import subprocess
import sys
from pathlib import Path

DIRECTIONS = {"asynclint-only", "parser-only", "skip"}
HANG_SECONDS = 30  # no output from the parser for this long: the current document hangs it


def require_tools():
    return os.environ.get("ASYNCLINT_REQUIRE_TEST_TOOLS") == "1" or os.environ.get("CI") == "true"


def documents(source):
    """Documents under testdata/ that are AsyncAPI documents: a top-level `asyncapi` field.
    Fragments (referenced files, configurations, baselines) have none and are passed over."""
    top_level = re.compile(r'^(asyncapi\s*:|\{?\s*"asyncapi"\s*:)', re.MULTILINE)
    found = []
    for path in sorted((source / "testdata").rglob("*")):
        if path.suffix not in (".yaml", ".yml", ".json") or not path.is_file():
            continue
        try:
            head = path.read_bytes()[:65536].decode("utf-8", errors="replace")
        except OSError:
            continue
        if top_level.search(head):
            found.append(path.relative_to(source).as_posix())
    return found


def read_divergences(tsv):
    entries = {}
    problems = []
    for number, line in enumerate(tsv.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or fields[1] not in DIRECTIONS or not fields[2].strip():
            problems.append(f"{tsv.name}:{number}: want 'path<TAB>{'|'.join(sorted(DIRECTIONS))}"
                            f"<TAB>reason', got {line!r}")
            continue
        entries[fields[0]] = (fields[1], fields[2])
    return entries, problems


def run_parser(source, modules, files):
    """{path: [errors]} from the parser; a document that hangs or kills it gets one
    'parser-hung' error and the parser restarts on the documents after it."""
    script = source / "tests" / "tools" / "parity-parser.mjs"
    results = {}
    remaining = list(files)
    while remaining:
        process = subprocess.Popen(
            ["node", "--max-old-space-size=2048", str(script), str(modules), *remaining],
            cwd=source, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        while True:
            ready, _, _ = select.select([process.stdout], [], [], HANG_SECONDS)
            line = process.stdout.readline() if ready else None
            if not line:
                break
            record = json.loads(line)
            results[record["path"]] = record["errors"]
        process.kill()
        process.wait()
        remaining = [f for f in remaining if f not in results]
        if remaining:
            results[remaining[0]] = [{"code": "parser-hung", "line": 0,
                                      "message": "the parser hung or died on this document"}]
            remaining = remaining[1:]
    return results


def run_asynclint(binary, source, files):
    """{path: [errors]} from one asynclint run (no configuration: the documents' own verdict)."""
    completed = subprocess.run([str(binary), "validate", "--no-config", "-f", "json", *files],
                               cwd=source, capture_output=True, text=True)
    if completed.returncode not in (0, 1, 2):
        sys.exit(f"parity: asynclint exited {completed.returncode}: {completed.stderr[:2000]}")
    report = json.loads(completed.stdout)
    results = {f: [] for f in files}
    for finding in report["findings"]:
        if finding["severity"] == "error" and finding["file"] in results:
            results[finding["file"]].append(
                {"code": finding["rule"], "line": finding["start"]["line"],
                 "message": finding["message"]})
    return results


def describe(errors):
    return "; ".join(f"{e['line']}: {e['code']}: {e['message']}" for e in errors[:3]) + (
        f" (and {len(errors) - 3} more)" if len(errors) > 3 else "")


def main():
    binary, source = Path(sys.argv[1]), Path(sys.argv[2]).resolve()
    modules = source / ".deps" / "npm-tools" / "node_modules"
    if not (modules / "@asyncapi" / "parser" / "package.json").is_file():
        message = (f"parity: @asyncapi/parser is not installed in {modules} "
                   "(run scripts/setup-test-tools.sh)")
        if require_tools():
            sys.exit(message)
        print("skipped: " + message)
        return 77
    tsv = source / "tests" / "parity-divergences.tsv"
    divergences, problems = read_divergences(tsv)
    files = documents(source)
    to_run = [f for f in files if divergences.get(f, ("",))[0] != "skip"]
    parser = run_parser(source, modules, to_run)
    asynclint = run_asynclint(binary, source, to_run)

    for path in sorted(set(divergences) - set(files)):
        problems.append(f"{path}: listed in {tsv.name} but not an AsyncAPI document under "
                        "testdata/ (stale entry: remove it)")
    for path in to_run:
        by_parser, by_asynclint = parser[path], asynclint[path]
        actual = None
        if by_parser and not by_asynclint:
            actual = "parser-only"
        elif by_asynclint and not by_parser:
            actual = "asynclint-only"
        listed = divergences.get(path, (None,))[0]
        if actual == listed:
            continue
        if actual is None:
            problems.append(f"{path}: listed as {listed} in {tsv.name} but both now "
                            f"{'report errors' if by_parser else 'accept it'} (stale entry: "
                            "remove it)")
        elif actual == "parser-only":
            problems.append(f"{path}: the parser reports errors that asynclint does not: "
                            f"{describe(by_parser)}")
        else:
            problems.append(f"{path}: asynclint reports errors that the parser does not: "
                            f"{describe(by_asynclint)}")
    print(f"parity: {len(to_run)} documents compared, "
          f"{sum(1 for d in divergences.values() if d[0] != 'skip')} known divergences, "
          f"{sum(1 for d in divergences.values() if d[0] == 'skip')} skipped")
    for problem in problems:
        print("parity: " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
