#!/usr/bin/env python3
"""The npm package gives the native binary's answers: installs the packed tarball
(scripts/package-npm.sh) with `npm install` into an empty folder, then runs every YAML and JSON file
under testdata/ through the native binary and through the package's `asynclint` command, in text
(--no-color), json and sarif, in batches of documents (one document at a time where a batch
differs), and fails on any difference of output (byte for byte) or exit code,
unless tests/wasm/divergences.tsv lists that file and format with a reason (a listed one that no
longer differs fails too). Also: `npx asynclint` from the install folder, the JavaScript API
(require and import) against `-f json` over all the documents at once, and the JavaScript example of
npm/README.md against tests/wasm/readme-example.expected.
Skips (exit 77) when there is no tarball because emscripten is not installed; fails instead when
CI=true.

Usage: compare.py <native asynclint> <asynclint-X.Y.Z.tgz> <source dir>"""
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FORMATS = {"text": ["--no-color"], "json": ["-f", "json"], "sarif": ["-f", "sarif"]}


def skip_or_fail(message):
    if os.environ.get("CI") == "true":
        print(f"FAIL: {message} (CI=true: the WebAssembly comparison must run)")
        return 1
    print(f"SKIP: {message}")
    return 77


def documents(source):
    return sorted(path.relative_to(source).as_posix() for path in (source / "testdata").rglob("*")
                  if path.is_file() and path.suffix in (".yaml", ".yml", ".json"))


def read_divergences(tsv):
    """{(path, format): reason}; format is text, json, sarif or * (all three)."""
    entries, problems = {}, []
    for number, line in enumerate(tsv.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or fields[1] not in (*FORMATS, "*") or not fields[2].strip():
            problems.append(f"{tsv.name}:{number}: want 'path<TAB>text|json|sarif|*<TAB>reason', got {line!r}")
            continue
        entries[(fields[0], fields[1])] = fields[2]
    return entries, problems


def run(command, cwd):
    done = subprocess.run(command, cwd=cwd, capture_output=True, timeout=300)
    return done.returncode, done.stdout, done.stderr


def compare_batch(native, launcher, source, batch, form):
    """None when native and wasm give the same output and exit code on `batch` run at once."""
    args = ["validate", *batch, *FORMATS[form]]
    expected = run([native, *args], source)
    got = run(["node", launcher, *args], source)
    if expected[:2] == got[:2]:
        return None
    if expected[0] != got[0]:
        return f"exit {expected[0]} native, {got[0]} wasm; stderr: {got[2].decode(errors='replace')[:300]}"
    return "output differs:\n" + first_difference(expected[1], got[1])


def first_difference(expected, got):
    for number, (one, other) in enumerate(zip(expected.splitlines(), got.splitlines()), 1):
        if one != other:
            return f"    line {number} native: {one[:200]!r}\n    line {number} wasm:   {other[:200]!r}"
    return f"    native {len(expected)} bytes, wasm {len(got)} bytes"


# Documents per run: each WebAssembly start costs a Node start and the module's compilation, so
# the documents go through in batches; a batch that differs is run again one document at a time,
# which names the documents (and lets divergences.tsv excuse them one by one).
BATCH = 40


def compare_documents(native, launcher, source, divergences):
    failures, listed_hits = [], set()
    files = documents(source)
    batches = [(files[i:i + BATCH], form) for i in range(0, len(files), BATCH) for form in FORMATS]

    def check(job):
        batch, form = job
        together = compare_batch(native, launcher, source, batch, form)
        if together is None:
            return []
        alone = [((document, form), compare_batch(native, launcher, source, [document], form))
                 for document in batch]
        if all(problem is None for _, problem in alone):  # only the batch as a whole differs
            return [((f"{batch[0]} ... {batch[-1]} (together)", form), together)]
        return alone

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for results in pool.map(check, batches):
            for (document, form), problem in results:
                key = next((k for k in ((document, form), (document, "*")) if k in divergences), None)
                if problem and key:
                    listed_hits.add(key)
                elif problem:
                    failures.append(f"{document} ({form}): {problem}")
    for key in sorted(set(divergences) - listed_hits):
        failures.append(f"{key[0]} ({key[1]}): listed in divergences.tsv but no longer differs")
    print(f"compared {len(files)} files x {len(FORMATS)} formats in {len(batches)} runs of up to "
          f"{BATCH} files each, {len(listed_hits)} listed divergences")
    return failures


def check_api(native, install, source):
    """validate() (CommonJS and ES module) on every AsyncAPI document at once = -f json."""
    failures = []
    files = [document for document in documents(source) if "/rulesets/" not in document]
    expected = json.loads(run([native, "validate", "-f", "json", *files], source)[1])
    script = ("const {validate} = require('asynclint');"
              f"validate({json.dumps(files)}, {{cwd: {json.dumps(str(source))}}})"
              ".then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e); process.exit(3); });")
    module = ("import {validate} from 'asynclint';"
              f"process.stdout.write(JSON.stringify(await validate({json.dumps(files[:3])}, {{cwd: {json.dumps(str(source))}}})));")
    status, out, err = run(["node", "-e", script], install)
    if status != 0 or json.loads(out) != expected:
        failures.append(f"require('asynclint').validate differs from -f json (exit {status}): {err.decode()[:300]}")
    status, out, err = run(["node", "--input-type=module", "-e", module], install)
    expected_three = json.loads(run([native, "validate", "-f", "json", *files[:3]], source)[1])
    if status != 0 or json.loads(out) != expected_three:
        failures.append(f"import {{validate}} from 'asynclint' differs from -f json (exit {status}): {err.decode()[:300]}")
    return failures


def check_readme_example(install, source):
    readme = (source / "npm" / "README.md").read_text(encoding="utf-8")
    section = readme.split("## JavaScript API", 1)[1]
    example = re.search(r"```js\n(.*?)```", section, re.DOTALL).group(1)
    (install / "example.js").write_text(example, encoding="utf-8")
    status, out, err = run(["node", "example.js"], install)
    expected = (source / "tests" / "wasm" / "readme-example.expected").read_bytes()
    if status != 0 or out != expected:
        return [f"npm/README.md's example (exit {status}) printed:\n{out.decode()}{err.decode()}"
                f"instead of tests/wasm/readme-example.expected:\n{expected.decode()}"]
    return []


def check_npx(install, source):
    document = str(source / "testdata" / "invalid" / "constraints.yaml")
    status, out, _ = run(["npx", "--no-install", "asynclint", "validate", "--no-color", document], install)
    if status != 1 or b"constraints.yaml" not in out:
        return [f"npx asynclint validate exited {status}: {out.decode()[:300]}"]
    return []


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    native, tarball, source = Path(sys.argv[1]).resolve(), Path(sys.argv[2]), Path(sys.argv[3]).resolve()
    if not tarball.is_file():
        if shutil.which("em++") is None:
            return skip_or_fail(f"{tarball} is missing and emscripten is not installed (scripts/setup-wasm.sh)")
        print(f"FAIL: {tarball} is missing: run scripts/package-npm.sh")
        return 1
    divergences, failures = read_divergences(source / "tests" / "wasm" / "divergences.tsv")
    with tempfile.TemporaryDirectory(prefix="asynclint-npm-") as folder:
        install = Path(folder)
        (install / "package.json").write_text('{"private": true}\n', encoding="utf-8")
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", str(tarball.resolve())],
                       cwd=install, check=True)
        launcher = str(install / "node_modules" / "asynclint" / "bin" / "asynclint.js")
        failures += check_npx(install, source)
        failures += check_readme_example(install, source)
        failures += check_api(native, install, source)
        failures += compare_documents(native, launcher, source, divergences)
    for failure in failures:
        print(f"FAIL: {failure}")
    print("wasm comparison: " + ("FAILED" if failures else "identical"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
