// markup::locate: from a place in a run's text back to the line and column
// the author sees in their editor.
#include <catch2/catch.hpp>

#include "markup/markup.hpp"
#include "text/text.hpp"

using namespace easyread;

namespace {

// Reads a document with one point and returns it with the point's first run.
markup::Document read_point(const std::string& point_text) {
  Diagnostics diags;
  auto doc = markup::read_string(
      "<easyread title=\"T\">\n<point>" + point_text +
          "</point>\n"
          "<words><word term=\"agenda\">A list of things to talk about.</word></words>\n"
          "</easyread>\n",
      "t.xml", diags);
  INFO((diags.items().empty() ? "" : diags.items()[0].message));
  REQUIRE(doc);
  return *doc;
}

const markup::Run& first_run(const markup::Document& doc) {
  return std::get<markup::Point>(doc.sections.at(0).blocks.at(0)).text.runs.at(0);
}

// Where `word` (its first occurrence in the run's text) stands.
Span where(const markup::Document& doc, const markup::Run& run, const std::string& word) {
  std::size_t at = run.text.find(word);
  REQUIRE(at != std::string::npos);
  return markup::locate(doc, run, at, at + word.size());
}

}  // namespace

TEST_CASE("locate finds words on later lines of a point") {
  markup::Document doc = read_point("We met on Monday.\n      It was a good\n   meeting.");
  const markup::Run& run = first_run(doc);
  Span s = where(doc, run, "It");
  CHECK(s.line == 3);
  CHECK(s.column == 7);
  CHECK(s.end_line == 3);
  CHECK(s.end_column == 9);
  Span meeting = where(doc, run, "meeting");
  CHECK(meeting.line == 4);
  CHECK(meeting.column == 4);
  Span across = where(doc, run, "good\n   meeting");
  CHECK(across.line == 3);
  CHECK(across.end_line == 4);
  CHECK(across.end_column == 11);
}

TEST_CASE("locate counts an entity as what the author wrote") {
  markup::Document doc = read_point("Tom &amp; Jerry &lt;3 &#233;t&#xE9; ok");
  const markup::Run& run = first_run(doc);
  REQUIRE(run.text == "Tom & Jerry <3 \xC3\xA9t\xC3\xA9 ok");
  Span jerry = where(doc, run, "Jerry");
  CHECK(jerry.line == 2);
  CHECK(jerry.column == 18);  // "<point>" is 7, "Tom &amp; " 10
  Span amp = where(doc, run, "&");
  CHECK(amp.column == 12);
  CHECK(amp.end_column == 17);  // the whole "&amp;"
  Span ok = where(doc, run, "ok");
  CHECK(ok.column == 44);
  // Half of the two bytes of "é" still points at its whole entity.
  std::size_t e = run.text.find("\xC3\xA9");
  Span half = markup::locate(doc, run, e + 1, e + 2);
  CHECK(half.column == 30);
}

TEST_CASE("locate counts columns in characters, not bytes") {
  markup::Document doc = read_point("Caf\xC3\xA9 \xE2\x80\x9Cnice\xE2\x80\x9D ok");
  const markup::Run& run = first_run(doc);
  CHECK(where(doc, run, "nice").column == 14);
  CHECK(where(doc, run, "ok").column == 20);
}

TEST_CASE("locate steps over CDATA markers and comments") {
  markup::Document doc = read_point("a <![CDATA[b & c]]> d<!-- x --> e");
  const markup::Run& run = first_run(doc);
  REQUIRE(run.text == "a b & c d e");
  CHECK(where(doc, run, "b").column == 19);
  CHECK(where(doc, run, "&").column == 21);
  CHECK(where(doc, run, "d").column == 28);
  CHECK(where(doc, run, "e").column == 40);
}

TEST_CASE("locate works on a file with Windows line ends") {
  Diagnostics diags;
  auto doc = markup::read_string(
      "<easyread title=\"T\">\r\n<point>One.\r\n  Two.\r\n  Three.</point>\r\n</easyread>\r\n",
      "t.xml", diags);
  REQUIRE(doc);
  const markup::Run& run = first_run(*doc);
  Span three = where(*doc, run, "Three");
  CHECK(three.line == 4);
  CHECK(three.column == 3);
}

TEST_CASE("locate finds runs after the first, and text in hard words") {
  markup::Document doc = read_point("We read the\n  <hard>agenda</hard> and the <b>big news</b>.");
  const auto& runs = std::get<markup::Point>(doc.sections[0].blocks[0]).text.runs;
  REQUIRE(runs.size() == 5);
  Span agenda = markup::locate(doc, runs[1], 0, runs[1].text.size());
  CHECK(agenda.line == 3);
  CHECK(agenda.column == 9);
  CHECK(agenda.end_column == 15);
  Span news = where(doc, runs[3], "news");
  CHECK(news.line == 3);
  CHECK(news.column == 38);
}

TEST_CASE("locate with a line index made once gives the same places") {
  markup::Document doc = read_point("One.\n Two &amp; three.\n  Four.");
  const markup::Run& run = first_run(doc);
  text::LineIndex lines(doc.source);
  for (std::string word : {"One", "Two", "three", "Four"}) {
    std::size_t at = run.text.find(word);
    Span a = markup::locate(doc, run, at, at + word.size());
    Span b = markup::locate(doc, lines, run, at, at + word.size());
    CHECK(a.line == b.line);
    CHECK(a.column == b.column);
    CHECK(a.end_column == b.end_column);
  }
}

TEST_CASE("locate keeps ranges past the end of the run inside it") {
  markup::Document doc = read_point("Hi there.");
  const markup::Run& run = first_run(doc);
  Span s = markup::locate(doc, run, 3, 999);
  CHECK(s.column == 11);
  CHECK(s.end_column == 17);
}
