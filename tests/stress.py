#!/usr/bin/env python3
"""Structure-aware stress test: documents with random references among schemas.

The byte-level fuzzers never build the shapes that broke asynclint in the wild (a schema that
reaches itself through allOf/oneOf without consuming data). This generator does: for a fixed
set of seeds it writes AsyncAPI 2.6 and 3.0 documents whose component schemas reference each
other at random through allOf, anyOf, oneOf, not, if/then/else, items and properties, with random
examples, defaults, enums and message examples, and checks on each: asynclint exits 0 or 1 (no
crash, no input error), and gives the same output twice.

Usage: stress.py ASYNCLINT [SEEDS]
"""
import json
import os
import random
import subprocess
import sys
import tempfile

APPLICATORS = ["allOf", "anyOf", "oneOf", "not", "if", "items", "properties"]
TYPES = ["object", "string", "integer", "number", "boolean", "array"]


def random_value(rng, depth=0):
    kind = rng.choice(["str", "int", "num", "bool", "null", "obj", "arr"] if depth < 2 else
                      ["str", "int", "bool"])
    if kind == "str":
        return rng.choice(["a", "electric", "", "x" * rng.randint(1, 40)])
    if kind == "int":
        return rng.randint(-5, 5)
    if kind == "num":
        return rng.random() * 10
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "null":
        return None
    if kind == "obj":
        return {rng.choice(["p0", "p1", "p2", "kind"]): random_value(rng, depth + 1)
                for _ in range(rng.randint(0, 3))}
    return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]


def ref(name, _version):
    return {"$ref": f"#/components/schemas/{name}"}


def random_schema(rng, names, version):
    schema = {}
    if rng.random() < 0.6:
        schema["type"] = rng.choice(TYPES)
    for _ in range(rng.randint(1, 3)):
        applicator = rng.choice(APPLICATORS)
        target = lambda: ref(rng.choice(names), version) if rng.random() < 0.8 else {
            "type": rng.choice(TYPES)}
        if applicator in ("allOf", "anyOf", "oneOf"):
            schema[applicator] = [target() for _ in range(rng.randint(1, 3))]
        elif applicator == "if":
            schema["if"] = target()
            schema["then"] = target()
            if rng.random() < 0.5:
                schema["else"] = target()
        elif applicator == "properties":
            schema["properties"] = {f"p{i}": target() for i in range(rng.randint(1, 3))}
            if rng.random() < 0.3:
                schema["required"] = ["p0"]
        else:
            schema[applicator] = target()
    if rng.random() < 0.5:
        schema["examples"] = [random_value(rng) for _ in range(rng.randint(1, 2))]
    if rng.random() < 0.3:
        schema["default"] = random_value(rng)
    if rng.random() < 0.2:
        schema["enum"] = [random_value(rng) for _ in range(rng.randint(1, 3))]
    return schema


def document(seed):
    rng = random.Random(seed)
    version = rng.choice(["2.6.0", "3.0.0"])
    names = [f"S{i}" for i in range(rng.randint(2, 6))]
    schemas = {name: random_schema(rng, names, version) for name in names}
    message = {"payload": ref(rng.choice(names), version),
               "examples": [{"payload": random_value(rng)} for _ in range(rng.randint(1, 2))]}
    doc = {"asyncapi": version, "info": {"title": f"stress {seed}", "version": "1.0.0"},
           "components": {"schemas": schemas}}
    if version == "2.6.0":
        doc["channels"] = {"things": {"publish": {"message": message}}}
    else:
        doc["channels"] = {"things": {"address": "things", "messages": {"thing": message}}}
        doc["operations"] = {"sendThing": {"action": "send",
                                           "channel": {"$ref": "#/channels/things"}}}
    return doc


def run(binary, path):
    result = subprocess.run([binary, "validate", "--no-color", "--no-config", path],
                            capture_output=True, text=True, timeout=60)
    return result.returncode, result.stdout + result.stderr


def main():
    binary = sys.argv[1]
    seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    failures = []
    with tempfile.TemporaryDirectory(prefix="asynclint-stress-") as folder:
        for seed in range(seeds):
            path = os.path.join(folder, f"stress-{seed}.json")
            with open(path, "w", encoding="utf-8") as out:
                json.dump(document(seed), out, indent=1)
            first = run(binary, path)
            second = run(binary, path)
            if first[0] not in (0, 1):
                failures.append(f"seed {seed}: exit {first[0]}\n{first[1][-2000:]}")
            elif first != second:
                failures.append(f"seed {seed}: two runs gave different output")
    for failure in failures:
        print("stress:", failure)
    print(f"{seeds - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
