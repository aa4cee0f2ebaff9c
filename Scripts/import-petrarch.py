#!/usr/bin/env python3
"""Writes Sources/EntenteCoding/Resources/Petrarch/: the PETRARCH-2 verb patterns and the
Phoenix actor and agent dictionaries that Entente codes with beneath its own lexicon and
knowledge base (docs/events.md, docs/knowledge-base.md).

The dictionaries are PETRARCH-2's (openeventdata/petrarch2, MIT licence; the licence is
written beside them). This script derives compact copies: comments, blank lines and the
commentary after codes are dropped, the three Phoenix actor files become one, and the few
lines Entente's readers cannot read (malformed date restrictions, agents without a code,
a brace for a bracket) are repaired or dropped, each counted on standard error.

    python3 Scripts/import-petrarch.py [--dictionaries DIR] [--out DIR]
"""
import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ACTOR_FILES = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt"]
HEADER = ("# Derived by Scripts/import-petrarch.py from PETRARCH-2's {source}\n"
          "# (openeventdata/petrarch2, MIT licence: see LICENSE beside this file).\n")
DATE = r"\d{6}(\d{2})?"
RESTRICTION = re.compile(r"^\[[^\]\s]+(\s+(<" + DATE + r"|>" + DATE + r"|" + DATE + r"-" + DATE + r"))?\]$")


def strip_comment(line):
    """The line without a `#` comment (PETRARCH's comments run to the end of the line)."""
    index = line.find("#")
    return line if index < 0 else line[:index]


def verbs(text):
    out = []
    for line in text.splitlines():
        line = strip_comment(line).rstrip()
        if line.strip():
            out.append(line)
    return out


def actors(text, counts):
    out = []
    for line in text.splitlines():
        line = strip_comment(line).rstrip()
        if not line.strip():
            continue
        # `NAME_ [CODE] commentary`: what follows the last code is not the dictionary's.
        close = line.rfind("]")
        if close >= 0 and line[close + 1:].strip():
            counts["text after codes"] += 1
            line = line[:close + 1]
        stripped = line.strip()
        if stripped.startswith("[") and not RESTRICTION.match(stripped):
            counts["malformed code or date restriction"] += 1
            continue
        out.append(line)
    return out


def agents(text, counts):
    out = []
    for line in text.splitlines():
        line = strip_comment(line).rstrip()
        if not line.strip():
            continue
        line = re.sub(r"\[(~?\w+)\}", r"[\1]", line)
        # `!PERSON! = MAN, MEN, ...`: a substitution set, not an agent.
        if "[" not in line and not re.match(r"^!\w+!\s*=", line.strip()):
            counts["agent without a code"] += 1
            continue
        out.append(line)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dictionaries", default=os.path.join(
        HERE, "..", "..", "shared", "data", "petrarch", "dictionaries"))
    parser.add_argument("--licence", default=os.path.join(
        HERE, "..", "..", "shared", "data", "petrarch", "LICENSE"))
    parser.add_argument("--out", default=os.path.join(
        HERE, "..", "Sources", "EntenteCoding", "Resources", "Petrarch"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    counts = {"text after codes": 0, "malformed code or date restriction": 0,
              "agent without a code": 0}

    def read(name):
        with open(os.path.join(args.dictionaries, name), encoding="utf-8", errors="replace") as f:
            return f.read()

    def write(name, source, lines):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.write(HEADER.format(source=source))
            f.write("\n".join(lines) + "\n")
        print(f"{name}: {len(lines)} lines", file=sys.stderr)

    write("CAMEO.2.0.verbs.txt", "CAMEO.2.0.txt", verbs(read("CAMEO.2.0.txt")))
    actor_lines = []
    for name in ACTOR_FILES:
        actor_lines += actors(read(name), counts)
    write("Phoenix.actors.txt", ", ".join(ACTOR_FILES), actor_lines)
    write("Phoenix.agents.txt", "Phoenix.agents.txt", agents(read("Phoenix.agents.txt"), counts))
    with open(args.licence, encoding="utf-8") as f:
        licence = f.read()
    with open(os.path.join(args.out, "LICENSE"), "w", encoding="utf-8") as f:
        f.write("The files in this folder are derived from PETRARCH-2's dictionaries\n"
                "(https://github.com/openeventdata/petrarch2) under this licence:\n\n" + licence)
    for what, count in counts.items():
        print(f"{what}: {count} lines", file=sys.stderr)


if __name__ == "__main__":
    main()
