// Where lines and pages break, read back from the PDF: never inside a phone
// number, a date or "Dr Okafor"; no short word alone on a sentence's last
// line; closing lines not alone on a page when they fit; no empty sections;
// wide pictures beside their text; times the Easy Read way.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "layout_checks.hpp"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

constexpr const char* kFiller =
    "We asked our group and the bus team if they can help us with the trip and they said yes so "
    "please tell us if you want to come with us on the day";

// The first `count` words of kFiller, with a capital letter.
std::string filler(std::size_t count) {
  std::istringstream words(kFiller);
  std::string out, w;
  for (std::size_t i = 0; i < count && words >> w; ++i) out += (out.empty() ? "" : " ") + w;
  if (!out.empty()) out[0] = char(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

struct Built {
  CommandResult run;
  fs::path pdf;
  TextLayout text;
};

Built build(const TempDir& dir, const std::string& body, const std::string& look = "newsletter",
            const std::string& root_attributes = "") {
  const fs::path xml = dir / "notes.xml";
  std::ofstream(xml) << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<easyread title=\"Lines\" " << root_attributes
                     << ">\n" << body << "\n</easyread>\n";
  Built b;
  b.pdf = dir / "notes.pdf";
  b.run = run_easyread({"build", xml.string(), "-o", b.pdf.string(), "-t", look, "--no-check"});
  if (b.run.exit_code == 0) b.text = read_words(b.pdf);
  return b;
}

// The word indices of `group` (words split at spaces) inside a found sentence.
std::optional<std::pair<std::size_t, std::size_t>> find_group(const TextLayout& text, const Found& in,
                                                              const std::string& group) {
  std::istringstream parts(group);
  std::vector<std::string> tokens;
  for (std::string t; parts >> t;) tokens.push_back(t);
  for (std::size_t i = in.first; i + tokens.size() - 1 <= in.last; ++i) {
    bool match = true;
    for (std::size_t k = 0; k < tokens.size() && match; ++k)
      match = text.words[i + k].text.rfind(tokens[k], 0) == 0;
    if (match) return std::pair{i, i + tokens.size() - 1};
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("A phone number, NHS number, postcode, time, date, amount or title and name is never split over two lines", "[layout][lines]") {
  const std::vector<std::string> groups = {"01484 342000", "485 777 3456", "HD1 2AB", "10 am",
                                           "14 March 2027", "£ 12", "Dr Okafor"};
  std::string body = "<section title=\"Numbers\">\n";
  std::vector<std::string> sentences;
  for (std::size_t k = 3; k < 16; ++k)
    for (const auto& g : groups) {
      sentences.push_back(filler(k) + " " + g + " today.");
      body += "<point picture=\"none\">" + sentences.back() + "</point>\n";
    }
  body += "</section>";
  TempDir dir;
  for (const char* look : {"leaflet", "newsletter"}) {
    INFO("template " << look);
    Built b = build(dir, body, look);
    INFO(b.run.err);
    REQUIRE(b.run.exit_code == 0);
    std::size_t from = 0, moved_down = 0;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      const std::string& group = groups[i % groups.size()];
      INFO(sentences[i]);
      auto found = find_text(b.text.words, sentences[i], from);
      REQUIRE(found);
      from = found->last + 1;
      auto at = find_group(b.text, *found, group);
      REQUIRE(at);
      CHECK(same_line(b.text.words[at->first], b.text.words[at->second]));
      // The group starts a line: the line above ended early to keep it whole.
      if (at->first > found->first && !same_line(b.text.words[at->first - 1], b.text.words[at->first])) ++moved_down;
    }
    CHECK(moved_down > 0);  // the sentences do put groups at line ends
  }
}

TEST_CASE("A sentence does not end with one short word alone on its last line", "[layout][lines]") {
  std::string body = "<section title=\"Words\">\n";
  std::vector<std::string> sentences;
  for (std::size_t k = 4; k < 30; ++k) {
    sentences.push_back(filler(k) + " and we have spoken to.");
    body += "<point picture=\"none\">" + sentences.back() + "</point>\n";
  }
  body += "</section>";
  TempDir dir;
  for (const char* look : {"leaflet", "newsletter", "large-print"}) {
    INFO("template " << look);
    Built b = build(dir, body, look);
    REQUIRE(b.run.exit_code == 0);
    std::size_t from = 0, checked = 0;
    for (const auto& sentence : sentences) {
      INFO(sentence);
      auto found = find_text(b.text.words, sentence, from);
      REQUIRE(found);
      from = found->last + 1;
      const auto& last = b.text.words[found->last];
      const auto& before = b.text.words[found->last - 1];
      bool several_lines = !same_line(b.text.words[found->first], last);
      if (!several_lines) continue;
      ++checked;
      CHECK(same_line(before, last));  // "spoken to." together
    }
    CHECK(checked > 5);
  }
}

TEST_CASE("The checked-by and credit lines do not take a page alone when the page before has room", "[layout][pages]") {
  TempDir dir;
  int alone_checked = 0;
  // The first row is 1 line, 2 lines, or 2 sentences, so the rows end at
  // different heights on the page.
  const char* first_rows[] = {"We met.", "This first sentence is long, so that it needs a second line.",
                              "We met. We ate."};
  for (const char* first_row : first_rows) {
    for (int points = 8; points < 18; ++points) {
      std::string body = "<cover picture=\"1F91D\">Our notes.</cover>\n<section title=\"Rows\">\n";
      for (int i = 0; i < points; ++i)
        body += std::string("<point picture=\"none\">") + (i == 0 ? first_row : "We met.") + "</point>\n";
      body += "</section>\n<checked by=\"Speak Up members\" date=\"2027-03-17\"/>";
      Built b = build(dir, body, "newsletter");
      REQUIRE(b.run.exit_code == 0);
      auto checked = find_text(b.text.words, "Speak Up members checked this document", 0);
      REQUIRE(checked);
      const auto numbers = read_template_numbers(source_dir() / "templates" / "newsletter.xml");
      const Word& first_closing = b.text.words[checked->first];
      const int page = first_closing.page;
      const double limit = b.text.pages.at(std::size_t(page - 1)).height - numbers.margin_bottom;
      auto in_body = [&](const Word& w, int on_page) { return w.page == on_page && w.box.y_max <= limit + 1; };
      bool alone = std::none_of(b.text.words.begin(), b.text.words.begin() + long(checked->first),
                                [&](const Word& w) { return in_body(w, page); });
      if (!alone) continue;
      ++alone_checked;
      // How much room the page before had below its last row.
      double last_bottom = 0;
      for (const auto& w : b.text.words)
        if (in_body(w, page - 1)) last_bottom = std::max(last_bottom, w.box.y_max);
      const double room = limit - last_bottom - numbers.row_gap - numbers.body_size * 0.25;
      double closing_bottom = 0;
      for (std::size_t i = checked->first; i < b.text.words.size(); ++i)
        if (in_body(b.text.words[i], page)) closing_bottom = std::max(closing_bottom, b.text.words[i].box.y_max);
      const double needed = closing_bottom - first_closing.box.y_min;
      INFO(points << " points, room " << room << ", needed " << needed);
      CHECK(room < needed + 10);  // glyph boxes are a few points inside the line boxes
    }
  }
  CHECK(alone_checked > 0);  // some documents did put the lines on a page of their own
}

TEST_CASE("An empty section is warned about and not drawn", "[layout][pages]") {
  TempDir dir;
  const fs::path xml = dir / "empty.xml";
  std::ofstream(xml) << "<easyread title=\"T\">\n<section title=\"Who came\"><point picture=\"none\">8 came.</point></section>\n"
                     << "<section title=\"Nothing here yet\"></section>\n"
                     << "<section title=\"Next time\"><point picture=\"none\">Come again.</point></section>\n</easyread>\n";
  auto run = run_easyread({"build", xml.string(), "-o", (dir / "empty.pdf").string(), "--no-check"});
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.find("[empty-section]") != std::string::npos);
  auto text = read_words(dir / "empty.pdf");
  CHECK(find_text(text.words, "Who came", 0));
  CHECK_FALSE(find_text(text.words, "Nothing here yet", 0));
  for (const auto& t : read_tagged_text(dir / "empty.pdf")) CHECK(t.text.find("Nothing here yet") == std::string::npos);
}

TEST_CASE("Times are written the Easy Read way, and 2:30pm and 14.30 are understood", "[layout][parts]") {
  TempDir dir;
  Built b = build(dir,
                  "<meeting date=\"2027-04-14\" time=\"11:00\" place=\"Hall\" picture=\"none\">One.</meeting>\n"
                  "<meeting date=\"2027-04-14\" time=\"12:00\" place=\"Hall\" picture=\"none\">Two.</meeting>\n"
                  "<meeting date=\"2027-04-14\" time=\"2:30pm\" place=\"Hall\" picture=\"none\">Three.</meeting>\n"
                  "<meeting date=\"2027-04-14\" time=\"14.30\" place=\"Hall\" picture=\"none\">Four.</meeting>");
  INFO(b.run.err);
  REQUIRE(b.run.exit_code == 0);
  auto one = find_text(b.text.words, "One.", 0);
  REQUIRE(one);
  CHECK(find_text(b.text.words, "11am", one->last));
  CHECK_FALSE(find_text(b.text.words, "11:00am", 0));
  CHECK(find_text(b.text.words, "Midday", one->last));
  auto three = find_text(b.text.words, "Three.", 0);
  REQUIRE(three);
  auto first_half_past = find_text(b.text.words, "2:30pm", three->last);
  REQUIRE(first_half_past);
  CHECK(find_text(b.text.words, "2:30pm", first_half_past->last + 1));
}
