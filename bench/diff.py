#!/usr/bin/env python3
"""How long `asynclint diff` takes on a large document against itself with one change.

Generates the N-channel document of generate.py (10,000 channels: 15.4 MiB), a copy in which one
received message's payload gains a required property (one breaking change), and times
`asynclint diff OLD NEW` (median of the runs): the whole process, and the phases that
`--timings` prints (both sides are loaded at once, on two threads). It checks that the one
change is the one finding.

    python3 bench/diff.py [--binary build/release/asynclint] [--channels 10000] [--runs 3]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def phases(stderr):
    found = {}
    for line in stderr.splitlines():
        if line.startswith("timings: "):
            name, seconds = line[len("timings: "):].split()[:2]
            found[name] = float(seconds)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default="build/release/asynclint")
    parser.add_argument("--channels", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    if not os.path.exists(arguments.binary):
        sys.exit(f"no binary at {arguments.binary}: build the release preset or pass --binary")
    scratch = tempfile.mkdtemp(prefix="asynclint-diff-bench-")
    try:
        old = os.path.join(scratch, "old.yaml")
        new = os.path.join(scratch, "new.yaml")
        with open(old, "w") as file:
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"),
                            str(arguments.channels)], stdout=file, check=True)
        text = open(old).read()
        changed = arguments.channels // 2
        anchor = f"    Reading{changed}Payload:\n      type: object\n      additionalProperties: false\n      required:\n"
        if text.count(anchor) != 1:
            sys.exit("generate.py changed: the payload to edit is not found")
        with open(new, "w") as file:
            file.write(text.replace(anchor, anchor + "        - unit\n"))
        walls, loads, compares = [], [], []
        for _ in range(arguments.runs):
            start = time.perf_counter()
            result = subprocess.run(
                [arguments.binary, "diff", "--timings", "--no-config", "-f", "json", old, new],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            walls.append(time.perf_counter() - start)
            timings = phases(result.stderr.decode(errors="replace"))
            loads.append(timings.get("load", float("nan")))
            compares.append(timings.get("compare", float("nan")))
            findings = json.loads(result.stdout)["findings"]
            rules = [finding["rule"] for finding in findings]
            if result.returncode != 1 or rules != ["diff-received-payload-narrowed"]:
                sys.exit(f"unexpected result (exit {result.returncode}): {rules}")
        size = os.path.getsize(old) / (1 << 20)
        print(f"{arguments.channels} channels ({size:.1f} MiB) against itself with one change:")
        print(f"  whole process {statistics.median(walls):.3f} s (median of {arguments.runs}), "
              f"load of both sides {statistics.median(loads):.3f} s, "
              f"compare {statistics.median(compares):.3f} s")
        target = 1.0
        verdict = "met" if statistics.median(walls) <= target else "NOT MET"
        print(f"  target: whole process under {target:.0f} s: {verdict}")
    finally:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
