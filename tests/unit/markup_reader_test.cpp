// The markup reader on documents that are right: what a later stage gets.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "markup/markup.hpp"

using namespace easyread;
using markup::Run;

namespace {

struct Result {
  std::optional<markup::Document> doc;
  Diagnostics diags;
};

Result read(const std::string& source) {
  Result result;
  result.doc = markup::read_string(source, "notes/test.xml", result.diags);
  return result;
}

// A document with `body` inside <easyread title="T">.
std::string wrap(const std::string& body) {
  return "<easyread title=\"T\">\n" + body + "\n</easyread>\n";
}

const markup::Point& point_at(const markup::Document& doc, std::size_t section, std::size_t block) {
  return std::get<markup::Point>(doc.sections.at(section).blocks.at(block));
}

}  // namespace

TEST_CASE("a full document is read with every part") {
  Result r = read(R"(<?xml version="1.0" encoding="UTF-8"?>
<easyread title="Our group news" lang="cy" template="large-print" date="2027-01-13" organisation="Speak Up">
  <cover picture="1F91D" alt="2 hands">We are glad you came.</cover>
  <section title="Our meeting">
    <point picture="1F465" alt="2 people" ignore="long-sentence many-ideas">We talked about the <hard>budget</hard>.
      It was a <b>good</b> talk. See <link href="https://example.org/news">our news</link>.
      <list><item>We had tea.</item><item>We had <b>biscuits</b>.</item></list>
    </point>
    <action who="Sam" by="2027-02-03" picture="2709">Send the letter.</action>
    <meeting date="2027-02-10" time="12:30" place="The hall" picture="1F4C5">Come to our next meeting.</meeting>
  </section>
  <words>
    <word term="budget" picture="1F45B">A plan for <b>money</b>.</word>
  </words>
  <checked by="Aisha and Leon" date="2027-01-20"/>
</easyread>
)");
  REQUIRE(r.doc);
  CHECK_FALSE(r.diags.has_errors());
  const markup::Document& doc = *r.doc;
  CHECK(doc.title == "Our group news");
  CHECK(doc.lang == "cy");
  CHECK(doc.template_name == "large-print");
  CHECK(doc.date == Date{2027, 1, 13});
  CHECK(doc.organisation == "Speak Up");
  CHECK(doc.path == "notes/test.xml");
  CHECK(doc.directory == "notes");
  CHECK(doc.title_span.line == 2);
  CHECK(doc.title_span.column == 11);

  REQUIRE(doc.cover);
  CHECK(doc.cover->picture.value == "1F91D");
  CHECK(doc.cover->picture.alt == "2 hands");
  CHECK(doc.cover->text.plain_text() == "We are glad you came.");

  REQUIRE(doc.sections.size() == 1);
  const markup::Section& section = doc.sections[0];
  CHECK(section.title == "Our meeting");
  REQUIRE(section.blocks.size() == 3);

  const markup::Point& point = point_at(doc, 0, 0);
  CHECK(point.picture.value == "1F465");
  CHECK(point.picture.alt == "2 people");
  CHECK(point.ignore == std::vector<std::string>{"long-sentence", "many-ideas"});
  CHECK(point.span.line == 5);
  CHECK(point.span.column == 5);
  const auto& runs = point.text.runs;
  REQUIRE(runs.size() == 7);
  CHECK(runs[0].text == "We talked about the ");
  CHECK(runs[0].style == Run::Style::plain);
  CHECK(runs[1].text == "budget");
  CHECK(runs[1].style == Run::Style::hard);
  CHECK(runs[3].text == "good");
  CHECK(runs[3].style == Run::Style::bold);
  CHECK(runs[5].text == "our news");
  CHECK(runs[5].style == Run::Style::link);
  CHECK(runs[5].href == "https://example.org/news");
  CHECK(runs[6].text == ".");  // the white space before <list> is trimmed
  CHECK(point.text.plain_text() ==
        "We talked about the budget.\n      It was a good talk. See our news.");
  REQUIRE(point.list.size() == 2);
  CHECK(point.list[0].plain_text() == "We had tea.");
  CHECK(point.list[1].runs.at(1).style == Run::Style::bold);

  const auto& action = std::get<markup::Action>(section.blocks[1]);
  CHECK(action.who == "Sam");
  CHECK(action.by == Date{2027, 2, 3});
  CHECK(action.picture.value == "2709");
  CHECK(action.text.plain_text() == "Send the letter.");

  const auto& meeting = std::get<markup::Meeting>(section.blocks[2]);
  CHECK(meeting.date == Date{2027, 2, 10});
  CHECK(meeting.time == ClockTime{12, 30});
  CHECK(meeting.place == "The hall");
  CHECK(meeting.text.plain_text() == "Come to our next meeting.");

  REQUIRE(doc.words.size() == 1);
  CHECK(doc.words[0].term == "budget");
  CHECK(doc.words[0].picture.value == "1F45B");
  CHECK(doc.words[0].explanation.plain_text() == "A plan for money.");

  REQUIRE(doc.checked);
  CHECK(doc.checked->by == "Aisha and Leon");
  CHECK(doc.checked->date == Date{2027, 1, 20});
}

TEST_CASE("attributes left out take their defaults") {
  Result r = read(wrap("<point>Hello.</point>"));
  REQUIRE(r.doc);
  CHECK(r.doc->lang == "en-GB");
  CHECK(r.doc->template_name == "newsletter");
  CHECK_FALSE(r.doc->date);
  CHECK_FALSE(r.doc->cover);
  CHECK_FALSE(r.doc->checked);
  CHECK(r.doc->organisation.empty());
  CHECK(point_at(*r.doc, 0, 0).picture.value.empty());
  CHECK(r.diags.items().empty());
}

TEST_CASE("points outside a section go into untitled sections in document order") {
  Result r = read(wrap(R"(<point>One.</point>
<section title="Middle"><point>Two.</point></section>
<point>Three.</point>
<action who="Sam">Four.</action>
<words><word term="tea">A hot drink.</word></words>
<point>Five.</point>)"));
  REQUIRE(r.doc);
  const auto& sections = r.doc->sections;
  REQUIRE(sections.size() == 4);
  CHECK(sections[0].title.empty());
  CHECK(sections[0].blocks.size() == 1);
  CHECK(sections[1].title == "Middle");
  CHECK(sections[2].title.empty());
  CHECK(sections[2].blocks.size() == 2);
  CHECK(std::holds_alternative<markup::Action>(sections[2].blocks[1]));
  CHECK(sections[3].blocks.size() == 1);
  CHECK(point_at(*r.doc, 3, 0).text.plain_text() == "Five.");
}

TEST_CASE("entities, CDATA and comments give one run of plain text") {
  Result r =
      read(wrap("<point>Tom &amp; Jerry &#233;t&#xE9; <![CDATA[<3 & more]]> here<!-- a note --> "
                "now.</point>"));
  REQUIRE(r.doc);
  const auto& runs = point_at(*r.doc, 0, 0).text.runs;
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].text == "Tom & Jerry \xC3\xA9t\xC3\xA9 <3 & more here now.");
}

TEST_CASE("a run's source offset is where its text starts in the file") {
  std::string source = wrap("<point>\n   We met.  <b>Good</b>\n</point>");
  Result r = read(source);
  REQUIRE(r.doc);
  const auto& runs = point_at(*r.doc, 0, 0).text.runs;
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].text == "We met.  ");
  CHECK(source.substr(runs[0].source_offset, 7) == "We met.");
  CHECK(source.substr(runs[1].source_offset, 4) == "Good");
  CHECK(r.doc->source == source);
}

TEST_CASE("a byte order mark is dropped so columns on line 1 are right") {
  Result r = read("\xEF\xBB\xBF<easyread title=\"T\"><point>Hi.</point></easyread>");
  REQUIRE(r.doc);
  CHECK(r.doc->title_span.line == 1);
  CHECK(r.doc->title_span.column == 11);
}

TEST_CASE("a hard word matches its term without case and with a plural") {
  Result r = read(wrap(R"(<point>The <hard>Commissioners</hard> and the <hard>care  plan</hard>.
Our <hard>bodies</hard> and <hard>minute</hard>.</point>
<words>
  <word term="commissioner">A person who decides what to pay for.</word>
  <word term="care plans">What help you get.</word>
  <word term="body">A group.</word>
  <word term="Minutes">Notes from a meeting.</word>
</words>)"));
  CHECK(r.doc);
  CHECK_FALSE(r.diags.has_errors());
}

TEST_CASE("a point can switch off the hard word check") {
  Result r = read(
      wrap(R"(<point ignore="hard-word-not-explained"><hard>quorum</hard> is fine here.</point>)"));
  CHECK(r.doc);
  CHECK_FALSE(r.diags.has_errors());
}

TEST_CASE("a picture's span is where its attribute is written") {
  Result r = read(wrap("  <point alt=\"x\" picture=\"photos/us.jpg\">Hi.</point>"));
  REQUIRE(r.doc);
  const markup::PictureRef& picture = point_at(*r.doc, 0, 0).picture;
  CHECK(picture.value == "photos/us.jpg");
  CHECK(picture.span.line == 2);
  CHECK(picture.span.column == 18);
  CHECK(picture.span.end_column == 41);
}

TEST_CASE("read_file reads the project's sample files") {
  for (std::string name :
       {"samples/minutes.xml", "samples/newsletter.xml", "tests/data/good.xml"}) {
    Diagnostics diags;
    auto doc = markup::read_file(std::string(EASYREAD_SOURCE_DIR) + "/" + name, diags);
    INFO(name);
    REQUIRE(doc);
    CHECK_FALSE(diags.has_errors());
    CHECK_FALSE(doc->title.empty());
    CHECK_FALSE(doc->sections.empty());
  }
}

TEST_CASE("Paragraph::empty is true for white space only") {
  markup::Paragraph paragraph;
  CHECK(paragraph.empty());
  paragraph.runs.push_back(Run{Run::Style::plain, " \n\t", {}, 0});
  CHECK(paragraph.empty());
  paragraph.runs.push_back(Run{Run::Style::bold, "x", {}, 4});
  CHECK_FALSE(paragraph.empty());
  CHECK(paragraph.plain_text() == " \n\tx");
}

TEST_CASE("the complete example in the README reads without a mistake") {
  std::ifstream file(std::string(EASYREAD_SOURCE_DIR) + "/README.md");
  REQUIRE(file);
  std::string docs{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  std::size_t section = docs.find("\n## The markup");
  REQUIRE(section != std::string::npos);
  std::size_t begin = docs.find("```xml\n", section);
  REQUIRE(begin != std::string::npos);
  begin += 7;
  std::size_t end = docs.find("```", begin);
  REQUIRE(end != std::string::npos);
  Result r = read(docs.substr(begin, end - begin));
  std::string found;
  for (const Diagnostic& d : r.diags.items()) found += d.rule + ": " + d.message + "\n";
  INFO(found);
  REQUIRE(r.doc);
  CHECK(r.diags.items().empty());
  CHECK(r.doc->sections.size() == 3);
  CHECK(r.doc->words.size() == 1);
  CHECK(r.doc->checked);
}

TEST_CASE("titles and names broken over lines are folded to single spaces") {
  Result r = read(R"(<easyread title="Our news
      for  March">
<section title=" Next
  time"><action who="Sam
  and Ali">Go.</action></section>
</easyread>)");
  REQUIRE(r.doc);
  CHECK(r.doc->title == "Our news for March");
  CHECK(r.doc->sections.at(0).title == "Next time");
  CHECK(std::get<markup::Action>(r.doc->sections[0].blocks.at(0)).who == "Sam and Ali");
}

TEST_CASE("words after a list are kept, with a warning that they come first") {
  Result r =
      read(wrap("<point>Our rules:\n<list><item>Listen.</item></list>\n  Thank you.</point>"));
  REQUIRE(r.doc);
  CHECK(point_at(*r.doc, 0, 0).text.plain_text() == "Our rules:\n\n  Thank you.");
  REQUIRE(r.diags.items().size() == 1);
  const Diagnostic& d = r.diags.items()[0];
  CHECK(d.severity == Severity::warning);
  CHECK(d.rule == "text-after-list");
  CHECK(d.span.line == 4);
  CHECK(d.span.column == 3);
}
