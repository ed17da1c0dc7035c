#!/usr/bin/env python3
"""The README's tables of rules and messages, made from src/base/messages.tsv.

    catalogue-tables.py --check README.md   exit 1 and show the difference when the README is out of date
    catalogue-tables.py --write README.md   bring the README's tables up to date

Each table sits between `<!-- catalogue: NAME -->` and `<!-- end catalogue -->`.
"""
import difflib
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"(<!-- catalogue: ([a-z ]+) -->\n)(.*?)(<!-- end catalogue -->)", re.S)


def read_catalogue():
    lines = (HERE / "src/base/messages.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    header, body = rows[0], rows[1:]
    return [dict(zip(header, row)) for row in body]


def table(entries, name):
    rules = [e for e in entries if e["kind"] == "rule"]
    notes = [e for e in entries if e["kind"] == "message" and e["area"] == "notes"]
    others = [e for e in entries if e["kind"] == "message" and e["area"] != "notes"]
    if name == "rules":
        rows = ["| rule | level | what it finds |", "|---|---|---|"]
        rows += [f"| `{e['id']}` | {e['severity']} | {e['words']} |" for e in rules]
    elif name == "notes errors":
        rows = ["| rule | what is wrong |", "|---|---|"]
        rows += [f"| `{e['id']}` | {e['words']} |" for e in notes if "error" in e["severity"].split(",")]
    elif name == "notes warnings":
        rows = ["| rule | level | what it means |", "|---|---|---|"]
        rows += [f"| `{e['id']}` | {e['severity'].split(',')[-1]} | {e['words']} |" for e in notes
                 if set(e["severity"].split(",")) & {"warning", "note"}]
    elif name == "other messages":
        rows = ["| id | about | level | what it means |", "|---|---|---|---|"]
        rows += [f"| `{e['id']}` | {e['area']} | {e['severity'].replace(',', ', ')} | {e['words']} |" for e in others]
    else:
        raise SystemExit(f"README.md: unknown catalogue table \"{name}\"")
    return "\n".join(rows) + "\n"


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("--check", "--write"):
        raise SystemExit(__doc__)
    readme = pathlib.Path(sys.argv[2])
    text = readme.read_text(encoding="utf-8")
    entries = read_catalogue()
    wanted = BLOCK.sub(lambda m: m.group(1) + table(entries, m.group(2)) + m.group(4), text)
    if len(BLOCK.findall(text)) < 4:
        print(f"{readme}: the 4 catalogue tables are not all there")
        return 1
    if sys.argv[1] == "--write":
        readme.write_text(wanted, encoding="utf-8")
        return 0
    if wanted != text:
        sys.stdout.writelines(difflib.unified_diff(text.splitlines(True), wanted.splitlines(True),
                                                   str(readme), "made from src/base/messages.tsv"))
        print("The README's tables differ from the catalogue. Run: scripts/catalogue-tables.py --write README.md")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
