// The markup reader on documents with mistakes: each error says where it is
// (line and column) and what to do.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "markup/markup.hpp"

using namespace easyread;

namespace {

struct Result {
  std::optional<markup::Document> doc;
  Diagnostics diags;
};

Result read(const std::string& source) {
  Result result;
  result.doc = markup::read_string(source, "test.xml", result.diags);
  return result;
}

Result read_data(const std::string& name) {
  Result result;
  result.doc =
      markup::read_file(std::string(EASYREAD_SOURCE_DIR) + "/tests/data/" + name, result.diags);
  return result;
}

std::string wrap(const std::string& body) {
  return "<easyread title=\"T\">\n" + body + "\n</easyread>\n";
}

// The one error the input should give; fails the test if there is not
// exactly one.
Diagnostic only_error(const Result& r) {
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : r.diags.items())
    if (d.severity == Severity::error) errors.push_back(d);
  std::string found;
  for (const Diagnostic& d : errors) found += d.rule + ": " + d.message + "\n";
  INFO("errors found:\n" << found);
  REQUIRE(errors.size() == 1);
  CHECK_FALSE(r.doc);
  CHECK_FALSE(errors[0].message.empty());
  CHECK_FALSE(errors[0].suggestion.empty());
  return errors[0];
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a tag that is never closed is found where the parser notices it") {
  Diagnostic d = only_error(read_data("bad-xml.xml"));
  CHECK(d.rule == "xml-syntax");
  CHECK(d.span.line == 5);
  CHECK(d.span.column == 3);
  CHECK(contains(d.message, "<point> from line 4"));
  CHECK(contains(d.suggestion, "</point>"));
  CHECK(contains(d.file, "bad-xml.xml"));
}

TEST_CASE("a file that ends with a tag still open names that tag") {
  Diagnostic d = only_error(read("<easyread title=\"T\">\n  <point>Hi.</point>\n"));
  CHECK(d.rule == "xml-syntax");
  CHECK(d.span.line == 1);
  CHECK(d.span.column == 1);
  CHECK(contains(d.message, "<easyread>"));
  CHECK(contains(d.suggestion, "</easyread>"));
}

TEST_CASE("a closing tag that nothing opened is an error") {
  Diagnostic d = only_error(read("<easyread title=\"T\">\n<point>Hi.</point></b>\n</easyread>"));
  CHECK(d.rule == "xml-syntax");
  CHECK(d.span.line == 2);
  CHECK(d.span.column == 19);
  CHECK(contains(d.message, "</b>"));
}

TEST_CASE("an attribute without quotes is an error at the attribute") {
  Diagnostic d = only_error(read(wrap("<point picture=1F465>Hi.</point>")));
  CHECK(d.rule == "xml-syntax");
  CHECK(d.span.line == 2);
  CHECK(d.span.column == 16);
  CHECK(contains(d.suggestion, "in quotes"));
}

TEST_CASE("a < sign in text is an error that says to write &lt;") {
  Diagnostic d = only_error(read(wrap("<point>1 < 2</point>")));
  CHECK(d.rule == "xml-syntax");
  CHECK(d.span.line == 2);
  CHECK(d.span.column == 10);
  CHECK(contains(d.suggestion, "&lt;"));
}

TEST_CASE("a comment that is not closed is an error where it starts") {
  Diagnostic d = only_error(read(wrap("  <!-- a note\n<point>Hi.</point>")));
  CHECK(d.rule == "xml-syntax");
  CHECK(d.span.line == 2);
  CHECK(d.span.column == 3);
}

TEST_CASE("an empty file and a file without <easyread> are errors") {
  CHECK(contains(only_error(read("  \n")).message, "empty"));
  Diagnostic d = only_error(read("<notes title=\"T\"><point>Hi.</point></notes>"));
  CHECK(d.rule == "unknown-element");
  CHECK(d.span.line == 1);
  CHECK(d.span.column == 1);
}

TEST_CASE("an unknown element says which one was meant") {
  Diagnostic d = only_error(read_data("unknown-element.xml"));
  CHECK(d.rule == "unknown-element");
  CHECK(d.span.line == 4);
  CHECK(d.span.column == 5);
  CHECK(contains(d.message, "<pont>"));
  CHECK(contains(d.message, "Did you mean <point>?"));
}

TEST_CASE("an unknown element far from any name lists what can go there") {
  Diagnostic d = only_error(read(wrap("<section title=\"S\"><table/></section>")));
  CHECK(d.rule == "unknown-element");
  CHECK(d.span.line == 2);
  CHECK(d.span.column == 20);
  CHECK_FALSE(contains(d.message, "Did you mean"));
  CHECK(contains(d.suggestion, "<point>, <action> or <meeting>"));
}

TEST_CASE("a known element in the wrong place says where it goes") {
  Diagnostic d = only_error(read(wrap("<point>Hi.<item>Tea.</item></point>")));
  CHECK(d.rule == "misplaced-element");
  CHECK(d.span.line == 2);
  CHECK(d.span.column == 11);
  CHECK(contains(d.suggestion, "<list>"));
}

TEST_CASE("nothing may go inside <hard>") {
  Diagnostic d = only_error(read(
      wrap("<point><hard>a <b>b</b></hard></point><words><word term=\"a\">A.</word></words>")));
  CHECK(d.rule == "misplaced-element");
  CHECK(d.span.column == 16);
}

TEST_CASE("an unknown attribute says which one was meant") {
  Diagnostic d = only_error(read_data("unknown-attribute.xml"));
  CHECK(d.rule == "unknown-attribute");
  CHECK(d.span.line == 4);
  CHECK(d.span.column == 12);
  CHECK(contains(d.message, "Did you mean picture?"));
}

TEST_CASE("an attribute in capitals is matched to the small-letter name") {
  Diagnostic d = only_error(read(wrap("<point Picture=\"1F465\">Hi.</point>")));
  CHECK(d.rule == "unknown-attribute");
  CHECK(d.span.column == 8);
  CHECK(contains(d.suggestion, "Change Picture to picture."));
}

TEST_CASE("an attribute written twice is an error at the second one") {
  Diagnostic d = only_error(read(wrap("<point alt=\"a\" alt=\"b\">Hi.</point>")));
  CHECK(d.rule == "duplicate-attribute");
  CHECK(d.span.line == 2);
  CHECK(d.span.column == 16);
}

TEST_CASE("a missing or empty title is an error") {
  Diagnostic d = only_error(read_data("missing-title.xml"));
  CHECK(d.rule == "missing-title");
  CHECK(d.span.line == 2);
  CHECK(d.span.column == 1);

  Diagnostic blank = only_error(read("<easyread title=\"  \"><point>Hi.</point></easyread>"));
  CHECK(blank.rule == "missing-title");
  CHECK(blank.span.column == 11);

  Diagnostic section = only_error(read(wrap("<section><point>Hi.</point></section>")));
  CHECK(section.rule == "missing-title");
  CHECK(section.span.line == 2);
  CHECK(section.span.column == 1);
}

TEST_CASE("a date that does not exist is an error at its attribute") {
  Diagnostic d = only_error(read_data("bad-date.xml"));
  CHECK(d.rule == "bad-date");
  CHECK(d.span.line == 2);
  CHECK(d.span.column == 34);
  CHECK(d.message == "Line 2 has a date \"2027-02-30\" that is not a real date.");
  CHECK(d.suggestion == "Write dates like 2027-01-11 (year, month, day).");

  Diagnostic by = only_error(read(wrap("<action who=\"Sam\" by=\"13/01/2027\">Go.</action>")));
  CHECK(by.rule == "bad-date");
  CHECK(by.span.column == 19);
  CHECK(contains(by.message, "\"13/01/2027\" with a mistake in it."));

  Diagnostic checked =
      only_error(read(wrap("<point>Hi.</point><checked by=\"Us\" date=\"2027-13-01\"/>")));
  CHECK(checked.rule == "bad-date");
  CHECK(checked.span.column == 36);
}

TEST_CASE("a time that does not exist is an error at its attribute") {
  Diagnostic d = only_error(read_data("bad-time.xml"));
  CHECK(d.rule == "bad-time");
  CHECK(d.span.line == 4);
  CHECK(d.span.column == 32);
  CHECK(contains(d.message, "\"25:30\" that is not a real time."));

  Diagnostic shape = only_error(read(wrap("<meeting time=\"soon\">Come.</meeting>")));
  CHECK(shape.rule == "bad-time");
  CHECK(shape.span.column == 10);
  CHECK(contains(shape.message, "\"soon\" with a mistake in it."));
}

TEST_CASE("a language written wrongly is an error; an unknown one a warning") {
  Diagnostic d =
      only_error(read("<easyread title=\"T\" lang=\"en_GB\"><point>Hi.</point></easyread>"));
  CHECK(d.rule == "bad-lang");
  CHECK(d.span.column == 21);
  CHECK(contains(d.suggestion, "en-GB"));

  Result unknown = read("<easyread title=\"T\" lang=\"zz\"><point>Hi.</point></easyread>");
  REQUIRE(unknown.doc);
  REQUIRE(unknown.diags.items().size() == 1);
  CHECK(unknown.diags.items()[0].severity == Severity::warning);
  CHECK(unknown.diags.items()[0].rule == "bad-lang");
}

TEST_CASE("a hard word the word list does not explain is an error at the word") {
  Diagnostic d = only_error(read_data("unexplained-hard-word.xml"));
  CHECK(d.rule == "hard-word-not-explained");
  CHECK(d.span.line == 4);
  CHECK(d.span.column == 46);
  CHECK(d.span.end_column == 52);
  CHECK(contains(d.message, "\"agenda\""));
  CHECK(contains(d.suggestion, "<word term=\"agenda\">"));
}

TEST_CASE("hard words in lists, actions and the cover are checked too") {
  Result r = read(wrap(R"(<cover><hard>quorum</hard></cover>
<point>Hi.<list><item><hard>agenda</hard></item></list></point>
<action who="Sam"><hard>minutes</hard></action>)"));
  CHECK_FALSE(r.doc);
  int count = 0;
  for (const Diagnostic& d : r.diags.items()) count += d.rule == "hard-word-not-explained";
  CHECK(count == 3);
}

TEST_CASE("a point with no words is an error") {
  Diagnostic d = only_error(
      read(wrap("<section title=\"S\">\n  <point picture=\"1F465\">  </point>\n</section>")));
  CHECK(d.rule == "empty-point");
  CHECK(d.span.line == 3);
  CHECK(d.span.column == 3);
}

TEST_CASE("words right inside a section are an error at the words") {
  Diagnostic d =
      only_error(read(wrap("<section title=\"S\">\n   We met.\n<point>Hi.</point></section>")));
  CHECK(d.rule == "misplaced-text");
  CHECK(d.span.line == 3);
  CHECK(d.span.column == 4);
  CHECK(d.span.end_column == 11);
  CHECK(contains(d.suggestion, "<point>"));
}

TEST_CASE("words right inside a list say to use <item>") {
  Diagnostic d = only_error(read(wrap("<point>Hi.<list>Tea</list></point>")));
  CHECK(d.rule == "misplaced-text");
  CHECK(contains(d.suggestion, "<item>"));
}

TEST_CASE("a second cover is an error") {
  Diagnostic d =
      only_error(read(wrap("<cover>One.</cover>\n<cover>Two.</cover>\n<point>Hi.</point>")));
  CHECK(d.rule == "duplicate-element");
  CHECK(d.span.line == 3);
}

TEST_CASE("a word without a term and a link without an address are errors") {
  Diagnostic word = only_error(read(wrap("<point>Hi.</point><words><word>A plan.</word></words>")));
  CHECK(word.rule == "missing-attribute");
  CHECK(word.span.column == 26);
  Diagnostic link = only_error(read(wrap("<point>See <link>this</link>.</point>")));
  CHECK(link.rule == "missing-attribute");
  CHECK(link.span.column == 12);
}

TEST_CASE("bytes that are not UTF-8 are an error at the byte") {
  Diagnostic d = only_error(read(wrap("<point>Caf\xE9 time.</point>")));
  CHECK(d.rule == "not-utf8");
  CHECK(d.span.line == 2);
  CHECK(d.span.column == 11);
}

TEST_CASE("every mistake in a file is reported, not only the first") {
  Result r = read(R"(<easyread lang="en-GB" date="2027-02-30">
<pont>Hi.</pont>
<point pictur="x">Hi.</point>
</easyread>)");
  CHECK_FALSE(r.doc);
  std::vector<std::string> rules;
  for (const Diagnostic& d : r.diags.items()) rules.push_back(d.rule);
  CHECK(rules == std::vector<std::string>{"missing-title", "bad-date", "unknown-element",
                                          "unknown-attribute"});
}

TEST_CASE("a file that cannot be opened is an error that names it") {
  Diagnostics diags;
  CHECK_FALSE(markup::read_file("/no/such/folder/notes.xml", diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].rule == "cannot-read");
  CHECK(diags.items()[0].file == "/no/such/folder/notes.xml");
}

TEST_CASE("a code that XML does not define is an error; a lone & is fine") {
  Diagnostic d = only_error(read(wrap("<point>Tea&nbsp;time &amp; cake.</point>")));
  CHECK(d.rule == "unknown-entity");
  CHECK(d.span.line == 2);
  CHECK(d.span.column == 11);
  CHECK(d.span.end_column == 17);
  CHECK(contains(d.message, "&nbsp;"));

  Result lone = read(wrap("<point>Tom & Jerry came.</point>"));
  REQUIRE(lone.doc);
  CHECK(lone.diags.items().empty());
}

TEST_CASE("words before <easyread> or after </easyread> are an error") {
  Diagnostic before = only_error(
      read("<?xml version=\"1.0\"?>\n<!-- notes -->\nOur notes\n" + wrap("<point>Hi.</point>")));
  CHECK(before.rule == "misplaced-text");
  CHECK(before.span.line == 3);
  CHECK(before.span.column == 1);
  CHECK(before.span.end_column == 10);

  Diagnostic after = only_error(read(wrap("<point>Hi.</point>") + "  The end.\n"));
  CHECK(after.rule == "misplaced-text");
  CHECK(after.span.line == 4);
  CHECK(after.span.column == 3);
}

TEST_CASE("a file cut short at any byte gives errors with a place, never a crash") {
  std::ifstream file(std::string(EASYREAD_SOURCE_DIR) + "/tests/data/good.xml");
  REQUIRE(file);
  std::string whole{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  int lines = static_cast<int>(std::count(whole.begin(), whole.end(), '\n')) + 1;
  for (std::size_t cut = 0; cut < whole.size(); ++cut) {
    Result r = read(whole.substr(0, cut));
    INFO("cut at byte " << cut);
    if (r.doc) continue;  // a cut inside trailing white space can still be whole
    REQUIRE(r.diags.has_errors());
    for (const Diagnostic& d : r.diags.items()) {
      CHECK(d.span.line >= 1);
      CHECK(d.span.line <= lines);
      CHECK(d.span.column >= 1);
      CHECK_FALSE(d.message.empty());
      CHECK_FALSE(d.suggestion.empty());
    }
  }
}

TEST_CASE("an empty bullet point, list or word explanation is an error") {
  Diagnostic item =
      only_error(read(wrap("<point>Hi.<list><item>A.</item> <item> </item></list></point>")));
  CHECK(item.rule == "empty-item");
  CHECK(item.span.line == 2);
  CHECK(item.span.column == 33);

  Diagnostic list = only_error(read(wrap("<point>Hi.\n  <list> </list></point>")));
  CHECK(list.rule == "empty-list");
  CHECK(list.span.line == 3);
  CHECK(list.span.column == 3);

  Diagnostic word =
      only_error(read(wrap("<point>Hi.</point>\n<words><word term=\"tea\"/></words>")));
  CHECK(word.rule == "empty-word");
  CHECK(word.span.line == 3);
  CHECK(word.span.column == 8);
}

TEST_CASE("a second list in one point is an error at the second list") {
  Diagnostic d = only_error(
      read(wrap("<point>Hi.<list><item>A.</item></list><list><item>B.</item></list></point>")));
  CHECK(d.rule == "duplicate-element");
  CHECK(d.span.column == 39);
}

TEST_CASE("<checked> needs who checked it and holds no words") {
  Diagnostic by = only_error(read(wrap("<point>Hi.</point><checked date=\"2027-01-20\"/>")));
  CHECK(by.rule == "missing-attribute");
  CHECK(by.span.column == 19);
  CHECK(contains(by.message, "by"));

  Diagnostic text = only_error(read(wrap("<point>Hi.</point><checked by=\"Us\">Aisha</checked>")));
  CHECK(text.rule == "misplaced-text");
  CHECK(text.span.column == 36);
}

TEST_CASE("a section with no points is a warning, not an error") {
  Result r = read(wrap("<section title=\"Later\"></section>\n<point>Hi.</point>"));
  REQUIRE(r.doc);
  REQUIRE(r.diags.items().size() == 1);
  CHECK(r.diags.items()[0].severity == Severity::warning);
  CHECK(r.diags.items()[0].rule == "empty-section");
  CHECK(r.diags.items()[0].span.line == 2);
}
