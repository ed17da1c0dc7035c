// What `easyread check` reads: the XML markup, Markdown, Word documents and
// settings files, and where it says each problem is.
#include <catch2/catch.hpp>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "check/check.hpp"
#include "markup/markup.hpp"

using namespace easyread;

namespace {

check::Checker make_checker(check::Settings settings = {}) {
  Diagnostics errors;
  check::Checker c(EASYREAD_SOURCE_DIR, std::move(settings), errors);
  REQUIRE(errors.items().empty());
  return c;
}

std::vector<Diagnostic> with_rule(const check::Report& report, const std::string& rule) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : report.diagnostics.items())
    if (d.rule == rule) out.push_back(d);
  return out;
}

markup::Document read_markup(const std::string& xml) {
  Diagnostics diags;
  std::optional<markup::Document> doc = markup::read_string(xml, "notes.xml", diags);
  for (const Diagnostic& d : diags.items()) INFO(d.message);
  REQUIRE(doc);
  return *doc;
}

struct TempFolder {
  std::filesystem::path path;
  TempFolder() {
    char name[] = "/tmp/easyread-check-XXXXXX";
    REQUIRE(mkdtemp(name) != nullptr);
    path = name;
  }
  ~TempFolder() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("positions count characters, not bytes, and lines from 1") {
  const check::Checker checker = make_checker();
  // "Café" has a 2-byte letter before the jargon word on line 2.
  const auto report = checker.check_text("Hello.\nCafé staff facilitate it.", "t.txt");
  const auto hits = with_rule(report, "jargon");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].span.line == 2);
  CHECK(hits[0].span.column == 12);
  CHECK(hits[0].span.end_line == 2);
  CHECK(hits[0].span.end_column == 22);
}

TEST_CASE("Markdown syntax is not checked, and positions stay right") {
  const std::string md = "# Our *plans*\n\nWe want to `utilise` code. See [the plan](http://x.org/a/b).\n\n"
                         "- tea\n- cake\n\n```\nfacilitate; & (x)\n```\nWe will facilitate it.\n";
  const std::string blanked = check::blank_markdown(md);
  REQUIRE(blanked.size() == md.size());
  CHECK(blanked.find('#') == std::string::npos);
  CHECK(blanked.find("http") == std::string::npos);
  const check::Checker checker = make_checker();
  const auto report = checker.check_text(md, "t.md", check::Format::markdown);
  const auto jargon = with_rule(report, "jargon");
  REQUIRE(jargon.size() == 1);  // not the one in code
  CHECK(jargon[0].span.line == 11);
  CHECK(jargon[0].span.column == 9);
  CHECK(with_rule(report, "punctuation").empty());
  // Headings and list items are sentences of their own.
  CHECK(report.stats.sentences == 6);
}

namespace {
// Writes a ZIP archive with libzip (not our reader's code).
void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& files, bool stored) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(archive);
  for (const auto& [name, bytes] : files) {
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE);
    REQUIRE(index >= 0);
    REQUIRE(zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9) == 0);
  }
  REQUIRE(zip_close(archive) == 0);
}
}  // namespace

TEST_CASE("Word documents are read one paragraph a line") {
  TempFolder folder;
  const std::string path = (folder.path / "letter.docx").string();
  const std::string xml =
      "<?xml version=\"1.0\"?><w:document xmlns:w=\"x\"><w:body>"
      "<w:p><w:r><w:t>Dear Sam,</w:t></w:r></w:p>"
      "<w:p><w:r><w:t xml:space=\"preserve\">The commissioners </w:t></w:r><w:r><w:t>met.</w:t></w:r></w:p>"
      "</w:body></w:document>";
  // Word packs its parts deflated; some tools store them as they are.
  const bool stored = GENERATE(false, true);
  write_zip(path, {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", xml}}, stored);

  Diagnostics diags;
  const auto text = check::read_docx_text(path, diags);
  REQUIRE(text);
  CHECK(*text == "Dear Sam,\nThe commissioners met.");
  const auto report = make_checker().check_text(*text, path, check::Format::lines);
  const auto jargon = with_rule(report, "jargon");
  REQUIRE(jargon.size() == 1);
  CHECK(jargon[0].span.line == 2);  // paragraph 2

  Diagnostics bad;
  CHECK_FALSE(check::read_docx_text((folder.path / "missing.docx").string(), bad));
  CHECK(bad.has_errors());
}

TEST_CASE("damaged Word files give a plain error, not a crash") {
  TempFolder folder;
  const std::string path = (folder.path / "letter.docx").string();
  std::string long_text(20000, 'a');
  write_zip(path, {{"word/document.xml", "<w:document xmlns:w=\"x\"><w:p><w:t>" + long_text + "</w:t></w:p></w:document>"}}, false);
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto try_bytes = [&](const std::string& damaged) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << damaged;
    Diagnostics diags;
    const auto text = check::read_docx_text(path, diags);
    return std::pair{text.has_value(), diags.has_errors()};
  };
  CHECK(try_bytes(bytes) == std::pair{true, false});
  // Cut short, one byte changed in the packed text, and not a ZIP file at all.
  CHECK(try_bytes(bytes.substr(0, bytes.size() / 2)) == std::pair{false, true});
  std::string flipped = bytes;
  flipped[60] = static_cast<char>(flipped[60] ^ 0x55);
  CHECK(try_bytes(flipped) == std::pair{false, true});
  CHECK(try_bytes("This is a plain letter, not a Word file.") == std::pair{false, true});
  // A ZIP file without a text part.
  write_zip(path, {{"word/styles.xml", "<styles/>"}}, false);
  Diagnostics diags;
  CHECK_FALSE(check::read_docx_text(path, diags));
  REQUIRE(diags.has_errors());
  CHECK(diags.items().front().message.find("no text part") != std::string::npos);
}

TEST_CASE("settings files switch rules, set limits and allow words") {
  TempFolder folder;
  {
    std::ofstream out(folder.path / ".easyread");
    out << "# our settings\nsentence-words = 20\nrule.passive-voice = off\nrule.jargon = error\nallow = NHS, GP\n"
        << "words = our-words.txt\n";
    std::ofstream words(folder.path / "our-words.txt");
    words << "tea break | rest\n";
  }
  const auto found = check::find_settings_file((folder.path / "letter.txt").string());
  REQUIRE(found);
  check::Settings settings;
  Diagnostics diags;
  REQUIRE(check::load_settings_file(*found, settings, diags));
  CHECK(settings.sentence_words == 20);
  CHECK_FALSE(settings.enabled("passive-voice"));
  CHECK(settings.severity_of(*check::find_rule("jargon")) == Severity::error);
  CHECK(settings.allowed_words.count("gp") == 1);

  const auto report = make_checker(settings).check_text(
      "The letter was sent. Ask your GP about the care pathway. We had a tea break.", "t.txt");
  CHECK(with_rule(report, "passive-voice").empty());
  CHECK(with_rule(report, "abbreviation").empty());
  const auto jargon = with_rule(report, "jargon");
  REQUIRE(jargon.size() == 2);
  CHECK(jargon[0].severity == Severity::error);
  CHECK(jargon[1].message == "\"tea break\" is on your list of words to avoid.");

  std::ofstream(folder.path / "bad.txt") << "sentence-words = many\nno equals sign here\n";
  Diagnostics problems;
  check::Settings ignored;
  CHECK_FALSE(check::load_settings_file((folder.path / "bad.txt").string(), ignored, problems));
  REQUIRE(problems.items().size() == 2);
  CHECK(problems.items()[0].span.line == 1);
  CHECK(problems.items()[1].span.line == 2);
}

TEST_CASE("the XML markup: word list, pictures and ignore") {
  const markup::Document doc = read_markup(R"(<easyread title="Notes" lang="en-GB">
  <section title="News">
    <point picture="1F4CD" alt="A pin">
      The council made a <hard>budget</hard>.
      The budget pays for the bus.
    </point>
    <point>
      We met. We talked. We ate. We sang. We went home.
    </point>
    <point picture="1F4CD" alt="A pin" ignore="jargon">
      We will facilitate it.
    </point>
    <point picture="1F4CD" alt="A pin">
      We will facilitate it.
    </point>
  </section>
  <words>
    <word term="budget">A plan for money.</word>
    <word term="minutes">Notes about a meeting.</word>
  </words>
</easyread>)");
  const auto report = make_checker().check_document(doc);
  const auto unused = with_rule(report, "unused-word");
  REQUIRE(unused.size() == 1);
  CHECK(unused[0].message.find("\"minutes\"") != std::string::npos);
  const auto crowded = with_rule(report, "picture-sentences");
  REQUIRE(crowded.size() == 1);
  CHECK(crowded[0].message == "There are 5 sentences beside this picture. Try to keep it to 4 or fewer.");
  const auto no_picture = with_rule(report, "no-picture");
  REQUIRE(no_picture.size() == 1);
  CHECK(no_picture[0].severity == Severity::note);
  const auto jargon = with_rule(report, "jargon");
  REQUIRE(jargon.size() == 1);  // the point with ignore="jargon" is skipped
  CHECK(jargon[0].span.line == 14);
  CHECK(jargon[0].span.column == 15);
}

TEST_CASE("the samples are clean Easy Read: no warnings or errors") {
  const check::Checker checker = make_checker();
  for (const char* name : {"minutes.xml", "newsletter.xml"}) {
    Diagnostics diags;
    const auto doc = markup::read_file(std::string(EASYREAD_SOURCE_DIR) + "/samples/" + name, diags);
    REQUIRE(doc);
    const auto report = checker.check_document(*doc);
    for (const Diagnostic& d : report.diagnostics.items())
      if (d.severity != Severity::note) FAIL_CHECK(name << ":" << d.span.line << ": " << d.rule << ": " << d.message);
    CHECK(report.stats.sentences > 20);
    CHECK(report.stats.short_sentence_share == Approx(1.0));
    CHECK(report.stats.flesch_reading_ease > 80);
  }
}

TEST_CASE("readability scores follow the Flesch formulas") {
  const auto report = make_checker().check_text("The cat sat on the mat. The dog ran.", "t.txt");
  const check::Stats& s = report.stats;
  CHECK(s.sentences == 2);
  CHECK(s.words == 9);
  CHECK(s.syllables == 9);
  CHECK(s.average_sentence_words == Approx(4.5));
  CHECK(s.flesch_reading_ease == Approx(206.835 - 1.015 * 4.5 - 84.6));
  CHECK(s.flesch_kincaid_grade == Approx(0.39 * 4.5 + 11.8 - 15.59));
}

TEST_CASE("Markdown tables: each cell is read on its own") {
  const std::string md =
      "| topic | what we do |\n|---|---|\n"
      "| buses | We take the bus to the day centre on Monday and Tuesday |\n"
      "| money | We keep our money in the bank on the high street in town |\n";
  const auto report = make_checker().check_text(md, "t.md", check::Format::markdown);
  CHECK(with_rule(report, "long-sentence").empty());
  CHECK(with_rule(report, "many-ideas").empty());
  CHECK(report.stats.sentences == 6);
}

TEST_CASE("Markdown: indented code after a blank line is not checked, wrapped lines are") {
  const std::string md = "We will facilitate\n    the meeting.\n\n    x = facilitate(y);\n";
  const auto report = make_checker().check_text(md, "t.md", check::Format::markdown);
  const auto jargon = with_rule(report, "jargon");
  REQUIRE(jargon.size() == 1);
  CHECK(jargon[0].span.line == 1);
}
