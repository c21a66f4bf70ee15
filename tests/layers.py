#!/usr/bin/env python3
"""Checks that every #include of the project follows the layering of ARCHITECTURE.md.

The table of ARCHITECTURE.md names each layer, its folder(s) and the layers it may include
("nothing", a list, or "everything"). A file of layer L may include its own layer's headers, the
data types (diagnostic), and the layers of L's row; anything else is printed and fails the test.
Usage: layers.py <project root>
"""
import pathlib
import re
import sys

ROW = re.compile(r"^\| (?P<layer>[a-z]+) \| (?P<folders>[^|]+) \| [^|]+ \| (?P<allowed>[^|]+) \|$")
INCLUDE = re.compile(r'^#include "(?P<path>[^"]+)"', re.MULTILINE)


def read_table(architecture):
    layers = {}
    for line in architecture.read_text(encoding="utf-8").splitlines():
        row = ROW.match(line)
        if not row or row["layer"] == "layer":
            continue
        folders = re.findall(r"`([^`]+)`", row["folders"])
        allowed = row["allowed"].strip()
        names = set() if allowed == "nothing" else {"*"} if allowed == "everything" else {
            name.strip() for name in allowed.split(",")}
        layers[row["layer"]] = (folders, names)
    return layers


def layer_of(relative, layers):
    """The layer whose folder (or file pattern) holds `relative`, a path from the root."""
    for layer, (folders, _) in layers.items():
        for folder in folders:
            if folder.endswith("/") and relative.startswith(folder):
                return layer
            if folder.endswith(".*") and relative.rsplit(".", 1)[0] == folder[:-2]:
                return layer
            if relative == folder:
                return layer
    return None


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    layers = read_table(root / "ARCHITECTURE.md")
    if len(layers) < 10:
        print(f"ARCHITECTURE.md: found {len(layers)} layers in its table; expected the whole table")
        return 1
    problems = []
    files = sorted(list((root / "src").rglob("*.[ch]pp")) + list((root / "rules").glob("*.cpp")))
    for path in files:
        relative = path.relative_to(root).as_posix()
        layer = layer_of(relative, layers)
        if layer is None:
            problems.append(f"{relative}: in no layer of ARCHITECTURE.md")
            continue
        allowed = layers[layer][1]
        for include in INCLUDE.finditer(path.read_text(encoding="utf-8")):
            target = layer_of("src/" + include["path"], layers)
            if target is None:
                problems.append(f"{relative}: includes \"{include['path']}\", in no layer")
            elif target not in (layer, "diagnostic") and "*" not in allowed \
                    and target not in allowed:
                problems.append(f"{relative}: {layer} includes \"{include['path']}\" of layer "
                                f"{target}; ARCHITECTURE.md lets {layer} include "
                                f"{', '.join(sorted(allowed)) or 'nothing'}")
    for problem in problems:
        print(problem)
    print(f"{len(files)} files checked against {len(layers)} layers: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
