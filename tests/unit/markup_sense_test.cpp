// Files that are not notes, slips in tag names, times as people write them,
// dates that do not add up, and starter words left in the notes.
#include <catch2/catch.hpp>

#include "base/date.hpp"
#include "markup/markup.hpp"

using namespace easyread;

namespace {

Diagnostics read(const std::string& source, const std::string& path = "notes.xml") {
  Diagnostics diags;
  markup::read_string(source, path, diags);
  return diags;
}

std::vector<Diagnostic> with_rule(const Diagnostics& diags, const std::string& rule) {
  std::vector<Diagnostic> out;
  for (const auto& d : diags.items())
    if (d.rule == rule) out.push_back(d);
  return out;
}

bool has_nul(const std::string& s) { return s.find('\0') != std::string::npos; }

}  // namespace

TEST_CASE("a Word file, a PDF or UTF-16 given as notes is named as what it is") {
  const auto word = read(std::string("PK\x03\x04\x14\0\0\0", 8) + "word/document.xml....", "letter.docx");
  REQUIRE(with_rule(word, "not-notes").size() == 1);
  const Diagnostic& w = word.items().front();
  CHECK(w.message == "letter.docx is a Word file, not easyread notes.");
  CHECK(w.suggestion.find("easyread check letter.docx") != std::string::npos);
  CHECK(w.suggestion.find("easyread new --from letter.docx") != std::string::npos);
  CHECK(w.span.line == 0);  // no line of the file is shown

  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("<easyread title=\"T\"><point>Hi.</point></easyread>")) utf16 += {c, '\0'};
  const auto wide = read(utf16);
  REQUIRE(with_rule(wide, "not-notes").size() == 1);
  const Diagnostic& u = wide.items().front();
  CHECK(u.message.find("UTF-16") != std::string::npos);
  CHECK(u.suggestion.find("UTF-8") != std::string::npos);
  CHECK_FALSE(has_nul(u.message + u.suggestion));

  CHECK(with_rule(read("%PDF-1.7\n..."), "not-notes").size() == 1);
  CHECK(with_rule(read(std::string("<easyread\0", 10)), "not-notes").size() == 1);
}

TEST_CASE("two letters the wrong way round in a tag name get \"Did you mean\"") {
  const auto diags = read("<easyread title=\"T\"><section title=\"S\"><piont>Hi.</piont></section></easyread>");
  const auto unknown = with_rule(diags, "unknown-element");
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].message.find("Did you mean <point>?") != std::string::npos);
  CHECK(unknown[0].suggestion == "Change <piont> to <point>.");
}

TEST_CASE("times are read as people write them") {
  CHECK(parse_clock_time("14:30") == ClockTime{14, 30});
  CHECK(parse_clock_time("9:30") == ClockTime{9, 30});
  CHECK(parse_clock_time("14.30") == ClockTime{14, 30});
  CHECK(parse_clock_time("2:30pm") == ClockTime{14, 30});
  CHECK(parse_clock_time("2.30 P.M.") == ClockTime{14, 30});
  CHECK(parse_clock_time("11am") == ClockTime{11, 0});
  CHECK(parse_clock_time("12pm") == ClockTime{12, 0});
  CHECK(parse_clock_time("12am") == ClockTime{0, 0});
  CHECK(parse_clock_time("midday") == ClockTime{12, 0});
  CHECK_FALSE(parse_clock_time("14"));
  CHECK_FALSE(parse_clock_time("13pm"));
  CHECK_FALSE(parse_clock_time("25:00"));
  CHECK_FALSE(parse_clock_time("2:3pm"));
  CHECK_FALSE(parse_clock_time("soon"));
}

TEST_CASE("times like 2:30pm and 14.30 are understood") {
  for (const char* time : {"2:30pm", "14.30", "14:30", "2.30 pm"}) {
    INFO(time);
    Diagnostics diags;
    auto doc = markup::read_string(std::string("<easyread title=\"T\"><meeting time=\"") + time +
                                       "\">Come.</meeting></easyread>",
                                   "n.xml", diags);
    REQUIRE(doc);
    const auto& meeting = std::get<markup::Meeting>(doc->sections.front().blocks.front());
    REQUIRE(meeting.time);
    CHECK(*meeting.time == ClockTime{14, 30});
  }
}

TEST_CASE("a weekday that does not match its date is a warning") {
  const auto diags = read(
      "<easyread title=\"T\" date=\"2027-03-01\">\n"
      "<point>We meet on Monday 3 March 2027. We met on Monday 1 March.</point>\n"
      "</easyread>");
  const auto wrong = with_rule(diags, "wrong-weekday");
  REQUIRE(wrong.size() == 1);  // 1 March 2027 is a Monday; 3 March is a Wednesday
  CHECK(wrong[0].message == "\"Monday 3 March 2027\" is not right: 3 March 2027 is a Wednesday.");
  CHECK(wrong[0].span.line == 2);
  CHECK(wrong[0].span.column == 19);
  CHECK(wrong[0].severity == Severity::warning);
}

TEST_CASE("an action due before the meeting, or a next meeting before this one, is a warning") {
  const auto diags = read(
      "<easyread title=\"T\" date=\"2027-03-10\">\n"
      "<action who=\"Sam\" by=\"2027-03-03\">Write the letter.</action>\n"
      "<action who=\"Jo\" by=\"2027-03-24\">Book the room.</action>\n"
      "<meeting date=\"2027-02-10\">Come to our next meeting.</meeting>\n"
      "</easyread>");
  const auto order = with_rule(diags, "date-order");
  REQUIRE(order.size() == 2);
  CHECK(order[0].span.line == 2);
  CHECK(order[0].message.find("Wednesday 3 March 2027, before the meeting on Wednesday 10 March 2027") !=
        std::string::npos);
  CHECK(order[1].span.line == 4);
  CHECK(order[1].message.find("Wednesday 10 February 2027") != std::string::npos);
}

TEST_CASE("the starter's words are a warning until they are replaced") {
  const auto diags = read(
      "<easyread title=\"T\">\n"
      "<point>Write what you talked about here. Use short sentences.</point>\n"
      "<point>We wrote to the council. Write to us here at the hall.</point>\n"
      "<point>Write here who came.</point>\n"
      "</easyread>");
  const auto starter = with_rule(diags, "starter-words");
  REQUIRE(starter.size() == 2);  // not "Write to us here at the hall."
  CHECK(starter[1].span.line == 4);
  CHECK(starter[0].message == "\"Write what you talked about here\" is from the starter notes.");
  CHECK(starter[0].span.line == 2);
}
