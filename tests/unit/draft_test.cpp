// The draft stage: dates, times and actions as UK notes write them, and Word
// files that try to break the reader.
#include <catch2/catch.hpp>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "draft/draft.hpp"
#include "draft/internal.hpp"

using namespace easyread;
using namespace easyread::draft;

namespace {

std::optional<Date> first_date(std::string_view text, int year = 0) {
  const auto found = detail::find_dates(text, year);
  if (found.empty()) return std::nullopt;
  return found.front().date;
}

std::string temp_docx(const std::string& document_xml) {
  char name[] = "/tmp/easyread-draft-XXXXXX";
  REQUIRE(mkdtemp(name) != nullptr);
  const std::string path = std::string(name) + "/deep.docx";
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(archive);
  zip_source_t* source = zip_source_buffer(archive, document_xml.data(), document_xml.size(), 0);
  REQUIRE(zip_file_add(archive, "word/document.xml", source, ZIP_FL_OVERWRITE) >= 0);
  REQUIRE(zip_close(archive) == 0);
  return path;
}

std::string wrapped(const std::string& open, const std::string& close, int times, const std::string& inside) {
  std::string out;
  out.reserve((open.size() + close.size()) * static_cast<std::size_t>(times) + inside.size());
  for (int i = 0; i < times; ++i) out += open;
  out += inside;
  for (int i = 0; i < times; ++i) out += close;
  return out;
}

const char* const kDocumentStart =
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";

}  // namespace

TEST_CASE("Dates in the usual UK forms", "[draft]") {
  CHECK(first_date("by 3rd March 2027") == Date{2027, 3, 3});
  CHECK(first_date("on 03/03/2027.") == Date{2027, 3, 3});
  CHECK(first_date("on 3/3/27") == Date{2027, 3, 3});
  CHECK(first_date("Wed 3 March", 2027) == Date{2027, 3, 3});
  CHECK(first_date("Wednesday 3rd of March 2027") == Date{2027, 3, 3});
  CHECK(first_date("March 3rd, 2027") == Date{2027, 3, 3});
  CHECK(first_date("2027-03-03") == Date{2027, 3, 3});
  CHECK(first_date("3 Sept 2027") == Date{2027, 9, 3});
  // Without a year, and none known: the day and month, year 0.
  CHECK(first_date("by 3 March") == Date{0, 3, 3});
  // Not real dates, and words that only look like months.
  CHECK_FALSE(first_date("31/02/2027"));
  CHECK_FALSE(first_date("We may march 3 times"));
  CHECK_FALSE(first_date("12 members came"));
}

TEST_CASE("Times of day", "[draft]") {
  CHECK(detail::find_time("at 10:30am") == ClockTime{10, 30});
  CHECK(detail::find_time("from 2pm") == ClockTime{14, 0});
  CHECK(detail::find_time("2.30 pm") == ClockTime{14, 30});
  CHECK(detail::find_time("12pm") == ClockTime{12, 0});
  CHECK(detail::find_time("14:30") == ClockTime{14, 30});
  CHECK(detail::find_time("at midday") == ClockTime{12, 0});
  CHECK_FALSE(detail::find_time("on 03.03.2027"));
}

TEST_CASE("Places", "[draft]") {
  CHECK(detail::find_place("Place: Riverside Community Hall") == "Riverside Community Hall");
  CHECK(detail::find_place("We meet at Riverside Community Hall on Wednesday") == "Riverside Community Hall");
  CHECK(detail::find_place("We meet at 10:30am in the Town Hall.") == "the Town Hall");
  CHECK_FALSE(detail::find_place("We meet in March."));
}

TEST_CASE("Actions say who and by when", "[draft]") {
  auto action = detail::read_action("Action: Priya to phone the council by 3 March", false, 2027);
  REQUIRE(action);
  CHECK(action->who == "Priya");
  REQUIRE(action->by);
  CHECK(action->by->date == Date{2027, 3, 3});
  action = detail::read_action("Sam and Jo will write to the council by 24/03/2027.", false, 2027);
  REQUIRE(action);
  CHECK(action->who == "Sam and Jo");
  CHECK(action->by->date == Date{2027, 3, 24});
  // Under an "Actions" heading, the date may be missing.
  action = detail::read_action("Priya to book the room", true, 2027);
  REQUIRE(action);
  CHECK(action->who == "Priya");
  CHECK_FALSE(action->by);
  // A sentence about the past is not an action.
  CHECK_FALSE(detail::read_action("Priya phoned the council on 3 March.", false, 2027));
  CHECK_FALSE(detail::read_action("We talked about the bus pass.", false, 2027));
}

TEST_CASE("Word files nested too deeply give a plain error, not a crash", "[draft]") {
  for (const auto& [open, close] : {std::pair<std::string, std::string>{"<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"},
                                    std::pair<std::string, std::string>{"<w:hyperlink>", "</w:hyperlink>"}}) {
    const std::string inside = open.starts_with("<w:sdt") ? "<w:p><w:r><w:t>Hello</w:t></w:r></w:p>"
                                                          : "<w:r><w:t>Hello</w:t></w:r>";
    std::string body = wrapped(open, close, 200000, inside);
    if (!open.starts_with("<w:sdt")) body = "<w:p>" + body + "</w:p>";
    const std::string path = temp_docx(kDocumentStart + body + "</w:body></w:document>");
    Diagnostics diags;
    const auto doc = read_docx(path, diags);
    std::filesystem::remove_all(std::filesystem::path(path).parent_path());
    CHECK_FALSE(doc);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].message.find("nested more than") != std::string::npos);
  }
}

TEST_CASE("A Word paragraph split into runs reads as one, with deleted text left out", "[draft]") {
  const std::string path = temp_docx(
      std::string(kDocumentStart) +
      "<w:p><w:r><w:t>We me</w:t></w:r><w:r><w:t xml:space=\"preserve\">t on </w:t></w:r>"
      "<w:del><w:r><w:delText>Monday</w:delText></w:r></w:del><w:ins><w:r><w:t>Friday</w:t></w:r></w:ins>"
      "<w:r><w:t>.</w:t></w:r></w:p></w:body></w:document>");
  Diagnostics diags;
  const auto doc = read_docx(path, diags);
  std::filesystem::remove_all(std::filesystem::path(path).parent_path());
  REQUIRE(doc);
  REQUIRE(doc->blocks.size() == 1);
  CHECK(doc->blocks[0].text == "We met on Friday.");
}

TEST_CASE("A very long paragraph or line is read whole, without running out of stack", "[draft]") {
  std::string words;
  for (int i = 0; i < 5000; ++i) words += "Place: Hall at Town Hall by 3 March 2027 - ";
  const std::string one_word(200000, 'a');
  for (const std::string& text : {words, "- " + one_word + "\n\n" + one_word}) {
    const SourceDocument doc = read_plain_text(text);
    Diagnostics errors;
    const check::Checker checker(EASYREAD_SOURCE_DIR, {}, errors);
    symbols::Library library(EASYREAD_SOURCE_DIR);
    const Draft draft = make_draft(doc, checker, library, Options{});
    // Every letter is still there.
    CHECK(draft.xml.size() > text.size());
  }
}

TEST_CASE("Actions under an Actions heading, and a next meeting on one line", "[draft]") {
  const SourceDocument doc = read_plain_text(
      "Our meeting on 3 February 2027\n\nWe talked about the park.\n\nActions\n\n"
      "- Priya to book the room\n- Sam will ring Jo by Fri 5 March\n\n"
      "Next meeting: Wed 14 April at 2pm at the Town Hall.\n");
  const detail::Plan plan = detail::plan_notes(doc);
  CHECK(plan.title == "Our meeting on 3 February 2027");
  REQUIRE(plan.sections.size() == 2);
  CHECK(plan.sections[0].title.empty());
  REQUIRE(plan.sections[0].items.size() == 1);
  CHECK(plan.sections[0].items[0].paragraphs == std::vector<std::string>{"We talked about the park."});
  const auto& items = plan.sections[1].items;
  CHECK(plan.sections[1].title == "Actions");
  REQUIRE(items.size() == 3);
  CHECK(items[0].kind == detail::ItemKind::action);
  CHECK(items[0].who == "Priya");
  CHECK_FALSE(items[0].date);
  CHECK(items[1].kind == detail::ItemKind::action);
  CHECK(items[1].who == "Sam");
  REQUIRE(items[1].date);
  CHECK(items[1].date->date == Date{2027, 3, 5});
  CHECK(items[2].kind == detail::ItemKind::meeting);
  REQUIRE(items[2].date);
  CHECK(items[2].date->date == Date{2027, 4, 14});
  CHECK(items[2].time == ClockTime{14, 0});
  CHECK(items[2].place == "the Town Hall");
}
