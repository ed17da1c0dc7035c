// Every rule of `easyread check`: sentences it must flag and sentences it must not.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "check_support.hpp"

using namespace easyread;

namespace {

const check::Checker& checker() { return test::shared_checker(); }
using test::flags;
using test::found;

}  // namespace

TEST_CASE("long-sentence counts words, not lines") {
  const std::string long_one =
      "We will meet at the hall on Monday to talk about the bus pass and the new day centre plans.";
  const auto hits = found(long_one, "long-sentence");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].message == "This sentence has 20 words. Try to keep it to 15 or fewer.");
  CHECK_FALSE(flags("We will meet at the hall on Monday.", "long-sentence"));
  // A sentence wrapped over lines (as in text copied from a PDF) is still one sentence.
  CHECK(flags("We will meet at the hall on Monday to talk\nabout the bus pass and the new day centre plans.",
              "long-sentence"));
  // Short lines without full stops but with blank lines between are separate.
  CHECK_FALSE(flags("Our group\n\nWe meet on Monday.\n\nCome and join us.", "long-sentence"));
  // "12 members came. 3 supporters came." is 2 sentences, not one.
  CHECK_FALSE(flags("12 members came to the meeting. 3 supporters came to help. 4 members could not come.",
                    "long-sentence"));
}

TEST_CASE("long-sentence follows the limit in the settings") {
  check::Settings settings;
  settings.sentence_words = 5;
  Diagnostics errors;
  const check::Checker strict(EASYREAD_SOURCE_DIR, settings, errors);
  const auto report = strict.check_text("We will meet at the hall on Monday.", "t.txt");
  REQUIRE(report.diagnostics.items().size() >= 1);
  CHECK(report.diagnostics.items()[0].message == "This sentence has 8 words. Try to keep it to 5 or fewer.");
}

TEST_CASE("many-ideas finds joining words, commas and semicolons") {
  CHECK(flags("We went to the park, which was very busy.", "many-ideas"));
  CHECK(flags("Although it rained we went out.", "many-ideas"));
  CHECK(flags("We had tea, cake, and biscuits, and then we went home.", "many-ideas"));
  CHECK(flags("We had tea; then we went home.", "many-ideas"));
  CHECK_FALSE(flags("Nobody will know which answers are yours.", "many-ideas"));
  CHECK_FALSE(flags("It will have a big kitchen, a garden and a quiet room.", "many-ideas"));
  CHECK_FALSE(flags("We went to the park.", "many-ideas"));
}

TEST_CASE("jargon finds list words in any form and phrases") {
  const auto hits = found("The commissioners facilitated a meeting.", "jargon");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].message.find("\"commissioners\"") != std::string::npos);
  CHECK(hits[1].message.find("\"facilitated\"") != std::string::npos);
  CHECK(hits[1].suggestion == "Try \"helped\" instead.");  // a verb: the same form as the text
  CHECK(flags("Going forward we will look at the care pathway.", "jargon"));
  CHECK(found("Going forward we will look at the care pathways.", "jargon").size() == 2);
  CHECK(flags("We met in order to talk.", "jargon"));
  CHECK(flags("The CQC checked the home.", "jargon"));
  CHECK_FALSE(flags("Please send me a letter.", "jargon"));  // "SEND" only in capitals
  CHECK_FALSE(flags("We met to talk about the garden.", "jargon"));
}

TEST_CASE("jargon lists hold at least 400 entries in five fields") {
  int entries = 0;
  for (const char* field : {"health", "social-care", "government", "office", "research"}) {
    std::ifstream in(std::string(EASYREAD_SOURCE_DIR) + "/wordlists/jargon-" + field + ".txt");
    REQUIRE(in);
    std::string line;
    int here = 0;
    while (std::getline(in, line))
      if (!line.empty() && line[0] != '#' && line.find('|') != std::string::npos) ++here;
    CHECK(here >= 60);
    entries += here;
  }
  CHECK(entries >= 400);
}

TEST_CASE("hard-word finds long words that are not everyday words") {
  const auto hits = found("The reconfiguration was unsatisfactory.", "hard-word");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].message == "\"reconfiguration\" is a hard word. Many people will not know it.");
  CHECK_FALSE(flags("We went to the hospital with our family.", "hard-word"));
  CHECK_FALSE(flags("Everybody can use the community library.", "hard-word"));
  CHECK_FALSE(flags("We met Anastasia Montgomery at the hall.", "hard-word"));  // names
  // Once is enough: the fix is to explain it the first time.
  CHECK(found("It was unsatisfactory. It was still unsatisfactory.", "hard-word").size() == 1);
}

TEST_CASE("abbreviation finds short forms that are not explained") {
  CHECK(flags("Ask your ALNCO about it.", "abbreviation"));
  CHECK(flags("Bring things to eat, e.g. fruit.", "abbreviation"));
  CHECK(flags("Bring fruit, bread etc. to the party.", "abbreviation"));
  CHECK(flags("Ask your GPs.", "abbreviation"));
  CHECK(flags("Your cTnI was high.", "abbreviation"));
  CHECK(flags("We will test your eGFR.", "abbreviation"));
  CHECK_FALSE(flags("Ask Ms McCann about your iPhone.", "abbreviation"));
  CHECK_FALSE(flags("The National Health Service (NHS) helps you. The NHS is free.", "abbreviation"));
  CHECK_FALSE(flags("Bring things to eat, for example fruit.", "abbreviation"));
  check::Settings settings;
  settings.allowed_words = {"alnco"};
  Diagnostics errors;
  const check::Checker allowing(EASYREAD_SOURCE_DIR, settings, errors);
  const check::Report report = allowing.check_text("Ask your ALNCO about it.", "t.txt");
  for (const Diagnostic& d : report.diagnostics.items())
    CHECK(d.rule != "abbreviation");
}

TEST_CASE("number-as-word asks for digits") {
  const auto hits = found("Five people came and twenty-five stayed.", "number-as-word");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].suggestion == "Write \"5\" instead of \"Five\".");
  CHECK(hits[1].suggestion == "Write \"25\" instead of \"twenty-five\".");
  CHECK_FALSE(flags("5 people came. Someone said hello. This one is mine.", "number-as-word"));
}

TEST_CASE("percentage and big-number suggest friendlier words") {
  const auto percent = found("About 45% of people said yes.", "percentage");
  REQUIRE(percent.size() == 1);
  CHECK(percent[0].suggestion == "Try \"less than half\" instead.");
  CHECK(flags("Only 10 per cent came.", "percentage"));
  CHECK_FALSE(flags("10 people came.", "percentage"));
  const auto big = found("We spent 12,500 pounds.", "big-number");
  REQUIRE(big.size() == 1);
  CHECK(big[0].suggestion.find("about 13 thousand") != std::string::npos);
  CHECK(flags("About 3 million people live there.", "big-number"));
  CHECK_FALSE(flags("In 2027 we had 412 pounds.", "big-number"));                   // a year
  CHECK_FALSE(flags("Call Tom on 01632 960 418.", "big-number"));                   // a phone number
}

TEST_CASE("passive-voice finds actions with no one doing them") {
  CHECK(flags("The letter was sent last week.", "passive-voice"));
  CHECK(flags("The forms are checked by the team.", "passive-voice"));
  CHECK(flags("The money has been spent.", "passive-voice"));
  CHECK_FALSE(flags("The council sent the letter.", "passive-voice"));
  CHECK_FALSE(flags("I am tired. She is disabled. This is called a budget.", "passive-voice"));
  CHECK_FALSE(flags("We are happy to help.", "passive-voice"));
}

TEST_CASE("punctuation finds brackets, semicolons, slashes and &") {
  CHECK(flags("Bring a coat (it may rain).", "punctuation"));
  CHECK(flags("Bring a coat; it may rain.", "punctuation"));
  CHECK(flags("Bring a coat and/or a hat.", "punctuation"));
  CHECK(flags("Bring a coat & a hat.", "punctuation"));
  CHECK_FALSE(flags("Bring a coat. It may rain.", "punctuation"));
  CHECK_FALSE(flags("See https://example.org/a/b for more.", "punctuation"));  // addresses are skipped
  CHECK_FALSE(flags("We meet on 12/03/2027.", "punctuation"));                 // a date, not a slash
}

TEST_CASE("capitals finds shouting, not abbreviations") {
  CHECK(flags("PLEASE NOTE the time.", "capitals"));
  CHECK(flags("This is IMPORTANT for you.", "capitals"));
  CHECK(found("PLEASE NOTE the time.", "capitals").size() == 1);  // one finding for the run
  CHECK_FALSE(flags("Please note the time.", "capitals"));
  CHECK_FALSE(flags("Ask the CQC.", "capitals"));
  // Words longer than 16 letters are read 16 at a time: still read whole.
  CHECK(flags("Please read the INTERNATIONALISATION plan today.", "capitals"));
  CHECK_FALSE(flags("Please read the Internationalisation plan today.", "capitals"));
  CHECK_FALSE(flags("Please read the internationaliSATION plan today.", "abbreviation"));
}

TEST_CASE("a word of many letters is one word however long") {
  const auto hits = found("The counterrevolutionaries left town.", "hard-word");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].message == "\"counterrevolutionaries\" is a hard word. Many people will not know it.");
  CHECK(hits[0].span.end_column - hits[0].span.column == 22);  // the end is just after the word
}

TEST_CASE("contraction gives the full words") {
  const auto hits = found("We can't come and we don't know why.", "contraction");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].suggestion == "Write \"cannot\" instead.");
  CHECK(hits[1].suggestion == "Write \"do not\" instead.");
  CHECK(flags("We’ll be there.", "contraction"));  // curly apostrophe
  CHECK_FALSE(flags("We cannot come. Tom's bag is here.", "contraction"));
}

TEST_CASE("date-format asks for dates and times in full") {
  const auto hits = found("We meet on 12/03/2027 at 14:30.", "date-format");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].suggestion == "Write the date in full, like \"Friday 12 March 2027\".");
  CHECK(hits[1].suggestion == "Write \"2:30pm\" instead.");
  CHECK(flags("Come on Mon 3 Jan.", "date-format"));
  CHECK(flags("Come on 3rd March.", "date-format"));
  CHECK_FALSE(flags("Come on Wednesday 11 January 2023 at 12:30pm.", "date-format"));
  CHECK_FALSE(flags("The sun is out. We came 3rd in the quiz.", "date-format"));
}

TEST_CASE("disability-language offers the respectful words") {
  const auto hits = found("He suffers from epilepsy and is wheelchair-bound.", "disability-language");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].suggestion == "Try \"has\" instead.");
  CHECK(hits[1].suggestion == "Try \"wheelchair user\" instead.");
  CHECK(flags("Services for the handicapped.", "disability-language"));
  // A disability group talks about disabled people: that is fine.
  CHECK_FALSE(flags("We are a group of disabled people. We use wheelchairs.", "disability-language"));
}

TEST_CASE("quoted text is left alone") {
  CHECK_FALSE(flags("\"Please utilise the commissioning framework,\" she said.", "jargon"));
  CHECK(flags("Please utilise the form.", "jargon"));
}

TEST_CASE("a clean Easy Read text gives no warnings") {
  const std::string clean =
      "Our group meets every Monday.\n"
      "We talk about things that matter to us.\n\n"
      "12 members came to the meeting.\n"
      "We are a group of disabled people.\n"
      "You can come to the next meeting on Wednesday 11 January 2023 at 12:30pm.\n"
      "Tea and biscuits are free.\n"
      "Call Tom on 01632 960 418 if you need help to get there.\n";
  const auto report = checker().check_text(clean, "clean.txt");
  for (const Diagnostic& d : report.diagnostics.items()) FAIL_CHECK(d.rule << ": " << d.message);
  CHECK(report.stats.sentences == 7);
}

TEST_CASE("the rules find the same after thousands of different words") {
  // The word facts' table grows as a text uses new words: what it knew before
  // it grew ("because", "was", "which", "twelve") must still be right after,
  // and words it has never seen too.
  const std::string sample =
      "Please utilise the telephone consultation form because it was needed, which is twelve.\n"
      "The meeting is on Mon 3 Jan at the council's commissioning framework; it was agreed.\n";
  std::string text;
  int filler_lines = 0;
  for (char a = 'b'; a <= 'z'; ++a)
    for (char b = 'b'; b <= 'z'; ++b)
      for (char c : std::string("aeiou")) {
        text += std::string("We saw ") + a + c + b + 'o' + a + " because it was here, which is twelve.\n";
        ++filler_lines;
      }
  text += sample + sample;  // each word of the sample first seen after the filler, then again
  const auto alone_report = checker().check_text(sample + sample, "t.txt");
  const auto& alone = alone_report.diagnostics.items();
  const auto long_report = checker().check_text(text, "t.txt");
  std::vector<Diagnostic> after;
  for (const Diagnostic& d : long_report.diagnostics.items())
    if (d.span.line > filler_lines) after.push_back(d);
  REQUIRE(alone.size() >= 8);
  REQUIRE(after.size() == alone.size());
  for (std::size_t i = 0; i < alone.size(); ++i) {
    CHECK(after[i].rule == alone[i].rule);
    CHECK(after[i].span.line - filler_lines == alone[i].span.line);
    CHECK(after[i].span.column == alone[i].span.column);
    CHECK(after[i].message == alone[i].message);
    CHECK(after[i].suggestion == alone[i].suggestion);
  }
}
