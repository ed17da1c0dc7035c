#!/usr/bin/env python3
"""Every id the code can report is in the catalogue, and every message in the
catalogue is still reported somewhere.

    scan-ids.py SOURCE_DIR

Finds the ids by reading the code: each call that makes a finding
(.error(...), .warning(...), .note(...), .add({...})) and each string given
to a `rule` (rule = "...", rule_id = "..."). A string argument that looks like
an id ("bad-date", "read") is an id. Checker rules are reported through the
Rule enum, which is made from the catalogue itself.
"""
import pathlib
import re
import sys

ID = re.compile(r'^"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)"$')
CALL = re.compile(r'(?:\.|->)(?:(?:error|warning|note)\s*\(|add\s*\((?=\s*\{))')
ASSIGNED = re.compile(r'\brule(?:_id)?\s*=\s*"([^"]+)"')


def top_level_arguments(text, start):
    """The arguments of the call whose '(' is at text[start - 1], split at top-level commas."""
    depth, args, current, i, quote = 0, [], "", start, None
    while i < len(text):
        c = text[i]
        if quote:
            current += c
            if c == "\\":
                current += text[i + 1]
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
            current += c
        elif c in "([{":
            depth += 1
            current += c
        elif c in ")]}":
            if depth == 0:
                args.append(current.strip())
                return args
            depth -= 1
            current += c
        elif c == "," and depth == 0:
            args.append(current.strip())
            current = ""
        else:
            current += c
        i += 1
    return args


def ids_in_code(source_dir):
    found = {}
    for path in sorted((source_dir / "src").rglob("*.[ch]pp")):
        text = path.read_text(encoding="utf-8")
        where = str(path.relative_to(source_dir))
        for call in CALL.finditer(text):
            args = top_level_arguments(text, call.end())
            if len(args) == 1 and args[0].startswith("{"):  # add({Severity::note, "id", ...})
                args = top_level_arguments(args[0], 1)
            for arg in args:
                m = ID.match(arg)
                if m:
                    found.setdefault(m.group(1), where)
        for m in ASSIGNED.finditer(text):
            found.setdefault(m.group(1), where)
    return found


def catalogue(source_dir):
    entries = {}
    lines = (source_dir / "src/base/messages.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")][1:]
    for row in rows:
        entries[row[0]] = row[1]
    return entries


def main():
    source_dir = pathlib.Path(sys.argv[1])
    in_code = ids_in_code(source_dir)
    known = catalogue(source_dir)
    problems = []
    for rule_id, where in sorted(in_code.items()):
        if rule_id not in known:
            problems.append(f"{where}: the id [{rule_id}] is not in src/base/messages.tsv. Add a line for it.")
    for rule_id, kind in sorted(known.items()):
        if kind == "message" and rule_id not in in_code:
            problems.append(f"src/base/messages.tsv: no code reports [{rule_id}] any more. Take its line out.")
    # The scan must see the ids we know are there, or it is not reading the code.
    for must in ("bad-date", "picture-chosen", "missing-alt", "xml-syntax", "hard-word-not-explained"):
        if must not in in_code:
            problems.append(f"the scan did not find [{must}] in the code: the scan itself is broken")
    for p in problems:
        print(p)
    print(f"{len(in_code)} ids in the code, {len(known)} in the catalogue, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
