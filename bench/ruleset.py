#!/usr/bin/env python3
"""What custom rules cost: a 20-rule Spectral ruleset on the N-channel document of generate.py.

Times `asynclint validate --timings --jobs 1` on the document with the ruleset (the house style
below: every core function family, `..` descents, filters, aliases, resolved and raw rules) and
asynclint's own rules turned off (a configuration that says `extends: off`), minus the rules
phase of the same run with no rule at all, so that what is left is the custom rules' time; median
of the runs, beside the schema check of the same runs. Target (issue 19): custom
rules cost less than the schema check, and their time per channel does not grow from 1,000 to
10,000 channels (no quadratic JSONPath). It also checks that the run finds what the ruleset
is built to find, so that a rule that silently matches nothing cannot make it look fast.

    python3 bench/ruleset.py [--binary build/release/asynclint] [--runs 3]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

RULESET = r"""
aliases:
  Operations: ["$.operations[*]"]
  Payloads: ["$.components.schemas[*]"]
rules:
  info-contact-email: {given: $.info.contact, then: {field: email, function: truthy}, severity: warn}
  info-title-casing: {given: $.info.title, then: {function: pattern, functionOptions: {match: "^[A-Z]"}}}
  no-todo-anywhere: {given: "$..description", then: {function: pattern, functionOptions: {notMatch: "TODO|FIXME"}}}
  operation-summary: {given: "#Operations", then: {field: summary, function: truthy}}
  operation-action: {given: "#Operations", then: {field: action, function: enumeration, functionOptions: {values: [send, receive]}}}
  operation-id-camel: {given: "$.operations", then: {field: "@key", function: casing, functionOptions: {type: camel}}}
  channel-address-lower: {given: "$.channels[*].address", then: {function: pattern, functionOptions: {match: "^[a-z0-9/{}A-Z]+$"}}}
  channel-description: {given: "$.channels[*]", then: {field: description, function: defined}}
  channel-description-length: {given: "$.channels[*].description", then: {function: length, functionOptions: {max: 200}}}
  channel-key-casing: {given: "$.channels", then: {field: "@key", function: casing, functionOptions: {type: camel}}}
  parameter-description: {given: "$.channels[*].parameters[*]", then: {field: description, function: truthy}}
  message-name-defined: {given: "$.components.messages[*]", then: {field: name, function: defined}}
  message-content-type: {given: "$.components.messages[*]", then: {field: contentType, function: undefined}}
  payload-type-object: {given: "#Payloads", then: {field: type, function: enumeration, functionOptions: {values: [object]}}}
  payload-no-additional: {given: "#Payloads", then: {field: additionalProperties, function: falsy}}
  payload-properties-alphabetical: {given: "#Payloads", then: {field: required, function: alphabetical}}
  property-types: {given: "$..properties[*]", then: {field: type, function: truthy}}
  numbers-bounded: {given: "$..properties[?(@.type == 'number')]", then: {function: xor, functionOptions: {properties: [minimum, exclusiveMinimum]}}, severity: hint}
  servers-mqtt: {given: "$.servers[*]", then: {field: protocol, function: enumeration, functionOptions: {values: [mqtt, kafka]}}}
  info-schema: {given: $.info, resolved: false, then: {function: schema, functionOptions: {schema: {type: object, required: [title, version]}}}}
"""


def timings(stderr):
    for line in stderr.splitlines():
        if line.startswith("timings: ") and ": load " in line:
            parts = dict(part.strip().split(" ")[:2] for part in line.split(": ", 2)[2].split(","))
            return {name: float(seconds) for name, seconds in parts.items()}
    sys.exit("no timings line in:\n" + stderr)


def measure(binary, document, ruleset, config, runs):
    arguments = [binary, "validate", "--timings", "--jobs", "1", "--config", config, "-f", "json"]
    if ruleset:
        arguments += ["--ruleset", ruleset]
    samples = []
    output = ""
    for _ in range(runs):
        result = subprocess.run(arguments + [document], capture_output=True, text=True)
        if result.returncode not in (0, 1):
            sys.exit(f"asynclint exited {result.returncode}:\n{result.stderr}")
        samples.append(timings(result.stderr))
        output = result.stdout
    return {name: statistics.median(s[name] for s in samples) for name in samples[0]}, output


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default="build/release/asynclint")
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    if not os.path.exists(arguments.binary):
        sys.exit(f"no binary at {arguments.binary}: build the release preset or pass --binary")
    with tempfile.TemporaryDirectory(prefix="asynclint-ruleset-bench-") as scratch:
        ruleset = os.path.join(scratch, "house.spectral.yaml")
        with open(ruleset, "w") as file:
            file.write(RULESET)
        config = os.path.join(scratch, "off.asynclint.yaml")
        with open(config, "w") as file:
            file.write("extends: off\n")
        per_channel = {}
        for channels in (1000, 10000):
            document = os.path.join(scratch, f"{channels}.yaml")
            with open(document, "w") as file:
                subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(channels)],
                               stdout=file, check=True)
            timed, output = measure(arguments.binary, document, ruleset, config, arguments.runs)
            # generate.py's messages all have a contentType: one message-content-type finding each.
            found = output.count('"rule": "message-content-type"')
            if found != channels:
                sys.exit(f"expected {channels} message-content-type findings, got {found}")
            # The rules phase also holds what it costs with no rule at all (the reference index,
            # suppression comments): the custom rules' cost is what they add to it.
            bare, _ = measure(arguments.binary, document, None, config, arguments.runs)
            cost = timed["rules"] - bare["rules"]
            per_channel[channels] = cost / channels
            verdict = "met" if cost < timed["schema"] else "NOT MET"
            print(f"{channels:>6} channels: schema {timed['schema'] * 1000:.0f} ms, 20 custom rules "
                  f"{cost * 1000:.0f} ms (rules phase {timed['rules'] * 1000:.0f} ms, of which "
                  f"{bare['rules'] * 1000:.0f} ms with no rule; custom < schema: {verdict})")
        growth = per_channel[10000] / per_channel[1000]
        verdict = "met" if growth <= 1.2 else "NOT MET"
        print(f"custom rules' time per channel, 1,000 -> 10,000 channels: {growth:.2f}x "
              f"(<= 1.2x: {verdict})")


if __name__ == "__main__":
    main()
