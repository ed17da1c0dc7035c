#include <catch2/catch.hpp>

#include <map>

#include "layout/layout.hpp"
#include "pipeline/pipeline.hpp"
#include "markup/markup.hpp"
#include "symbols/symbols.hpp"

using namespace easyread;

namespace {

struct Laid {
  std::optional<layout::Document> doc;
  Diagnostics diags;
};

Laid lay_out(const std::string& xml) {
  Laid out;
  auto doc = markup::read_string(xml, "test.xml", out.diags);
  REQUIRE(doc);
  symbols::Library library(EASYREAD_SOURCE_DIR);
  out.doc = pipeline::lay_out(*doc, library, {EASYREAD_SOURCE_DIR, "", {}}, out.diags);
  return out;
}

std::vector<const layout::TextItem*> texts(const layout::Page& page) {
  std::vector<const layout::TextItem*> out;
  for (const auto& item : page.items)
    if (const auto* t = std::get_if<layout::TextItem>(&item)) out.push_back(t);
  return out;
}

// Text column: left margin 20 mm + picture 40 mm + gap 8 mm (templates/newsletter.xml).
constexpr double kTextColumn = 68 * 72 / 25.4;
constexpr double kLeftMargin = 20 * 72 / 25.4;

}  // namespace

TEST_CASE("each sentence starts a new line at the text column") {
  auto laid = lay_out(R"(<easyread title="Test">
    <section title="Hello">
      <point picture="none">We met on Monday. Dr. Patel came to talk to us about the new
      health check letters and what they mean for everyone in the group today. It was good.</point>
    </section></easyread>)");
  REQUIRE(laid.doc);
  const auto& page = laid.doc->pages.at(1);
  std::vector<const layout::TextItem*> starts;
  for (const auto* t : texts(page))
    if (t->size == 16 && t->node >= 0) starts.push_back(t);
  REQUIRE(starts.size() >= 4);  // 3 sentences, the long one on 2 lines or more
  for (const auto* t : starts) CHECK(t->x == Approx(kTextColumn));
  CHECK(starts[0]->text == "We met on Monday.");
  CHECK(starts[1]->text.rfind("Dr. Patel came", 0) == 0);  // "Dr." does not end a sentence
  CHECK(starts.back()->text == "It was good.");
  // Lines go down the page, one line each, 1.5 line spacing apart within a sentence.
  CHECK(starts[1]->y - starts[2]->y == Approx(24.0));
  for (const auto* t : starts) CHECK(t->x + t->width <= laid.doc->page_width - 18 * 72 / 25.4 + 0.01);
}

TEST_CASE("the cover has no footer and other pages say Page N of M") {
  auto laid = lay_out(R"(<easyread title="Footers" date="2027-01-13">
    <section title="One"><point picture="none">Hello.</point></section>
    <section title="Two"><point picture="none">Goodbye.</point></section></easyread>)");
  REQUIRE(laid.doc);
  const auto& pages = laid.doc->pages;
  REQUIRE(pages.size() == 2);
  for (const auto* t : texts(pages[0])) CHECK(t->text.find("Page ") == std::string::npos);
  bool found = false;
  for (const auto* t : texts(pages[1]))
    if (t->text == "Page 2 of 2") found = t->node == -1;  // an artifact, not content
  CHECK(found);
  bool date = false;
  for (const auto* t : texts(pages[0])) date = date || t->text == "Wednesday 13 January 2027";
  CHECK(date);
}

TEST_CASE("rows are never split and headings stay with their first row") {
  std::string xml = "<easyread title=\"Rows\"><section title=\"Many rows\">";
  for (int i = 0; i < 30; ++i)
    xml += "<point picture=\"1F4C5\">Row " + std::to_string(i) +
           " first sentence. Row " + std::to_string(i) + " second sentence.</point>";
  xml += "</section></easyread>";
  auto laid = lay_out(xml);
  REQUIRE(laid.doc);
  std::map<std::string, int> page_of;
  for (std::size_t p = 0; p < laid.doc->pages.size(); ++p)
    for (const auto* t : texts(laid.doc->pages[p])) page_of[t->text] = static_cast<int>(p);
  for (int i = 0; i < 30; ++i) {
    INFO("row " << i);
    CHECK(page_of.at("Row " + std::to_string(i) + " first sentence.") ==
          page_of.at("Row " + std::to_string(i) + " second sentence."));
  }
  CHECK(page_of.at("Many rows") == page_of.at("Row 0 first sentence."));
  // Every picture sits in the picture column, inside the page margins.
  for (const auto& page : laid.doc->pages)
    for (const auto& item : page.items)
      if (const auto* p = std::get_if<layout::PictureItem>(&item)) {
        CHECK(p->x >= kLeftMargin - 0.01);
        CHECK(p->x + p->width <= kTextColumn);
        CHECK(p->y >= 22 * 72 / 25.4 - 0.01);
      }
  // The same symbol used 30 times is one picture in the document.
  CHECK(laid.doc->pictures.size() == 1);
}

TEST_CASE("a row taller than a page splits only between sentences") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "This is sentence number " + std::to_string(i) + ". ";
  auto laid = lay_out("<easyread title=\"Tall\"><point picture=\"none\">" + text + "</point></easyread>");
  REQUIRE(laid.doc);
  REQUIRE(laid.doc->pages.size() >= 3);
  for (const auto& page : laid.doc->pages)
    for (const auto* t : texts(page))
      if (t->node >= 0 && t->text.rfind("This is", 0) == 0) CHECK(t->text.back() == '.');
}

TEST_CASE("characters the font cannot draw are errors at their place") {
  Diagnostics diags;
  auto doc = markup::read_string(
      "<easyread title=\"Emoji\">\n<point picture=\"none\">We had fun \xF0\x9F\x98\x80 today.</point>\n</easyread>",
      "emoji.xml", diags);
  REQUIRE(doc);
  symbols::Library library(EASYREAD_SOURCE_DIR);
  auto laid = pipeline::lay_out(*doc, library, {EASYREAD_SOURCE_DIR, "", {}}, diags);
  CHECK_FALSE(laid);
  REQUIRE(diags.has_errors());
  const auto& d = diags.items().back();
  CHECK(d.rule == "missing-character");
  CHECK(d.span.line == 2);
  CHECK(d.span.column == 34);
  CHECK(d.message.find("U+1F600") != std::string::npos);
}

TEST_CASE("a 5000-letter word the font cannot draw is one error, not 5000") {
  Diagnostics diags;
  std::string word;
  for (int i = 0; i < 5000; ++i) word += "\xE0\xAE\x95";  // U+0B95, a Tamil letter
  auto doc = markup::read_string(
      "<easyread title=\"Long\">\n<point picture=\"none\">We met " + word + " today.</point>\n</easyread>",
      "long.xml", diags);
  REQUIRE(doc);
  symbols::Library library(EASYREAD_SOURCE_DIR);
  CHECK_FALSE(pipeline::lay_out(*doc, library, {EASYREAD_SOURCE_DIR, "", {}}, diags));
  std::vector<Diagnostic> missing;
  for (const auto& d : diags.items())
    if (d.rule == "missing-character") missing.push_back(d);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].message.find("5000 characters") != std::string::npos);
  CHECK(missing[0].span.column == 30);  // after "<point picture=\"none\">We met "
  CHECK(missing[0].span.end_column == 30 + 5000);
}

TEST_CASE("a long document gets a contents page after the cover") {
  std::string xml = "<easyread title=\"Long\">";
  for (int s = 0; s < 10; ++s) {
    xml += "<section title=\"Part " + std::to_string(s) + "\">";
    for (int i = 0; i < 4; ++i) xml += "<point picture=\"1F4C5\">A short sentence.</point>";
    xml += "</section>";
  }
  xml += "</easyread>";
  auto laid = lay_out(xml);
  REQUIRE(laid.doc);
  REQUIRE(laid.doc->pages.size() > 8);
  auto contents = texts(laid.doc->pages[1]);
  REQUIRE_FALSE(contents.empty());
  CHECK(contents[0]->text == "What is in this document");
  // The contents says where "Part 9" starts, and it is right.
  int listed = -1;
  for (std::size_t i = 0; i + 1 < contents.size(); ++i)
    if (contents[i]->text == "Part 9") listed = std::stoi(contents[i + 1]->text);
  int actual = -1;
  for (std::size_t p = 0; p < laid.doc->pages.size(); ++p)
    for (const auto* t : texts(laid.doc->pages[p]))
      if (t->text == "Part 9" && p != 1) actual = static_cast<int>(p) + 1;
  CHECK(listed == actual);
}
