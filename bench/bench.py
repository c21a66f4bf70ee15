#!/usr/bin/env python3
"""The measurements of bench/run.sh (which builds build/release first). Writes its documents to
bench/out/ and prints each figure beside its target: met or NOT MET."""
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
ASYNCLINT = os.path.join(ROOT, "build", "release", "asynclint")
BARE_PARSE = os.path.join(ROOT, "build", "release", "bench", "asynclint_bare_parse")
ORDER_PRODUCER = os.path.join(ROOT, "testdata", "valid", "order-producer.yaml")
QUICK = "--quick" in sys.argv
RUNS = 3 if QUICK else 5


class Run:
    def __init__(self, seconds, peak_rss_bytes, exit_code, stdout, stderr):
        self.seconds = seconds
        self.peak_rss = peak_rss_bytes
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr


class MeasuredPopen(subprocess.Popen):
    """Popen that reaps its child with wait4, keeping the child's own peak RSS (getrusage of
    RUSAGE_CHILDREN would give the largest of all children so far)."""
    peak_rss = 0

    def _try_wait(self, wait_flags):
        try:
            pid, status, usage = os.wait4(self.pid, wait_flags)
        except ChildProcessError:
            return (self.pid, 0)
        if pid == self.pid:
            self.peak_rss = usage.ru_maxrss * 1024
        return (pid, status)


def run(args, timeout=120):
    """Runs a process: its wall time, peak RSS, exit code and output."""
    start = time.perf_counter()
    process = MeasuredPopen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
    seconds = time.perf_counter() - start
    return Run(seconds, process.peak_rss, process.returncode, stdout.decode(), stderr.decode())


def median_run(args, runs=RUNS):
    results = [run(args) for _ in range(runs)]
    return results, statistics.median(r.seconds for r in results)


def phase_times(stderr):
    """Sums the per-file phases that --timings prints: 'timings: FILE: load X s, schema Y s,
    rules Z s' and 'timings: report W s'."""
    phases = {"load": 0.0, "schema": 0.0, "rules": 0.0, "report": 0.0}
    for line in stderr.splitlines():
        if not line.startswith("timings: "):
            continue
        for part in line.rsplit(": ", 1)[1].split(", "):
            name, value, _unit = part.split(" ")
            phases[name] += float(value)
    return phases


def verdict(met):
    return "met" if met else "NOT MET"


def mib(n):
    return f"{n / (1 << 20):.1f} MiB"


def generate(channels):
    path = os.path.join(OUT, f"channels-{channels}.yaml")
    with open(path, "w") as file:
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), str(channels)],
                       stdout=file, check=True)
    check = run([ASYNCLINT, "validate", "--no-color", path])
    if check.exit_code != 0 or "0 errors, 0 warnings" not in check.stdout:
        sys.exit(f"the generated document {path} is not clean:\n{check.stdout[:2000]}")
    return path


def bench_document(channels):
    path = generate(channels)
    size = os.path.getsize(path)
    results, wall = median_run([ASYNCLINT, "validate", "--timings", "--no-color", path])
    phases = {name: statistics.median(phase_times(r.stderr)[name] for r in results)
              for name in ("load", "schema", "rules", "report")}
    peak = max(r.peak_rss for r in results)
    _bare_results, bare = median_run([BARE_PARSE, path])
    print(f"{channels:>6} channels ({mib(size)}): {wall * 1000:8.1f} ms median of {len(results)}, "
          f"peak RSS {mib(peak)} ({peak / size:.1f}x the file)")
    print(f"         phases: load {phases['load'] * 1000:.1f} ms, schema "
          f"{phases['schema'] * 1000:.1f} ms, rules {phases['rules'] * 1000:.1f} ms, report "
          f"{phases['report'] * 1000:.1f} ms; bare yaml-cpp event parse {bare * 1000:.1f} ms "
          f"(asynclint / bare = {wall / bare:.2f}x)")
    return {"wall": wall, "bare": bare, "peak": peak, "size": size, "phases": phases}


def bench_small_files(count):
    folder = os.path.join(OUT, "small")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    with open(ORDER_PRODUCER) as file:
        text = file.read()
    paths = []
    for i in range(count):
        path = os.path.join(folder, f"service-{i:04d}.yaml")
        with open(path, "w") as file:
            file.write(text.replace("version: 1.2.0", f"version: 1.2.{i}"))
        paths.append(path)
    figures = {}
    outputs = {}
    for jobs in ("1", "2"):
        results, figures[jobs] = median_run([ASYNCLINT, "validate", "--no-color", "--jobs", jobs]
                                            + paths)
        outputs[jobs] = {r.stdout for r in results}
    identical = len(outputs["1"] | outputs["2"]) == 1
    speedup = figures["1"] / figures["2"]
    print(f"{count} small files: --jobs 1 {figures['1'] * 1000:.0f} ms, --jobs 2 "
          f"{figures['2'] * 1000:.0f} ms (median of {RUNS}): {speedup:.2f}x; output identical: "
          f"{'yes' if identical else 'NO'}")
    return speedup, identical


def bench_hostile():
    folder = os.path.join(OUT, "hostile")
    listing = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "hostile.py"), folder],
                             capture_output=True, text=True, check=True).stdout.split()
    rows = []
    for path in listing:
        result = run([ASYNCLINT, "validate", "--no-color", "--quiet", path], timeout=60)
        first = (result.stdout.splitlines() or ["(no output)"])[0]
        first = first.replace(path, os.path.basename(path))
        ok = result.exit_code in (1, 2) and result.seconds < 1 and result.peak_rss < 200 << 20
        rows.append(ok)
        print(f"  {os.path.basename(path):<20} exit {result.exit_code}, {result.seconds * 1000:7.1f} "
              f"ms, {mib(result.peak_rss):>9}: {verdict(ok)}: {first[:110]}")
    return all(rows)


def main():
    for tool in (ASYNCLINT, BARE_PARSE):
        if not os.access(tool, os.X_OK):
            sys.exit(f"{tool} is missing: run bench/run.sh, which builds it")
    os.makedirs(OUT, exist_ok=True)
    targets = []
    print(f"asynclint benchmark ({os.cpu_count()} cores; wall times are medians of {RUNS} runs)\n")

    results, order = median_run([ASYNCLINT, "validate", "--no-color", ORDER_PRODUCER], runs=11)
    print(f"order producer document: {order * 1000:.1f} ms median of 11, peak RSS "
          f"{mib(max(r.peak_rss for r in results))}\n")
    targets.append(("order producer: whole process <= 15 ms", f"{order * 1000:.1f} ms",
                    order <= 0.015))

    sizes = (10, 1000) if QUICK else (10, 1000, 10000)
    documents = {channels: bench_document(channels) for channels in sizes}
    print()
    if 10000 in documents:
        big = documents[10000]
        ratio = big["wall"] / big["bare"]
        targets.append(("10,000 channels: total <= 2x bare yaml-cpp parse", f"{ratio:.2f}x",
                        ratio <= 2))
        rss = big["peak"] / big["size"]
        targets.append(("10,000 channels: peak RSS <= 10x the file size", f"{rss:.1f}x", rss <= 10))
        growth = (big["wall"] / 10000) / (documents[1000]["wall"] / 1000)
        targets.append(("time per channel, 1,000 -> 10,000: grows <= 1.2x", f"{growth:.2f}x",
                        growth <= 1.2))

    speedup, identical = bench_small_files(1000)
    targets.append(("1,000 small files: --jobs 2 >= 1.8x faster than --jobs 1", f"{speedup:.2f}x",
                    speedup >= 1.8))
    targets.append(("1,000 small files: output identical for --jobs 1 and 2",
                    "yes" if identical else "no", identical))

    print("\nhostile inputs (each: exit 1 or 2, under 1 s and 200 MiB):")
    hostile_ok = bench_hostile()
    targets.append(("hostile inputs: exit 1 or 2, < 1 s, < 200 MiB each", "see above", hostile_ok))

    print("\ntargets:")
    for name, figure, met in targets:
        print(f"  {name:<58} {figure:>10}  {verdict(met)}")


if __name__ == "__main__":
    main()
