// The parts of a document around the rows: the cover, the contents page, and
// dates and times written out in full.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>

#include "layout_checks.hpp"

using namespace e2e;

namespace {

// All the words of one page, joined with spaces.
std::string page_text(const TextLayout& text, int page) {
  std::string out;
  for (const auto& w : text.words)
    if (w.page == page) out += (out.empty() ? "" : " ") + w.text;
  return out;
}

bool is_number(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

TEST_CASE("The cover has the title and the date in full, and no page number", "[parts]") {
  TempDir dir;
  BuiltSample s = build_sample(source_dir() / "samples" / "minutes.xml", "newsletter", dir);
  REQUIRE(s.build.exit_code == 0);
  std::string cover = page_text(s.text, 1);
  INFO("the cover says: " << cover);
  CHECK(cover.find(s.expected.title) != std::string::npos);
  // minutes.xml has date="2027-03-10", a Wednesday.
  CHECK(cover.find("Wednesday 10 March 2027") != std::string::npos);
  for (const auto& sentence : s.expected.cover_sentences) CHECK(cover.find(sentence) != std::string::npos);
  CHECK(cover.find("Page 1 of") == std::string::npos);
}

TEST_CASE("A long document has a contents page with the right page numbers", "[parts]") {
  TempDir dir;
  BuiltSample s = build_sample(source_dir() / "samples" / "minutes.xml", "newsletter", dir);
  REQUIRE(s.build.exit_code == 0);
  REQUIRE(s.text.pages.size() > 8);  // the rule: a contents page after the cover past 8 pages
  auto page_two = std::find_if(s.text.words.begin(), s.text.words.end(), [](const Word& w) { return w.page == 2; });
  const auto start = static_cast<std::size_t>(page_two - s.text.words.begin());
  std::size_t listed = 0;
  for (const auto& title : s.expected.sections) {
    INFO("section \"" << title << "\"");
    auto entry = find_text(s.text.words, title, start);
    REQUIRE(entry);
    REQUIRE(s.text.words[entry->first].page == 2);
    // The page number is the last word on the entry's line.
    std::size_t number_at = entry->last + 1;
    REQUIRE(number_at < s.text.words.size());
    const Word& number = s.text.words[number_at];
    REQUIRE(same_line(number, s.text.words[entry->last]));
    REQUIRE(is_number(number.text));
    int target = std::stoi(number.text);
    // The section's heading, the title in big letters, is on that page.
    bool heading_there = false;
    std::size_t from = start;
    while (auto found = find_text(s.text.words, title, from)) {
      const Word& w = s.text.words[found->first];
      if (w.page == target && w.box.height() > 1.2 * number.box.height()) heading_there = true;
      from = found->first + 1;
    }
    CHECK(heading_there);
    ++listed;
  }
  CHECK(listed == s.expected.sections.size());
}

TEST_CASE("Dates and times are written out in full", "[parts]") {
  // tests/data/good.xml: an action by 2027-02-03 and a meeting on 2027-02-10
  // at 12:30, both Wednesdays.
  TempDir dir;
  BuiltSample s = build_sample(source_dir() / "tests" / "data" / "good.xml", "newsletter", dir);
  REQUIRE(s.build.exit_code == 0);
  std::string all;
  for (int page = 1; page <= static_cast<int>(s.text.pages.size()); ++page) all += page_text(s.text, page) + "\n";
  INFO(all);
  CHECK(all.find("Wednesday 3 February 2027") != std::string::npos);
  CHECK(all.find("Wednesday 10 February 2027") != std::string::npos);
  CHECK(all.find("12:30pm") != std::string::npos);
  CHECK(all.find("2027-02") == std::string::npos);
}

TEST_CASE("A Welsh document has Welsh words around the rows and says it is Welsh", "[parts]") {
  // tests/data/e2e/welsh.xml: lang="cy", dated 2027-03-10 (a Wednesday, "Dydd Mercher").
  TempDir dir;
  BuiltSample s = build_sample(source_dir() / "tests" / "data" / "e2e" / "welsh.xml", "newsletter", dir);
  INFO(s.build.err);
  REQUIRE(s.build.exit_code == 0);
  check_sentence_starts(s);
  CHECK(read_catalog(s.pdf).find("/Lang (cy)") != std::string::npos);
  CHECK(read_xmp_language(s.pdf) == std::string("cy"));
  std::string all;
  for (int page = 1; page <= static_cast<int>(s.text.pages.size()); ++page) all += page_text(s.text, page) + "\n";
  INFO(all);
  const std::string pages = std::to_string(s.text.pages.size());
  CHECK(all.find("Tudalen 2 o " + pages) != std::string::npos);  // "Page 2 of N"
  CHECK(all.find("Geiriau i'w gwybod") != std::string::npos);    // "Words to know"
  CHECK(all.find("Mawrth 2027") != std::string::npos);           // March
  CHECK(all.find("Dydd Mercher") != std::string::npos);          // Wednesday
  CHECK(all.find("Page ") == std::string::npos);
  CHECK(all.find("Words to know") == std::string::npos);
}
