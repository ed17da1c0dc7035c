// Rules that stop the checker crying wolf, and the words it must still find:
// words the document explains, jargon once a section, exact numbers, word
// frequency, passives, verb forms in suggestions, Welsh, and XML attributes.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "check/check.hpp"
#include "check_support.hpp"
#include "markup/markup.hpp"

using namespace easyread;

namespace {

const check::Checker& checker() { return test::shared_checker(); }
using test::flags;
using test::found;

std::vector<Diagnostic> found_in_xml(const std::string& xml, const std::string& rule) {
  Diagnostics diags;
  const auto doc = markup::read_string(xml, "notes.xml", diags);
  REQUIRE(doc);
  std::vector<Diagnostic> out;
  const check::Report report = checker().check_document(*doc);
  for (const Diagnostic& d : report.diagnostics.items())
    if (d.rule == rule) out.push_back(d);
  return out;
}

}  // namespace

TEST_CASE("phrases come before words, so context picks the plain choice") {
  const auto call = found("Your telephone consultation is on Monday.", "jargon");
  REQUIRE(call.size() == 1);
  CHECK(call[0].suggestion == "Try \"phone call with your doctor\" instead.");
  const auto ask = found("The council will run a consultation in May.", "jargon");
  REQUIRE(ask.size() == 1);
  CHECK(ask[0].suggestion == "Try \"asking people what they think\" instead.");
  CHECK(found("Come to your pre-operative assessment.", "jargon").size() == 1);
  CHECK(found("We will send a discharge summary to you.", "jargon").size() == 1);
}

TEST_CASE("jargon verbs are found in every form, and the suggestion takes the same form") {
  CHECK(found("Your doctor referred you to the clinic.", "jargon").at(0).suggestion == "Try \"sent\" instead.");
  CHECK(found("You have been referred to the clinic.", "jargon").at(0).suggestion == "Try \"sent\" instead.");
  CHECK(found("The GP refers people every week.", "jargon").at(0).suggestion == "Try \"sends\" instead.");
  CHECK(found("We are referring you today.", "jargon").at(0).suggestion == "Try \"sending\" instead.");
  CHECK(found("We undertook a review.", "jargon").at(0).suggestion == "Try \"did\" instead.");
  CHECK(found("The work was undertaken in May.", "jargon").at(0).suggestion == "Try \"done\" instead.");
  CHECK(found("Please ensure you bring it.", "jargon").at(0).suggestion == "Try \"make sure\" instead.");
  CHECK(found("This is subject to checks.", "jargon").size() == 1);
}

TEST_CASE("a word the text explains is not jargon there or later") {
  CHECK_FALSE(flags("Respite care is a short break for carers. You can have respite care in May.", "jargon"));
  CHECK_FALSE(flags("An advocate means someone who speaks up for you.", "jargon"));
  CHECK_FALSE(flags("You will have a telephone consultation (a phone call with your doctor).", "jargon"));
  CHECK_FALSE(flags("You will have a phone call with your doctor (telephone consultation).", "jargon"));
  CHECK(flags("Your respite care is on Monday.", "jargon"));  // "is on" does not explain it
  // An abbreviation spelled out once is fine after that.
  CHECK_FALSE(flags("Ask the Care Quality Commission (CQC). The CQC checks care homes.", "abbreviation"));
  // A hard word the text explains.
  CHECK_FALSE(flags("Dysphagia means trouble swallowing.", "hard-word"));
}

TEST_CASE("the same jargon is reported once a section, with how often it is used") {
  const auto hits = found("We will facilitate it. They facilitate a lot. I facilitated one.", "jargon");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].message.find("You use it 3 times in this part.") != std::string::npos);
  // A Markdown heading starts a new part.
  Diagnostics errors;
  const auto report = checker().check_text("# One\n\nWe facilitate it.\n\n# Two\n\nWe facilitate it.\n", "t.md",
                                           check::Format::markdown);
  int jargon = 0;
  for (const Diagnostic& d : report.diagnostics.items()) jargon += d.rule == "jargon";
  CHECK(jargon == 2);
}

TEST_CASE("numbers that must stay exact are not big numbers") {
  for (const char* exact :
       {"Call 0300 123 4567.", "Call 020 7946 0815 today.", "Call +44 20 7946 0815.", "Your NHS number is 943 476 5919.",
        "Your reference number is 4471203.", "Quote ref 881234.", "The rent is £1,250 a month.",
        "It costs €2,400.", "Your claim number is 5521 9983 1204.", "Come at 10:30am on 12 March 2025.",
        "We live in LS1 3EX.", "In 2024 we met."})
    CHECK_FALSE(flags(exact, "big-number"));
  CHECK(flags("Over 12,000 people use it.", "big-number"));
  CHECK(flags("The council has 3 million pounds.", "big-number"));
}

TEST_CASE("hard words are long and rare: common long words pass") {
  CHECK_FALSE(flags("We are interested in valuable things, beautifully made.", "hard-word"));
  CHECK_FALSE(flags("Our organisation helps the neighbourhood.", "hard-word"));
  CHECK(flags("The arrangement was unsatisfactory.", "hard-word"));
  // The frequency limit is a setting.
  check::Settings settings;
  settings.hard_word_frequency = 100;
  Diagnostics errors;
  const check::Checker strict(EASYREAD_SOURCE_DIR, settings, errors);
  bool hard = false;
  const check::Report report = strict.check_text("We are interested in it.", "t.txt");
  for (const Diagnostic& d : report.diagnostics.items()) hard = hard || d.rule == "hard-word";
  CHECK(hard);
}

TEST_CASE("passive-voice finds used, needed and agreed, and every passive in a sentence") {
  CHECK(flags("The room is used for meetings.", "passive-voice"));
  CHECK(flags("A ramp is needed.", "passive-voice"));
  CHECK(flags("The plan was agreed.", "passive-voice"));
  CHECK(found("The letter was written and the forms were sent.", "passive-voice").size() == 2);
  CHECK_FALSE(flags("She is committed to the group. He is interested in music.", "passive-voice"));
  CHECK_FALSE(flags("I am used to the bus. She is unemployed.", "passive-voice"));
}

TEST_CASE("Welsh text keeps only the rules that do not depend on English") {
  check::Settings settings;
  settings.lang = "cy";
  Diagnostics errors;
  const check::Checker welsh(EASYREAD_SOURCE_DIR, settings, errors);
  const std::string text =
      "Mae'r cyngor wedi penderfynu bod angen newid y ffordd rydym yn gweithio gyda phobl anabl yn y sir hon.\n\n"
      "Bydd y cyfarfod nesaf ar 14/03/2027.\n\nMae five o bobl wedi dod; roedd hi'n braf.";
  std::vector<std::string> rules;
  const check::Report report = welsh.check_text(text, "t.txt");
  for (const Diagnostic& d : report.diagnostics.items()) rules.push_back(d.rule);
  CHECK(std::count(rules.begin(), rules.end(), "long-sentence") == 1);
  CHECK(std::count(rules.begin(), rules.end(), "date-format") == 1);
  CHECK(std::count(rules.begin(), rules.end(), "punctuation") == 1);
  for (const char* english : {"hard-word", "passive-voice", "jargon", "contraction", "number-as-word"})
    CHECK(std::count(rules.begin(), rules.end(), english) == 0);
}

TEST_CASE("XML: the word list explains words whatever their capitals and plural") {
  const std::string xml = R"(<easyread title="Voting">
  <section title="How to vote">
    <point picture="none">Go to the polling station. There are 3 polling stations.</point>
  </section>
  <words><word term="Polling station">The place where you vote.</word></words>
</easyread>)";
  CHECK(found_in_xml(xml, "jargon").empty());
  CHECK(found_in_xml(xml, "unused-word").empty());
}

TEST_CASE("XML: titles, who, place, word explanations and alt text are checked too") {
  const std::string xml = R"(<easyread title="Facilitating the consultation">
  <section title="Stakeholder engagement">
    <point picture="1F4CD" alt="A multidisciplinary team">We met.</point>
    <action who="The commissioners">Write a letter.</action>
    <meeting place="The domiciliary care agency">Come to the meeting.</meeting>
  </section>
  <words><word term="minutes">Notes we utilise after a meeting.</word></words>
</easyread>)";
  const auto hits = found_in_xml(xml, "jargon");
  std::vector<std::string> texts;
  for (const Diagnostic& d : hits) texts.push_back(d.message.substr(0, d.message.find(" is jargon")));
  for (const char* word : {"\"Facilitating\"", "\"consultation\"", "\"Stakeholder engagement\"",
                           "\"multidisciplinary team\"", "\"commissioners\"", "\"domiciliary care agency\"",
                           "\"utilise\""})
    CHECK(std::find(texts.begin(), texts.end(), word) != texts.end());
  // Findings in an attribute point at the attribute's words.
  for (const Diagnostic& d : hits)
    if (d.message.starts_with("\"Facilitating\"")) {
      CHECK(d.span.line == 1);
      CHECK(d.span.column == 18);
    }
}
