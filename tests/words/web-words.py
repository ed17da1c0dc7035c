#!/usr/bin/env python3
"""Writes the words people read on easyread's web pages, for own-words.sh:
the text of every web/*.html page (one line a block, with the words of
labels, alt texts and buttons), and the server's own messages (the sentences
in src/server/*.cpp).

Usage: web-words.py SOURCE_DIR OUT_FOLDER
"""
import glob
import html.parser
import os
import re
import sys

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "label", "legend", "button", "a", "dt", "dd", "title", "option",
          "summary", "th", "td", "div", "section", "span", "figcaption", "caption"}
SKIP = {"script", "style", "template"}
SAID = ["aria-label", "alt", "title", "placeholder"]


class Words(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.line, self.skipping = [], [], 0

    def end_line(self):
        text = " ".join("".join(self.line).split())
        if text:
            self.lines.append(text)
        self.line = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skipping += 1
        if tag in BLOCKS:
            self.end_line()
        for name, value in attrs:
            if name in SAID and value and value.strip():
                self.lines.append(value.strip())

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skipping -= 1
        if tag in BLOCKS:
            self.end_line()

    def handle_data(self, data):
        if not self.skipping:
            self.line.append(data)


def sentences_in_code(text):
    """String literals that read as words for people: a capital letter first, 3 or more words."""
    found = []
    for literal in re.findall(r'"((?:[^"\\\n]|\\.)*)"', text):
        words = literal.replace('\\"', '"').strip()
        if re.match(r"^[A-Z][a-z]", words) and len(words.split()) >= 3 and "<" not in words:
            found.append(words)
    return found


def main():
    home, out = sys.argv[1], sys.argv[2]
    for page in sorted(glob.glob(os.path.join(home, "web", "*.html"))):
        parser = Words()
        with open(page, encoding="utf-8") as f:
            parser.feed(f.read())
        parser.end_line()
        name = "web-" + os.path.splitext(os.path.basename(page))[0] + ".txt"
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write("\n\n".join(parser.lines) + "\n")
    messages = []
    for source in sorted(glob.glob(os.path.join(home, "src", "server", "*.cpp"))):
        with open(source, encoding="utf-8") as f:
            messages += sentences_in_code(f.read())
    with open(os.path.join(out, "web-server-messages.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(messages) + "\n")


if __name__ == "__main__":
    main()
