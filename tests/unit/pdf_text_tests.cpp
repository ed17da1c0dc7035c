// The PDF writer's text: fonts embedded as subsets, text that reads back
// exactly, at the place the layout asked for, in a small, valid file.
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "pdf/pdf.hpp"
#include "pdf_support.hpp"

using namespace easyread;
using pdftest::quoted;
using pdftest::run;

TEST_CASE("pdf text reads back exactly, with no warnings", "[pdf]") {
  pdftest::TempDir dir;
  const std::string file = dir.write("text.pdf", pdftest::render_ok(pdftest::text_document()));
  const auto result = run("pdftotext -raw " + quoted(file) + " -");
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  CHECK(result.out ==
        "Our meeting\nWe talked about the café and €5 tickets.\nNext time: Tuesday.\n\f");
}

TEST_CASE("pdf fonts are embedded subsets with a Unicode map", "[pdf]") {
  pdftest::TempDir dir;
  const std::string file = dir.write("fonts.pdf", pdftest::render_ok(pdftest::text_document()));
  const auto result = run("pdffonts " + quoted(file));
  REQUIRE(result.status == 0);
  CHECK(result.err.empty());
  std::istringstream lines(result.out);
  std::string line;
  int fonts = 0;
  while (std::getline(lines, line)) {
    if (line.find("CID TrueType") == std::string::npos) continue;
    ++fonts;
    INFO(line);
    CHECK(line.find("yes yes yes") != std::string::npos);
  }
  CHECK(fonts == 2);
}

TEST_CASE("pdf words sit where the layout put them", "[pdf]") {
  const auto doc = pdftest::text_document();
  pdftest::TempDir dir;
  const auto words = pdftest::words_of(dir.write("place.pdf", pdftest::render_ok(doc)));
  REQUIRE(words.size() == 13);
  // The first and last word of each line, in order.
  struct Expect {
    std::size_t first, last;
    const layout::TextItem* item;
  };
  const auto& items = doc.pages[0].items;
  const Expect lines[] = {{0, 1, &std::get<layout::TextItem>(items[1])},
                          {2, 9, &std::get<layout::TextItem>(items[2])},
                          {10, 12, &std::get<layout::TextItem>(items[3])}};
  for (const Expect& e : lines) {
    const auto& item = *e.item;
    const std::string& font = doc.fonts[item.font].path;
    const auto [ascent, descent] = pdftest::ascent_descent(font);
    const double baseline = doc.page_height - item.y;  // top-down, as pdftotext gives it
    INFO(item.text);
    CHECK(std::abs(words[e.first].x_min - item.x) < 1);
    CHECK(std::abs(words[e.last].x_max - (item.x + pdftest::advance_width(font, item.text, item.size))) < 1);
    CHECK(std::abs(words[e.first].y_min - (baseline - ascent * item.size)) < 1);
    CHECK(std::abs(words[e.first].y_max - (baseline - descent * item.size)) < 1);
  }
}

TEST_CASE("pdf file passes qpdf's check and says version 1.7", "[pdf]") {
  pdftest::TempDir dir;
  const std::string file = dir.write("check.pdf", pdftest::render_ok(pdftest::text_document()));
  const auto check = run("qpdf --check " + quoted(file));
  CHECK(check.status == 0);
  CHECK(check.err.empty());
  CHECK(check.out.find("No syntax or stream encoding errors") != std::string::npos);
  const auto info = run("pdfinfo " + quoted(file));
  CHECK(info.out.find("PDF version:     1.7") != std::string::npos);
  CHECK(info.out.find("Title:           Our meeting — notes") != std::string::npos);
  CHECK(info.out.find("Author:          Easy Read team") != std::string::npos);
  CHECK(info.out.find("Creator:         easyread") != std::string::npos);
  CHECK(info.out.find("CreationDate") == std::string::npos);
}

TEST_CASE("pdf of the same document is the same bytes", "[pdf]") {
  const auto doc = pdftest::text_document();
  CHECK(pdftest::render_ok(doc) == pdftest::render_ok(doc));
}

TEST_CASE("pdf of one page of text is small", "[pdf]") {
  const std::string bytes = pdftest::render_ok(pdftest::text_document());
  CHECK(bytes.size() < 40 * 1024);
}

TEST_CASE("pdf writer warns about signs it cannot show", "[pdf]") {
  auto doc = pdftest::text_document();
  std::get<layout::TextItem>(doc.pages[0].items[2]).text = "Happy \xF0\x9F\x98\x80 and \xE4\xB8\xAD";
  Diagnostics diags;
  const std::string bytes = pdf::render(doc, "signs.pdf", diags);
  CHECK_FALSE(bytes.empty());
  CHECK_FALSE(diags.has_errors());
  int emoji = 0, missing = 0;
  for (const auto& d : diags.items()) {
    CHECK(d.file == "signs.pdf");
    if (d.message.find("U+1F600") != std::string::npos) ++emoji;
    if (d.message.find("U+4E2D") != std::string::npos) ++missing;
  }
  CHECK(emoji == 1);
  CHECK(missing == 1);
}

TEST_CASE("pdf writer reports a font file it cannot read", "[pdf]") {
  auto doc = pdftest::text_document();
  doc.fonts[0].path = "/no/such/font.ttf";
  Diagnostics diags;
  CHECK(pdf::render(doc, "broken.pdf", diags).empty());
  REQUIRE(diags.has_errors());
  CHECK(diags.items().front().message.find("/no/such/font.ttf") != std::string::npos);
}

TEST_CASE("pdf writer refuses a font that is not TrueType", "[pdf]") {
  pdftest::TempDir dir;
  auto doc = pdftest::text_document();
  doc.fonts[1].path = dir.write("fake.ttf", "This is not a font file at all.");
  Diagnostics diags;
  CHECK(pdf::render(doc, "fake.pdf", diags).empty());
  REQUIRE(diags.has_errors());
  CHECK(diags.items().front().message.find("fake.ttf will not work") != std::string::npos);
  CHECK(diags.items().front().suggestion.find(".ttf") != std::string::npos);
}
