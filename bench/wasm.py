#!/usr/bin/env python3
"""The npm package (WebAssembly, scripts/package-npm.sh) beside the native binary: whole-process
wall time (median) and peak RSS of `asynclint validate` on the order producer and on the
1,000-channel document of generate.py. The package is installed from its tarball into a scratch
folder and run as `node .../bin/asynclint.js` (what `asynclint` runs after `npm install -g`) and
as `npx --no-install asynclint` (npx's own start-up included). Both must give the same output.

    python3 bench/wasm.py [--native build/release/asynclint] [--package dist/asynclint-X.Y.Z.tgz] [--runs 11]
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
    return results[0]


def main():
    version = subprocess.run(["sed", "-n", r"s/^project(asynclint VERSION \([0-9.]*\).*/\1/p",
                              os.path.join(bench.ROOT, "CMakeLists.txt")], capture_output=True,
                             text=True, check=True).stdout.strip()
    parser = argparse.ArgumentParser()
    parser.add_argument("--native", default=bench.ASYNCLINT)
    parser.add_argument("--package", default=os.path.join(bench.ROOT, "dist", f"asynclint-{version}.tgz"))
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
        for name, path in documents.items():
            print(f"{name} ({bench.mib(os.path.getsize(path))}):")
            args = ["validate", "--no-color", path]
            native = measure("native", [options.native, *args], options.runs)
            wasm = measure("wasm: node bin/asynclint.js", ["node", launcher, *args], options.runs)
            measure("wasm: npx --no-install asynclint", [*npx, *args], options.runs)
            if (native.stdout, native.exit_code) != (wasm.stdout, wasm.exit_code):
                sys.exit(f"the outputs differ on {path}")


if __name__ == "__main__":
    main()
