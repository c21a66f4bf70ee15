#!/usr/bin/env python3
"""The npm package (WebAssembly, scripts/package-npm.sh) beside the native binary: whole-process
wall time (median) and peak RSS of `asynclint validate` on the order producer and on the
1,000-channel document of generate.py. The package is installed from its tarball into a scratch
folder and run as `node .../bin/asynclint.js` (what `asynclint` runs after `npm install -g`) and
as `npx --no-install asynclint` (npx's own start-up included). Both must give the same output.
With --anchors DIR (a folder where `npm install @redocly/cli @stoplight/spectral-cli` was run),
the Node tools people use today run on the same documents beside them: `redocly lint` and
`spectral lint` with `spectral:asyncapi`. Target (issue 18): the WebAssembly build at least 1.5x
faster than the fastest anchor on the order producer, and 1.2x on 1,000 channels.

    python3 bench/wasm.py [--native build/release/asynclint] [--package dist/asynclint-X.Y.Z.tgz]
                          [--anchors DIR] [--runs 11]
"""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (run, median_run, mib, generate)


def measure(label, command, runs):
    results, wall = bench.median_run(command, runs)
    peak = max(result.peak_rss for result in results)
    print(f"  {label:<34} {wall * 1000:8.1f} ms median of {runs}, peak RSS {bench.mib(peak)}")
    return results[0], wall


def anchor_commands(folder, scratch):
    """The Node tools to compare with, as found in `folder`/node_modules/.bin."""
    tools = os.path.join(folder, "node_modules", ".bin")
    ruleset = os.path.join(scratch, "spectral-asyncapi.yaml")
    with open(ruleset, "w") as file:
        file.write("extends: [spectral:asyncapi]\n")
    return {
        "redocly lint": lambda path: [os.path.join(tools, "redocly"), "lint", path],
        "spectral lint (spectral:asyncapi)": lambda path: [os.path.join(tools, "spectral"), "lint",
                                                          "-r", ruleset, path],
    }


def main():
    version = subprocess.run(["sed", "-n", r"s/^project(asynclint VERSION \([0-9.]*\).*/\1/p",
                              os.path.join(bench.ROOT, "CMakeLists.txt")], capture_output=True,
                             text=True, check=True).stdout.strip()
    parser = argparse.ArgumentParser()
    parser.add_argument("--native", default=bench.ASYNCLINT)
    parser.add_argument("--package", default=os.path.join(bench.ROOT, "dist", f"asynclint-{version}.tgz"))
    parser.add_argument("--anchors", help="a folder with @redocly/cli and @stoplight/spectral-cli")
    parser.add_argument("--runs", type=int, default=11)
    options = parser.parse_args()
    bench.ASYNCLINT = options.native  # generate() checks the document with it
    os.makedirs(bench.OUT, exist_ok=True)
    documents = {"order producer": bench.ORDER_PRODUCER, "1,000 channels": bench.generate(1000)}
    with tempfile.TemporaryDirectory(prefix="asynclint-bench-npm-") as scratch:
        with open(os.path.join(scratch, "package.json"), "w") as file:
            file.write('{"private": true}\n')
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                        os.path.abspath(options.package)], cwd=scratch, check=True)
        launcher = os.path.join(scratch, "node_modules", "asynclint", "bin", "asynclint.js")
        npx = ["npx", "--no-install", "--prefix", scratch, "asynclint"]
        anchors = anchor_commands(options.anchors, scratch) if options.anchors else {}
        targets = {"order producer": 1.5, "1,000 channels": 1.2}
        for name, path in documents.items():
            print(f"{name} ({bench.mib(os.path.getsize(path))}):")
            args = ["validate", "--no-color", path]
            native, _ = measure("native", [options.native, *args], options.runs)
            wasm, wasm_wall = measure("wasm: node bin/asynclint.js", ["node", launcher, *args],
                                      options.runs)
            measure("wasm: npx --no-install asynclint", [*npx, *args], options.runs)
            if (native.stdout, native.exit_code) != (wasm.stdout, wasm.exit_code):
                sys.exit(f"the outputs differ on {path}")
            walls = {label: measure(label, command(path), options.runs)[1]
                     for label, command in anchors.items()}
            if walls:
                fastest = min(walls, key=walls.get)
                ratio = walls[fastest] / wasm_wall
                print(f"  wasm vs the fastest anchor ({fastest}): {ratio:.2f}x faster "
                      f"(>= {targets[name]}x: {bench.verdict(ratio >= targets[name])})")


if __name__ == "__main__":
    main()
