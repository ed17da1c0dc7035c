// Tagged PDF: the structure tree, marked content, links, bookmarks and
// the metadata a screen reader and an accessibility checker look for.
#include <catch2/catch.hpp>
#include <cmath>
#include <regex>

#include "pdf/pdf.hpp"
#include "pdf_support.hpp"

using namespace easyread;
using pdftest::quoted;
using pdftest::run;

namespace {

// The text document plus a second page with a link, a list and a
// picture, and bookmarks for both pages.
layout::Document tagged_document() {
  layout::Document doc = pdftest::text_document();
  doc.metadata.lang = "en-GB";
  doc.metadata.credits = "Pictures: OpenMoji, CC BY-SA 4.0";
  // 3 Sect, 4 H2, 5 P, 6 Link, 7 L, 8 LI, 9 LBody, 10 Figure
  doc.nodes[0].children.push_back(3);
  doc.nodes.push_back({layout::Role::sect, "", 0, {4, 5, 7, 10}});
  doc.nodes.push_back({layout::Role::h2, "", 3, {}});
  doc.nodes.push_back({layout::Role::paragraph, "", 3, {6}});
  doc.nodes.push_back({layout::Role::link, "", 5, {}});
  doc.nodes.push_back({layout::Role::list, "", 3, {8}});
  doc.nodes.push_back({layout::Role::list_item, "", 7, {9}});
  doc.nodes.push_back({layout::Role::list_body, "", 8, {}});
  doc.nodes.push_back({layout::Role::figure, "Two people shake hands", 3, {}});
  Drawing square;
  Shape shape;
  shape.path.commands = {{PathCommand::Op::move, {10, 10}}, {PathCommand::Op::line, {60, 10}},
                         {PathCommand::Op::line, {60, 60}}, {PathCommand::Op::close, {}}};
  shape.fill = Fill{};
  square.shapes.push_back(shape);
  Picture picture;
  picture.key = "openmoji:1F91D";
  picture.name = "handshake";
  picture.content = square;
  doc.pictures.push_back(picture);

  layout::Page page;
  page.items.push_back(layout::TextItem{1, 22, {}, 50, 780, 0, "Where to find out more", "", 4});
  page.items.push_back(layout::PictureItem{0, 50, 640, 100, 100, 10});
  page.items.push_back(layout::TextItem{0, 16, {}, 170, 700, 0, "Look at", "", 5});
  page.items.push_back(
      layout::TextItem{0, 16, {0, 0, 0.8}, 230, 700, 0, "our website", "https://example.org/easy read/café", 6});
  page.items.push_back(layout::TextItem{0, 16, {}, 170, 660, 0, "Bring a friend.", "", 9});
  page.items.push_back(layout::TextItem{0, 10, {0.4, 0.4, 0.4}, 280, 30, 0, "Page 2", "", -1});
  doc.pages.push_back(page);
  doc.bookmarks = {{"Our meeting", 0, 810, 0}, {"Where to find out more", 1, 805, 1}};
  return doc;
}

}  // namespace

TEST_CASE("pdf is tagged, in the layout's language, with its title shown", "[pdf]") {
  pdftest::TempDir dir;
  const std::string file = dir.write("tagged.pdf", pdftest::render_ok(tagged_document()));
  const auto info = run("pdfinfo " + quoted(file));
  CHECK(info.status == 0);
  CHECK(info.err.empty());
  CHECK(info.out.find("Tagged:          yes") != std::string::npos);
  CHECK(info.out.find("Metadata Stream: yes") != std::string::npos);
  const auto json = run("qpdf --json=2 --json-key=qpdf " + quoted(file));
  CHECK(json.out.find("\"/Lang\": \"u:en-GB\"") != std::string::npos);
  CHECK(json.out.find("\"/DisplayDocTitle\": true") != std::string::npos);
  CHECK(json.out.find("\"/Marked\": true") != std::string::npos);
  CHECK(json.out.find("\"/Tabs\": \"/S\"") != std::string::npos);
  const auto check = run("qpdf --check " + quoted(file));
  CHECK(check.status == 0);
  CHECK(check.err.empty());
}

TEST_CASE("pdf structure tree holds the text in reading order", "[pdf]") {
  pdftest::TempDir dir;
  const std::string file = dir.write("tree.pdf", pdftest::render_ok(tagged_document()));
  const auto tree = run("pdfinfo -struct-text " + quoted(file));
  REQUIRE(tree.status == 0);
  CHECK(tree.err.empty());
  // Each element with its text, indented under its parent, in order.
  const std::vector<std::string> expected = {
      "Document",
      "  H1",
      "    \"Our meeting\"",
      "  P",
      "    \"We talked about the café and €5 tickets. Next time: Tuesday.\"",
      "  Sect",
      "    H2",
      "      \"Where to find out more\"",
      "    Figure",
      "    P",
      "      \"Look at\"",
      "      Link",
      "        \"our website\"",
      "        Object",
      "    L (block)",
      "      LI",
      "        LBody",
      "          \"Bring a friend.\""};
  std::size_t at = 0;
  for (const std::string& line : expected) {
    INFO(tree.out);
    INFO("looking for: " << line);
    const std::size_t found = tree.out.find(line, at);
    REQUIRE(found != std::string::npos);
    at = found + line.size();
  }
  CHECK(tree.out.find("Page 2") == std::string::npos);  // the page number is decoration
  const auto json = run("qpdf --json=2 --json-key=qpdf " + quoted(file));
  CHECK(json.out.find("\"/Alt\": \"u:Two people shake hands\"") != std::string::npos);
}

TEST_CASE("pdf link has an annotation tied into the structure tree", "[pdf]") {
  pdftest::TempDir dir;
  const std::string file = dir.write("link.pdf", pdftest::render_ok(tagged_document()));
  const auto json = run("qpdf --json=2 --json-key=qpdf " + quoted(file));
  // Web addresses in a PDF are plain ASCII: the space and é are %-encoded.
  CHECK(json.out.find("\"/URI\": \"u:https://example.org/easy%20read/caf%C3%A9\"") != std::string::npos);
  CHECK(json.out.find("\"/Contents\": \"u:our website\"") != std::string::npos);
  CHECK(json.out.find("\"/StructParent\": 2") != std::string::npos);
  CHECK(json.out.find("\"/Type\": \"/OBJR\"") != std::string::npos);
  CHECK(json.out.find("\"/ParentTreeNextKey\": 3") != std::string::npos);
}

TEST_CASE("pdf bookmarks become a nested outline", "[pdf]") {
  pdftest::TempDir dir;
  const std::string file = dir.write("outline.pdf", pdftest::render_ok(tagged_document()));
  const auto json = run("qpdf --json=2 --json-key=outlines " + quoted(file));
  REQUIRE(json.status == 0);
  // qpdf sorts keys: a parent's kids come before its own title.
  const std::regex nested(
      R"re("kids": \[\s*\{[\s\S]*?"title": "Where to find out more"\s*\}\s*\],\s*"object": "[0-9]+ 0 R",\s*"open": true,\s*"title": "Our meeting")re");
  CHECK(std::regex_search(json.out, nested));
  CHECK(json.out.find("\"dest\": [") != std::string::npos);
}

TEST_CASE("pdf metadata stream says title, language and PDF/UA", "[pdf]") {
  pdftest::TempDir dir;
  const std::string file = dir.write("meta.pdf", pdftest::render_ok(tagged_document()));
  const auto meta = run("pdfinfo -meta " + quoted(file));
  REQUIRE(meta.status == 0);
  CHECK(meta.out.find("<rdf:li xml:lang=\"x-default\">Our meeting — notes</rdf:li>") != std::string::npos);
  CHECK(meta.out.find("<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>") !=
        std::string::npos);
  CHECK(meta.out.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
  CHECK(meta.out.find("Pictures: OpenMoji, CC BY-SA 4.0") != std::string::npos);
  CHECK(run("xmllint --noout " + quoted(dir.write("meta.xml", meta.out))).status == 0);
}

TEST_CASE("pdf tagged document is still the same bytes each time", "[pdf]") {
  const auto doc = tagged_document();
  CHECK(pdftest::render_ok(doc) == pdftest::render_ok(doc));
}

TEST_CASE("pdf tagged document with links and pictures passes pdf-check", "[pdf]") {
  pdftest::TempDir dir;
  const std::string file = dir.write("checked.pdf", pdftest::render_ok(tagged_document()));
  const auto result =
      run("python3 " + quoted(std::string(EASYREAD_SOURCE_DIR) + "/tools/pdf-check") + " " + quoted(file));
  INFO(result.out << result.err);
  CHECK(result.status == 0);
}

TEST_CASE("pdf keeps words apart where an element goes on to a new line or leaves a gap", "[pdf]") {
  layout::Document doc = pdftest::text_document();
  doc.nodes = {{layout::Role::document, "", -1, {1}}, {layout::Role::toc, "", 0, {2}}, {layout::Role::toc_item, "", 1, {}}};
  doc.pages[0].items = {
      layout::TextItem{0, 16, {}, 50, 700, 0, "Speak Up Together: spring", "", 2},
      layout::TextItem{0, 16, {}, 50, 680, 0, "news", "", 2},
      layout::TextItem{0, 16, {}, 500, 680, 0, "3", "", 2},
      layout::TextItem{0, 16, {}, 50, 660, 0, "Next ", "", 2},
      layout::TextItem{0, 16, {}, 50, 640, 0, "line", "", 2}};
  pdftest::TempDir dir;
  const std::string file = dir.write("gaps.pdf", pdftest::render_ok(doc));
  const auto tree = run("pdfinfo -struct-text " + quoted(file));
  INFO(tree.out);
  CHECK(tree.out.find("\"Speak Up Together: spring news 3 Next line\"") != std::string::npos);
  // The added spaces show nothing: the words stay where they were.
  const auto words = pdftest::words_of(file);
  REQUIRE(words.size() == 8);
  CHECK(words[4].text == "news");
  CHECK(std::abs(words[4].x_max - (50 + pdftest::advance_width(pdftest::andika_regular, "news", 16))) < 1);
}

TEST_CASE("pdf element that goes on to the next page keeps all its text", "[pdf]") {
  layout::Document doc = pdftest::text_document();
  layout::Page second;
  second.items.push_back(layout::TextItem{0, 16, {}, 50, 780, 0, "It goes on here.", "", 2});
  doc.pages.push_back(second);
  pdftest::TempDir dir;
  const std::string file = dir.write("span.pdf", pdftest::render_ok(doc));
  const auto tree = run("pdfinfo -struct-text " + quoted(file));
  INFO(tree.out);
  // pdfinfo shows the part on each page as its own string.
  CHECK(tree.out.find("  P (block)\n    \"We talked about the café and €5 tickets. Next time: Tuesday. \"\n"
                      "    \"It goes on here.\"\n") != std::string::npos);
  const auto json = run("qpdf --json=2 --json-key=qpdf " + quoted(file));
  CHECK(json.out.find("\"/Type\": \"/MCR\"") != std::string::npos);
  const auto check = run("python3 " + quoted(std::string(EASYREAD_SOURCE_DIR) + "/tools/pdf-check") + " " +
                         quoted(file));
  CHECK(check.status == 0);
}
