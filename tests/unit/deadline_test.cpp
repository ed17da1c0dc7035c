// A server's build limit: every long stage checks the deadline inside its own
// loop, so a deadline that has passed stops the stage even when it was handed
// all of its work at once (not only between stages).
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "base/deadline.hpp"
#include "check/check.hpp"
#include "html/html.hpp"
#include "layout/fonts.hpp"
#include "layout/layout.hpp"
#include "markup/markup.hpp"
#include "pdf/pdf.hpp"
#include "pipeline/pipeline.hpp"
#include "symbols/symbols.hpp"
#include "word/word.hpp"

using namespace easyread;

namespace {

Deadline passed() { return Deadline(Deadline::Clock::now() - std::chrono::seconds(1)); }

std::string notes_with_points(int count) {
  std::string points;
  for (int i = 0; i < count; ++i)
    points += "<point>We meet at the hall on day " + std::to_string(i + 1) + ". Bring a friend.</point>\n";
  return "<easyread title=\"Our days\"><section title=\"Days\">\n" + points +
         "</section><words><word term=\"hall\">A big room.</word></words></easyread>\n";
}

}  // namespace

TEST_CASE("no deadline, or one still to come, never stops the work") {
  CHECK_FALSE(Deadline().passed());
  CHECK_NOTHROW(Deadline().check());
  CHECK_FALSE(Deadline(Deadline::Clock::now() + std::chrono::hours(1)).passed());
  CHECK(passed().passed());
  CHECK_THROWS_AS(passed().check(), OutOfTime);
}

TEST_CASE("each long stage stops inside its own loop once the deadline has passed") {
  Diagnostics diags;
  const auto notes = markup::read_string(notes_with_points(30), "notes.xml", diags);
  REQUIRE(notes);
  symbols::Library library(EASYREAD_SOURCE_DIR);
  pipeline::Options options{EASYREAD_SOURCE_DIR, "", {}};

  options.deadline = passed();
  CHECK_THROWS_AS(pipeline::prepare(*notes, library, options, diags), OutOfTime);  // the content
  options.deadline = {};
  const auto ready = pipeline::prepare(*notes, library, options, diags);
  REQUIRE(ready);

  layout::FontSet fonts(EASYREAD_SOURCE_DIR);
  const auto faces = layout::find_faces(ready->look, fonts, diags);
  REQUIRE(faces);
  CHECK_THROWS_AS(layout::lay_out(ready->content, ready->look, fonts, *faces, passed()), OutOfTime);
  const layout::Document laid_out = layout::lay_out(ready->content, ready->look, fonts, *faces);
  REQUIRE(laid_out.pages.size() > 2);

  CHECK_THROWS_AS(pdf::render(laid_out, "notes.pdf", diags, nullptr, passed()), OutOfTime);
  CHECK_FALSE(pdf::render(laid_out, "notes.pdf", diags).empty());

  html::Options page;
  page.look = ready->look;
  page.deadline = passed();
  CHECK_THROWS_AS(html::render(ready->content, page, "notes.html", diags), OutOfTime);

  word::Resources cache;
  CHECK_THROWS_AS(word::write(ready->content, ready->look, {}, cache, "notes.docx", diags, passed()), OutOfTime);
  CHECK_FALSE(word::write(ready->content, ready->look, {}, cache, "notes.docx", diags).empty());

  const check::Checker checker(EASYREAD_SOURCE_DIR, {}, diags);
  CHECK_THROWS_AS(checker.check_document(*notes, passed()), OutOfTime);
  CHECK_NOTHROW(checker.check_document(*notes));
}
