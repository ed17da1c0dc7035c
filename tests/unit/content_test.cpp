// The content stage: what every output shows, decided once.
#include <catch2/catch.hpp>

#include <set>
#include <variant>

#include "content/content.hpp"
#include "markup/markup.hpp"
#include "pipeline/pipeline.hpp"
#include "style/style.hpp"
#include "symbols/symbols.hpp"

using namespace easyread;

namespace {

struct Built {
  std::optional<content::Document> doc;
  Diagnostics diags;
};

Built build(const std::string& xml) {
  Built out;
  auto notes = markup::read_string(xml, "test.xml", out.diags);
  REQUIRE(notes);
  symbols::Library library(EASYREAD_SOURCE_DIR);
  auto prepared = pipeline::prepare(*notes, library, {EASYREAD_SOURCE_DIR, "", {}}, out.diags);
  if (prepared) out.doc = std::move(prepared->content);
  return out;
}

template <class Part>
std::vector<const Part*> parts_of(const content::Row& row) {
  std::vector<const Part*> out;
  for (const auto& part : row.parts)
    if (const auto* p = std::get_if<Part>(&part)) out.push_back(p);
  return out;
}

std::vector<std::string> plain(const content::Sentences& text) {
  std::vector<std::string> out;
  for (const auto& s : text.sentences) out.push_back(s.plain());
  return out;
}

}  // namespace

TEST_CASE("content splits running text into sentences with folded white space") {
  auto built = build(R"(<easyread title="Test">
  <section title="About us">
    <point picture="none">We met   at the
      hall. 12 members came.</point>
  </section>
</easyread>)");
  REQUIRE(built.doc);
  REQUIRE(built.doc->sections.size() == 1);
  const auto& row = built.doc->sections[0].rows.at(0);
  CHECK(row.kind == content::Row::Kind::point);
  auto text = parts_of<content::Sentences>(row);
  REQUIRE(text.size() == 1);
  CHECK(plain(*text[0]) == std::vector<std::string>{"We met at the hall.", "12 members came."});
  // Each sentence knows where it starts in the notes: line 3 and line 4.
  CHECK(text[0]->sentences[0].span.line == 3);
  CHECK(text[0]->sentences[1].span.line == 4);
  CHECK(text[0]->sentences[1].span.column == 13);
}

TEST_CASE("content keeps styles and makes web addresses links") {
  auto built = build(R"(<easyread title="Test">
    <point picture="none">We think this is <b>not fair</b>. Read more on www.example.org.</point>
</easyread>)");
  REQUIRE(built.doc);
  const auto& sentences = parts_of<content::Sentences>(built.doc->sections.at(0).rows.at(0)).at(0)->sentences;
  REQUIRE(sentences.size() == 2);
  const auto& first = sentences[0].runs;
  REQUIRE(first.size() == 3);
  CHECK(first[0].text == "We think this is");
  // The space before a bold word belongs to it, as the PDF draws it.
  CHECK(first[1].text == " not fair");
  CHECK(first[1].bold);
  CHECK_FALSE(first[2].bold);
  const auto& second = sentences[1].runs;
  REQUIRE(second.size() == 3);
  CHECK(second[1].text == "www.example.org");
  CHECK(second[1].link == "https://www.example.org");
  CHECK(second[2].text == ".");
}

TEST_CASE("facts of actions and meetings have labels in the document's language") {
  const std::string body = R"(
  <action who="Sam" by="2027-03-24" picture="none">Write a letter.</action>
  <meeting date="2027-04-14" time="10:30" place="The hall" picture="none"/>
</easyread>)";
  auto english = build(R"(<easyread title="Test" lang="en-GB">)" + body);
  REQUIRE(english.doc);
  const auto& rows = english.doc->sections.at(0).rows;
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].kind == content::Row::Kind::action);
  auto action = parts_of<content::Fact>(rows[0]);
  REQUIRE(action.size() == 2);
  CHECK(action[0]->kind == content::Fact::Kind::who);
  CHECK(action[0]->label == "Who will do it:");
  CHECK(action[0]->value == "Sam");
  CHECK(action[1]->label == "By when:");
  CHECK(action[1]->value == "Wednesday 24 March 2027");
  auto meeting = parts_of<content::Fact>(rows[1]);
  REQUIRE(meeting.size() == 3);
  CHECK(meeting[0]->label == "Date:");
  CHECK(meeting[1]->kind == content::Fact::Kind::time);
  CHECK(meeting[1]->value == "10:30am");
  CHECK(meeting[2]->label == "Place:");
  CHECK(meeting[2]->value == "The hall");
  CHECK(parts_of<content::Sentences>(rows[1]).empty());  // no words: no empty paragraph

  auto welsh = build(R"(<easyread title="Prawf" lang="cy">)" + body);
  REQUIRE(welsh.doc);
  auto cy = parts_of<content::Fact>(welsh.doc->sections.at(0).rows.at(0));
  REQUIRE(cy.size() == 2);
  CHECK(cy[0]->label == "Pwy fydd yn ei wneud:");
  CHECK(cy[1]->label == "Erbyn pryd:");
  CHECK(cy[1]->value != "Wednesday 24 March 2027");
  CHECK(welsh.doc->labels.words_heading == "Geiriau i'w gwybod");
  CHECK(welsh.doc->labels.page_number(2, 8) == "Tudalen 2 o 8");
  CHECK(english.doc->labels.page_number(2, 8) == "Page 2 of 8");
}

TEST_CASE("the word list has stable anchors, and hard words link to their entry") {
  auto built = build(R"(<easyread title="Test">
  <point picture="none">Ask about your <hard>Care Pathways</hard>. A <hard>minute</hard> is short.</point>
  <words>
    <word term="minutes">Notes from a meeting.</word>
    <word term="care pathway">The steps of your care.</word>
    <word term="Care pathway!">The same letters again.</word>
  </words>
</easyread>)");
  REQUIRE(built.doc);
  const auto& words = built.doc->words;
  REQUIRE(words.size() == 3);
  CHECK(words[0].anchor == "word-minutes");
  CHECK(words[1].anchor == "word-care-pathway");
  CHECK(words[2].anchor == "word-care-pathway-2");
  CHECK(plain(words[1].explanation) == std::vector<std::string>{"The steps of your care."});
  const auto& sentences = parts_of<content::Sentences>(built.doc->sections.at(0).rows.at(0)).at(0)->sentences;
  REQUIRE(sentences.size() == 2);
  const auto& care = sentences[0].runs.at(1);
  CHECK(care.text == " Care Pathways");
  CHECK(care.bold);
  CHECK(care.word == 1);
  // The entry "minutes" explains "minute" too; words that are not hard have no link.
  CHECK(sentences[1].runs.at(1).word == 0);
  CHECK(sentences[0].runs.at(0).word == -1);
}

TEST_CASE("the cover holds the organisation, the date written out and its text") {
  auto built = build(R"(<easyread title="Our news" organisation="Speak Up" date="2027-03-10">
  <cover picture="none">Hello. This is our news.</cover>
  <checked by="Our group" date="2027-03-17"/>
</easyread>)");
  REQUIRE(built.doc);
  const auto& cover = built.doc->cover;
  CHECK(cover.organisation == "Speak Up");
  CHECK(cover.date == "Wednesday 10 March 2027");
  CHECK(cover.title == "Our news");
  CHECK_FALSE(cover.date_first);  // the newsletter template
  CHECK(cover.has_part);
  CHECK_FALSE(cover.picture.present());
  CHECK(plain(cover.text) == std::vector<std::string>{"Hello.", "This is our news."});
  REQUIRE(built.doc->closing.size() == 1);
  CHECK(built.doc->closing[0].kind == content::ClosingLine::Kind::checked_by);
  CHECK(built.doc->closing[0].text == "Our group checked this document on Wednesday 17 March 2027.");
}

TEST_CASE("the OpenMoji credit is there only when OpenMoji pictures are used") {
  auto without = build(R"(<easyread title="Test"><point picture="none">Hello.</point></easyread>)");
  REQUIRE(without.doc);
  CHECK(without.doc->closing.empty());
  CHECK(without.doc->metadata.credits.empty());
  CHECK(without.doc->pictures.empty());

  auto with = build(R"(<easyread title="Test"><point picture="1F68C" alt="A bus">Hello.</point></easyread>)");
  REQUIRE(with.doc);
  REQUIRE(with.doc->closing.size() == 1);
  CHECK(with.doc->closing[0].kind == content::ClosingLine::Kind::credit);
  CHECK(with.doc->closing[0].text == "Pictures: OpenMoji, CC BY-SA 4.0.");
  CHECK(with.doc->metadata.credits == with.doc->closing[0].text);
}

TEST_CASE("each distinct picture is stored once, and each row carries its own") {
  auto built = build(R"(<easyread title="Test">
  <point picture="1F68C" alt="A bus">First.</point>
  <point picture="1F68C">Second.</point>
  <point picture="none">Third.</point>
  <point picture="2709" alt="A letter">Fourth.</point>
</easyread>)");
  REQUIRE(built.doc);
  const auto& rows = built.doc->sections.at(0).rows;
  REQUIRE(rows.size() == 4);
  CHECK(built.doc->pictures.size() == 2);
  CHECK(rows[0].picture.picture == 0);
  CHECK(rows[1].picture.picture == 0);
  CHECK(rows[0].picture.alt == "A bus");
  CHECK_FALSE(rows[1].picture.alt.empty());  // the picture's own name
  CHECK_FALSE(rows[2].picture.present());
  CHECK(rows[3].picture.picture == 1);
  CHECK(rows[3].picture.alt == "A letter");
}

TEST_CASE("a picture the tool chooses is noted, once per row") {
  auto built = build(R"(<easyread title="Test"><point>Come to the doctor.</point></easyread>)");
  REQUIRE(built.doc);
  int notes = 0;
  for (const auto& d : built.diags.items()) notes += d.rule == "picture-chosen";
  CHECK(notes == 1);
  CHECK(built.doc->sections.at(0).rows.at(0).picture.present());
}

TEST_CASE("a picture sheet lists each picture once, with its names and a readable code") {
  symbols::Library library(EASYREAD_SOURCE_DIR);
  Diagnostics diags;
  auto strings = style::Strings::load(EASYREAD_SOURCE_DIR, "en-GB", diags);
  // "bus" twice: the same pictures must not come twice.
  content::Sheet sheet = content::build_sheet(library, {"bus", "bus"}, strings, "sheet.pdf", diags);
  REQUIRE_FALSE(sheet.entries.empty());
  CHECK(sheet.metadata.title == "Pictures for your words");
  std::set<std::string> codes;
  for (const auto& entry : sheet.entries) {
    CHECK(codes.insert(entry.code).second);
    CHECK(entry.picture.present());
    CHECK(entry.picture.alt == entry.names);
  }
  CHECK(sheet.pictures.size() == sheet.entries.size());
  CHECK(codes.count("1F68C") == 1);
  REQUIRE(sheet.closing.size() == 1);
  CHECK(sheet.closing[0].kind == content::ClosingLine::Kind::credit);
  CHECK(content::shown_code("/home/me/pictures/tea.png") == "tea.png");
  CHECK(content::shown_code("1F68C") == "1F68C");
}
