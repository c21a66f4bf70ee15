#!/usr/bin/env python3
"""Writes the hostile inputs of issue 7 into a folder (the same shapes as tests/hostile_test.cpp,
which builds them at test time): asynclint must reject each with a clear error, quickly and in
bounded memory. Usage: hostile.py FOLDER. Prints each file name written."""
import os
import sys

HEAD = "asyncapi: 3.0.0\ninfo:\n  title: Hostile\n  version: 1.0.0\n"


def alias_bomb() -> bytes:
    # Nine levels of nine aliases each: 9^9 (387 million) leaves when expanded.
    lines = [HEAD, "x-bomb:\n", "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"]
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"  a{level}: &a{level} [{refs}]\n")
    return "".join(lines).encode()


def ref_cycle(length: int) -> bytes:
    lines = [HEAD, "channels:\n"]
    for i in range(length):
        lines.append(f"  c{i}:\n    $ref: '#/channels/c{(i + 1) % length}'\n")
    return "".join(lines).encode()


def json_keys(count: int) -> bytes:
    members = ",".join(f'"k{i}":{i}' for i in range(count))
    return ('{"asyncapi":"3.0.0","info":{"title":"Hostile","version":"1.0.0"},"x-wide":{'
            + members + "}}").encode()


INPUTS = {
    "alias-bomb.yaml": alias_bomb,
    "deep-flow.yaml": lambda: (HEAD + "x-deep: " + "[" * 100_000 + "]" * 100_000 + "\n").encode(),
    # Compact block sequences: "- - - x" nests without indenting.
    "deep-block.yaml": lambda: (HEAD + "x-deep:\n" + "- " * 100_000 + "x\n").encode(),
    "huge-scalar.yaml": lambda: (HEAD + "x-big: '" + "a" * (50 << 20) + "'\n").encode(),
    "invalid-utf8.yaml": lambda: HEAD.encode() + b"x-bad: caf\xe9\n",
    "nul-bytes.yaml": lambda: HEAD.encode() + b"x-nul: a\x00b\n",
    "utf16.yaml": lambda: b"\xff\xfe" + HEAD.encode("utf-16-le"),
    "million-keys.json": lambda: json_keys(1_000_000),
    "ref-cycle-1.yaml": lambda: ref_cycle(1),
    "ref-cycle-1000.yaml": lambda: ref_cycle(1000),
}


def main() -> None:
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    for name, make in INPUTS.items():
        with open(os.path.join(folder, name), "wb") as file:
            file.write(make())
        print(os.path.join(folder, name))


if __name__ == "__main__":
    main()
