#!/usr/bin/env python3
"""How `asynclint validate --system` scales with the number of services.

Generates systems of N services with 10 operations each (5 sends to its own addresses, 5
receives from the previous service's addresses, so every address has one producer and one
consumer and the payloads agree), runs `asynclint validate --system` on each size and prints
the wall time per size and per service, and the time of the system phase alone (the system
rules over all documents, from --timings). Linear scaling shows as a flat time per service.

    python3 bench/system.py [--binary build/release/asynclint] [--sizes 250,500,1000]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

OPERATIONS_PER_SIDE = 5  # sends, and as many receives


def address(service, event):
    return f"svc{service}.event{event}"


def document(index, count):
    previous = (index - 1) % count
    lines = [
        "asyncapi: 3.0.0",
        "info:",
        f"  title: Service {index}",
        "  version: 1.0.0",
        "servers:",
        "  broker:",
        "    host: kafka.example.com:9092",
        "    protocol: kafka",
        "channels:",
    ]
    operations = []
    for event in range(OPERATIONS_PER_SIDE):
        for side, owner, action in (("out", index, "send"), ("in", previous, "receive")):
            channel = f"{side}{event}"
            lines += [
                f"  {channel}:",
                f"    address: {address(owner, event)}",
                "    messages:",
                "      event:",
                f"        $ref: '#/components/messages/Event{event}'",
            ]
            operations += [
                f"  {action}{channel}:",
                f"    action: {action}",
                "    channel:",
                f"      $ref: '#/channels/{channel}'",
                "    messages:",
                f"      - $ref: '#/channels/{channel}/messages/event'",
            ]
    lines += ["operations:"] + operations + ["components:", "  messages:"]
    for event in range(OPERATIONS_PER_SIDE):
        lines += [
            f"    Event{event}:",
            f"      name: Event{event}",
            "      payload:",
            "        $ref: '#/components/schemas/Payload'",
        ]
    lines += [
        "  schemas:",
        "    Payload:",
        "      type: object",
        "      required: [id, at]",
        "      properties:",
        "        id:",
        "          type: string",
        "          format: uuid",
        "        at:",
        "          type: string",
        "          format: date-time",
        "        amount:",
        "          type: integer",
        "          minimum: 0",
    ]
    return "\n".join(lines) + "\n"


def generate(folder, count):
    os.makedirs(folder)
    for index in range(count):
        with open(os.path.join(folder, f"service-{index:05d}.yaml"), "w") as file:
            file.write(document(index, count))


def system_seconds(timings):
    for line in timings.splitlines():
        if line.startswith("timings: system "):
            return float(line.split()[2])
    return float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default="build/release/asynclint")
    parser.add_argument("--sizes", default="250,500,1000")
    arguments = parser.parse_args()
    if not os.path.exists(arguments.binary):
        sys.exit(f"no binary at {arguments.binary}: build the release preset or pass --binary")
    sizes = [int(size) for size in arguments.sizes.split(",")]
    scratch = tempfile.mkdtemp(prefix="asynclint-system-bench-")
    try:
        print(f"{'services':>8}  {'operations':>10}  {'seconds':>8}  {'ms/service':>10}  "
              f"{'system s':>8}  exit")
        for size in sizes:
            folder = os.path.join(scratch, str(size))
            generate(folder, size)
            start = time.perf_counter()
            result = subprocess.run(
                [arguments.binary, "validate", "--system", "--timings", "--no-config", "-f", "json",
                 "-o", os.devnull, folder],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            seconds = time.perf_counter() - start
            system = system_seconds(result.stderr.decode(errors="replace"))
            print(f"{size:>8}  {size * 2 * OPERATIONS_PER_SIDE:>10}  {seconds:>8.2f}  "
                  f"{1000 * seconds / size:>10.2f}  {system:>8.2f}  {result.returncode}")
            if result.returncode not in (0, 1):
                sys.exit(result.stderr.decode(errors="replace"))
    finally:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
