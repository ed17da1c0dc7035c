#!/usr/bin/env python3
"""Word files from end to end, checked the way a person would.

  word_test.py read  EASYREAD SOURCE_DIR   python-docx reads every sample in every template
  word_test.py pages EASYREAD SOURCE_DIR   LibreOffice turns them into PDFs; the pages are checked

The text of each Word file must be the PDF's text, sentence for sentence: the
two outputs read one content tree.
"""
import collections
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

import docx
from docx.oxml.ns import qn

EASYREAD = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else "easyread"
SOURCE = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else "."
TEMPLATES = ["newsletter", "minutes", "leaflet", "large-print", "high-contrast"]
SAMPLES = ["minutes", "newsletter"]
WORK = tempfile.mkdtemp(prefix="easyread-word-")


def run(*args, **kw):
    return subprocess.run(list(args), check=True, capture_output=True, text=True, **kw)


def build(sample, template, suffix, notes=None):
    out = os.path.join(WORK, f"{sample}-{template}.{suffix}")
    if not os.path.exists(out):
        run(EASYREAD, "build", "-q", "--no-check", "-t", template, "-o", out,
            notes or os.path.join(SOURCE, "samples", sample + ".xml"))
    return out


def pdf_sentences(pdf):
    """The PDF's structure text in reading order, without the contents page and bullets."""
    text = run("pdfinfo", "-struct-text", pdf).stdout
    out, in_toc = [], False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("TOC"):
            in_toc = True
        elif stripped == "Sect":
            in_toc = False
        m = re.fullmatch(r'"(.*)"', stripped)
        if m and not in_toc and m.group(1) not in ("", "\u2022"):
            # A line break after a hyphen reads back as "self- advocacy".
            out.append(re.sub(r"-\s+", "-", m.group(1)))
    # The contents page's own heading comes just before its entries.
    return [s for s in out if s != "What is in this document"]


def docx_paragraphs(document):
    """Every paragraph with text, in reading order (body and table cells)."""
    out = []
    for p in document.element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if text.strip():
            out.append(text)
    return out


class ReadBack(unittest.TestCase):
    def test_same_text_as_the_pdf(self):
        for sample in SAMPLES:
            for template in TEMPLATES:
                with self.subTest(sample=sample, template=template):
                    document = docx.Document(build(sample, template, "docx"))
                    self.assertEqual(docx_paragraphs(document), pdf_sentences(build(sample, template, "pdf")))

    def test_named_styles_and_headings(self):
        for sample in SAMPLES:
            document = docx.Document(build(sample, "newsletter", "docx"))
            names = {s.name for s in document.styles}
            for name in ("Normal", "Title", "Heading 1", "Hard word", "Word to know", "List Bullet"):
                self.assertIn(name, names)
            notes = ET.parse(os.path.join(SOURCE, "samples", sample + ".xml")).getroot()
            expected = [s.get("title") for s in notes.iter("section") if s.get("title")] + ["Words to know"]
            headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
            self.assertEqual(headings, expected)
            heading = document.styles["Heading 1"]
            self.assertTrue(heading.paragraph_format.keep_with_next)
            body = document.styles["Normal"]
            self.assertEqual(body.font.size.pt if body.font.size else None, None)  # from the defaults
            defaults = document.styles.element.find(qn("w:docDefaults"))
            size = defaults.find(".//" + qn("w:sz")).get(qn("w:val"))
            self.assertGreaterEqual(int(size) / 2, 16)
            hard = [r for p in document.element.body.iter(qn("w:p")) for r in p.iter(qn("w:rStyle"))
                    if r.get(qn("w:val")) == "HardWord"]
            self.assertTrue(hard, "hard words use the Hard word style")

    def test_rows_are_tables_that_do_not_split(self):
        document = docx.Document(build("minutes", "newsletter", "docx"))
        self.assertGreater(len(document.tables), 5)
        for table in document.tables:
            for row in table.rows:
                self.assertIsNotNone(row._tr.find(qn("w:trPr") + "/" + qn("w:cantSplit")))
                self.assertEqual(len(row.cells), 2)
            borders = table._tbl.tblPr
            self.assertIsNotNone(borders)

    def test_every_picture_has_alternative_text(self):
        for sample in SAMPLES:
            path = build(sample, "newsletter", "docx")
            with zipfile.ZipFile(path) as z:
                body = z.read("word/document.xml").decode()
                media = [n for n in z.namelist() if n.startswith("word/media/")]
            descriptions = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', body)
            self.assertGreater(len(descriptions), 5)
            self.assertTrue(all(d.strip() for d in descriptions))
            pictures = [n for n in media if not n.endswith(".svg")]
            # One picture used many times is stored once.
            self.assertLess(len(pictures), len(descriptions))
            self.assertTrue(any(n.endswith(".svg") for n in media))

    def test_footer_language_properties_and_fonts(self):
        document = docx.Document(build("minutes", "newsletter", "docx"))
        self.assertEqual(document.core_properties.title, "Speak Up Together: notes from our meeting")
        self.assertEqual(document.core_properties.author, "Speak Up Together")
        self.assertEqual(document.core_properties.language, "en-GB")
        section = document.sections[0]
        self.assertTrue(section.different_first_page_header_footer)
        footer = section.footer._element.xml
        self.assertIn('w:instr=" PAGE "', footer)
        self.assertIn('w:instr=" NUMPAGES "', footer)
        with zipfile.ZipFile(build("minutes", "newsletter", "docx")) as z:
            table = z.read("word/fontTable.xml").decode()
            self.assertIn("w:embedRegular", table)
            self.assertIn("w:embedBold", table)
            keys = re.findall(r'w:fontKey="\{([0-9A-F-]+)\}"', table)
            fonts = sorted(n for n in z.namelist() if n.endswith(".odttf"))
            self.assertEqual(len(fonts), 2)
            # Undo the obfuscation: the result must be a TrueType font again.
            for key, name in zip(keys, fonts):
                raw = bytearray(z.read(name))
                k = bytes.fromhex(key.replace("-", ""))[::-1]
                for i in range(32):
                    raw[i] ^= k[i % 16]
                self.assertEqual(bytes(raw[:4]), b"\x00\x01\x00\x00")

    def test_page_size_and_colours_from_the_template(self):
        leaflet = docx.Document(build("newsletter", "leaflet", "docx"))
        self.assertAlmostEqual(leaflet.sections[0].page_width.mm, 148, delta=1)  # A5
        with zipfile.ZipFile(build("newsletter", "high-contrast", "docx")) as z:
            self.assertIn("<w:background ", z.read("word/document.xml").decode())

    def test_welsh(self):
        notes = os.path.join(WORK, "welsh.xml")
        shutil.copytree(os.path.join(SOURCE, "samples", "photos"), os.path.join(WORK, "photos"), dirs_exist_ok=True)
        with open(os.path.join(SOURCE, "samples", "minutes.xml"), encoding="utf-8") as f:
            text = f.read().replace('lang="en-GB"', 'lang="cy-GB"')
        with open(notes, "w", encoding="utf-8") as f:
            f.write(text)
        path = build("welsh", "newsletter", "docx", notes)
        with zipfile.ZipFile(path) as z:
            self.assertIn('w:val="cy-GB"', z.read("word/styles.xml").decode())
            footer = z.read("word/footer1.xml").decode()
        strings = ET.parse(os.path.join(SOURCE, "templates", "strings", "cy.xml")).getroot()
        page = next(s.text for s in strings.iter("string") if s.get("id") == "page-number")
        self.assertIn(page.split("{page}")[0].strip(), footer)

    def test_same_bytes_every_time(self):
        first = build("newsletter", "newsletter", "docx")
        again = os.path.join(WORK, "again.docx")
        run(EASYREAD, "build", "-q", "--no-check", "-o", again, os.path.join(SOURCE, "samples", "newsletter.xml"))
        with open(first, "rb") as a, open(again, "rb") as b:
            self.assertEqual(a.read(), b.read())


def convert_all(docx_files, outdir, env=None):
    """Turns Word files into PDFs with LibreOffice, in one start of the program."""
    profile = tempfile.mkdtemp(prefix="lo-profile-", dir=WORK)
    run("soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
        "--convert-to", "pdf", "--outdir", outdir, *docx_files, env=env, timeout=600)
    return [os.path.join(outdir, os.path.splitext(os.path.basename(f))[0] + ".pdf") for f in docx_files]


@functools.lru_cache(maxsize=None)
def page_items(pdf):
    """Text lines and pictures of each page, in points from the top-left corner."""
    out = os.path.join(WORK, "xml-" + os.path.basename(pdf))
    run("pdftohtml", "-xml", "-zoom", "1", "-q", "-nodrm", pdf, out)
    root = ET.parse(out + ".xml").getroot()
    sizes = {f.get("id"): float(f.get("size")) for f in root.iter("fontspec")}
    pages = []
    for page in root.iter("page"):
        texts, images = [], []
        for el in page:
            if el.tag not in ("text", "image"):
                continue
            box = [float(el.get(k)) for k in ("left", "top", "width", "height")]
            if el.tag == "text":
                texts.append(("".join(el.itertext()), box, sizes.get(el.get("font"), 0)))
            elif el.tag == "image":
                images.append(box)
        pages.append({"width": float(page.get("width")), "height": float(page.get("height")),
                      "texts": texts, "images": images})
    return pages


def squash(s):
    return re.sub(r"\s+", "", s)


class Pages(unittest.TestCase):
    """LibreOffice opens the Word files and prints them; the pages are checked."""

    @classmethod
    def setUpClass(cls):
        files = [build(s, t, "docx") for s in SAMPLES for t in TEMPLATES]
        cls.pdfs = dict(zip(files, convert_all(files, os.path.join(WORK, "lo"))))

    def template(self, name):
        root = ET.parse(os.path.join(SOURCE, "templates", name + ".xml")).getroot()
        mm = lambda v: float(v.replace("mm", "")) * 72 / 25.4
        page = root.find("page")
        return {"left": mm(page.get("margin-left")), "right": mm(page.get("margin-right")),
                "side": root.find("pictures").get("side", "left")}

    def each(self):
        for docx_file, pdf in self.pdfs.items():
            sample, template = os.path.basename(docx_file)[:-5].split("-", 1)
            yield sample, template, docx_file, pdf

    def test_pictures_beside_their_text_and_inside_the_margins(self):
        for sample, template, _, pdf in self.each():
            with self.subTest(sample=sample, template=template):
                t = self.template(template)
                for page in page_items(pdf):
                    for left, top, width, height in page["images"]:
                        self.assertGreaterEqual(left, t["left"] - 2)
                        self.assertLessEqual(left + width, page["width"] - t["right"] + 2)
                        beside = [b for _, b, _ in page["texts"] if b[1] < top + height and b[1] + b[3] > top]
                        for b in beside:
                            if t["side"] == "left":
                                self.assertGreaterEqual(b[0], left + width - 1)
                            else:
                                self.assertLessEqual(b[0] + b[2], left + 1)

    def test_each_sentence_starts_a_line_and_rows_stay_on_one_page(self):
        for sample, template, docx_file, pdf in self.each():
            with self.subTest(sample=sample, template=template):
                pages = page_items(pdf)
                starts = []  # (page, squashed text) of every line, pieces on one line joined
                for n, page in enumerate(pages):
                    lines = {}
                    for text, box, _ in page["texts"]:
                        lines.setdefault(round(box[1] / 3), []).append((box[0], text))
                    for _, pieces in sorted(lines.items()):
                        joined = "".join(t for _, t in sorted(pieces))
                        starts.append((n, squash(joined).lstrip("\u2022")))
                document = docx.Document(docx_file)
                side = self.template(template)["side"]
                cursor = 0  # sentences are found in reading order
                for table in document.tables:
                    for row in table.rows:
                        found_pages = set()
                        cell = row.cells[-1 if side == "left" else 0]
                        for p in cell._tc.iter(qn("w:p")):
                            head = squash("".join(t.text or "" for t in p.iter(qn("w:t"))))[:12]
                            if not head:
                                continue
                            where = [i for i in range(cursor, len(starts)) if starts[i][1].startswith(head)]
                            self.assertTrue(where, f"sentence does not start a line: {head!r}")
                            cursor = where[0] + 1
                            found_pages.add(starts[where[0]][0])
                        self.assertLessEqual(len(found_pages), 1, "a row is split across pages")

    def test_line_spacing_as_the_template_says(self):
        # Lines of one row follow each other at the template's spacing times the
        # text size, as in the PDF (Word counts in the font's own, taller lines).
        for sample, template, _, pdf in self.each():
            with self.subTest(sample=sample, template=template):
                root = ET.parse(os.path.join(SOURCE, "templates", template + ".xml")).getroot()
                spacing = float(root.find("text").get("line-spacing", "1.5"))
                body = float(root.find("sizes").get("body").replace("pt", ""))
                gaps = []
                for page in page_items(pdf):
                    above = {}
                    for _, box, size in page["texts"]:
                        key = round(box[0])
                        if abs(size - body) <= 1 and key in above:
                            gaps.append(box[1] - above[key])
                        above[key] = box[1]
                # Gaps between rows are bigger; positions come rounded to whole points.
                lines = [g for g in gaps if body <= g < 2 * body]
                self.assertGreater(len(lines), 20)
                self.assertAlmostEqual(sum(lines) / len(lines), body * spacing, delta=body * 0.08)

    def test_text_size_and_footers(self):
        for sample, template, _, pdf in self.each():
            with self.subTest(sample=sample, template=template):
                pages = page_items(pdf)
                total = len(pages)
                self.assertGreater(total, 1)
                self.assertFalse(any(re.search(r"Page \d+ of", t) for t, _, _ in pages[0]["texts"]))
                for n, page in enumerate(pages[1:], start=2):
                    texts = [t for t, _, _ in page["texts"]]
                    self.assertIn(f"Page {n} of {total}", " ".join(texts))
                    for text, _, size in page["texts"]:
                        if not text.startswith("Page "):
                            self.assertGreaterEqual(size, 15.5, text)

    def test_embedded_font_is_used_without_the_installed_one(self):
        # Hide the installed Andika from LibreOffice: it must use the copy inside the file.
        conf = os.path.join(WORK, "fonts.conf")
        with open(conf, "w") as f:
            f.write('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    '<selectfont><rejectfont><glob>/usr/share/fonts/truetype/andika/*</glob>'
                    '</rejectfont></selectfont></fontconfig>')
        env = dict(os.environ, FONTCONFIG_FILE=conf)
        docx_file = build("minutes", "newsletter", "docx")
        pdf, = convert_all([docx_file], os.path.join(WORK, "hidden"), env)
        fonts = run("pdffonts", pdf).stdout
        self.assertIn("Andika", fonts)


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "read"
    del sys.argv[1:]
    try:
        suite = unittest.TestLoader().loadTestsFromTestCase(ReadBack if mode == "read" else Pages)
        result = unittest.TextTestRunner(verbosity=2).run(suite)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    sys.exit(0 if result.wasSuccessful() else 1)
