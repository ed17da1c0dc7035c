#include <catch2/catch.hpp>

#include "text/text.hpp"

using namespace easyread;

namespace {
std::vector<std::string> sentences_of(const std::string& s, const std::string& lang = "en-GB") {
  text::Segmenter seg(lang);
  std::vector<std::string> out;
  for (auto r : seg.sentences(s)) out.push_back(s.substr(r.begin, r.end - r.begin));
  return out;
}
}  // namespace

TEST_CASE("sentences do not split after titles, e.g. or inside times") {
  auto s = sentences_of("We met Dr. Patel at 12.30 today. Bring things, e.g. a pen.\nMr. Smith came.");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "We met Dr. Patel at 12.30 today.");
  CHECK(s[1] == "Bring things, e.g. a pen.");
  CHECK(s[2] == "Mr. Smith came.");
}

TEST_CASE("long sentences end in the same places as short ones") {
  // ICU reads only the ends of long runs of plain words (see
  // shorten_plain_runs): the words around each stop decide, as they do when
  // the same sentences are short.
  const std::string parts[] = {"We met Dr. Patel ", "at 12.30 today. ", "e.g. the pen ", "Mr. Smith came. The U.S. Army ",
                               "came too! 5 people ", "and Prof. Jones came.\n\nIt is free, says Ms. Lee ",
                               "now. Is it good ", "for you? Hon.B.A. Lee ", "spoke. Then at 9 a.m. ", "later."};
  auto joined = [&](const std::string& filler) {
    std::string text;
    for (const std::string& part : parts) text += (text.empty() ? "" : filler) + part;
    return text;
  };
  const std::string short_filler = "and the park ";
  std::string long_filler;
  for (int i = 0; i < 6; ++i) long_filler += "then the people in the group talked about it ";
  const auto short_ones = sentences_of(joined(short_filler));
  const auto long_ones = sentences_of(joined(long_filler));
  REQUIRE(short_ones.size() >= 6);
  REQUIRE(long_ones.size() == short_ones.size());
  for (std::size_t i = 0; i < short_ones.size(); ++i) {
    std::string expected = short_ones[i];
    for (std::size_t at = 0; (at = expected.find(short_filler, at)) != std::string::npos; at += long_filler.size())
      expected.replace(at, short_filler.size(), long_filler);
    CHECK(long_ones[i] == expected);
  }
  // A long run with no full stop at all: one sentence, however long.
  std::string long_run;
  for (int i = 0; i < 500; ++i) long_run += "word, other words (and more) ";
  CHECK(sentences_of(long_run + "end.").size() == 1);
}

TEST_CASE("plain sentence ends far from others end in the same places as close ones") {
  // ICU does not read a stop after small letters, a space and a capital
  // when it falls in the middle of a long run (see sure_end_after); a word
  // that ends like an abbreviation ("piano." ends in "no.") is left to ICU.
  const std::string parts[] = {"It was late. ", "The bus came! ", "Was it full? ", "We went home.\nThen ",
                               "we played the piano. Then ", "we went to bed. ", "Dr. Smith came."};
  auto joined = [&](const std::string& filler) {
    std::string text;
    for (const std::string& part : parts) text += filler + part;
    return text;
  };
  std::string long_filler = "So ";
  for (int i = 0; i < 8; ++i) long_filler += "and then the people in the group talked about it ";
  const auto short_ones = sentences_of(joined("So "));
  const auto long_ones = sentences_of(joined(long_filler));
  REQUIRE(short_ones.size() == 6);  // none after "piano." or "Dr."
  REQUIRE(long_ones.size() == short_ones.size());
  for (std::size_t i = 0; i < short_ones.size(); ++i)  // the same sentence, with the long filler in it
    CHECK(long_ones[i].substr(long_ones[i].size() - 12) == short_ones[i].substr(short_ones[i].size() - 12));
}

TEST_CASE("a language with its own stops gets its sentences whole") {
  // Greek ends a question with ';', which a long run would otherwise hide from ICU.
  std::string words;
  for (int i = 0; i < 8; ++i) words += "kai meta oi anthropoi milisan gia auto ";
  CHECK(sentences_of("Ti einai; Ela.", "el").size() == 2);
  CHECK(sentences_of(words + "ti einai; " + words + "ela.", "el").size() == 2);
}

TEST_CASE("a sentence broken over lines by the author stays one sentence") {
  auto s = sentences_of("We talked about\n   the new bus pass.\n\nIt is free. Is it good?");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "We talked about\n   the new bus pass.");
  CHECK(s[2] == "Is it good?");
}

TEST_CASE("words leave out spaces and punctuation") {
  text::Segmenter seg("en-GB");
  std::string s = "Hello, care-givers: 12 people!";
  std::vector<std::string> words;
  for (auto r : seg.words(s)) words.push_back(s.substr(r.begin, r.end - r.begin));
  CHECK(words == std::vector<std::string>{"Hello", "care", "givers", "12", "people"});
}

TEST_CASE("line breaks come after spaces") {
  text::Segmenter seg("en-GB");
  auto breaks = seg.line_breaks("one two three");
  CHECK(breaks == std::vector<std::size_t>{4, 8, 13});
}

TEST_CASE("dates and times are written in full") {
  CHECK(text::format_long_date({2027, 1, 13}, "en-GB") == "Wednesday 13 January 2027");
  CHECK(text::format_long_date({2027, 1, 13}, "cy") == "Dydd Mercher, 13 Ionawr 2027");
  CHECK(text::format_time({12, 30}, "en-GB") == "12:30pm");
  CHECK(text::format_time({9, 5}, "en-GB") == "9:05am");
  // The Easy Read way: no ":00", and no "12pm" or "12am" that people read in different ways.
  CHECK(text::format_time({11, 0}, "en-GB") == "11am");
  CHECK(text::format_time({14, 0}, "en-GB") == "2pm");
  CHECK(text::format_time({12, 0}, "en-GB") == "Midday");
  CHECK(text::format_time({0, 0}, "en-GB") == "Midnight");
}

TEST_CASE("line index counts columns in characters, not bytes") {
  std::string s = "first line\nçafé x\n";
  text::LineIndex index(s);
  auto pos = index.at(s.find('x'));
  CHECK(pos.line == 2);
  CHECK(pos.column == 6);
  CHECK(index.line_text(2) == "çafé x");
}

TEST_CASE("case folding and white space folding") {
  CHECK(text::fold_case("Doctors") == "doctors");
  CHECK(text::fold_white_space("  a \n\t b  ") == "a b");
  CHECK(text::count_code_points("café") == 4);
}

TEST_CASE("a sentence that starts with a number is its own sentence") {
  auto s = sentences_of("12 members came to the meeting. 3 supporters came to help. We met at No. 5 Park Road.");
  REQUIRE(s.size() == 3);
  CHECK(s[1] == "3 supporters came to help.");
  CHECK(s[2] == "We met at No. 5 Park Road.");
  CHECK(sentences_of("It costs 2.50 each. See p. 4 for more.").size() == 2);
  CHECK(sentences_of("Wow! 5 people came.").size() == 2);
}

TEST_CASE("sentence offsets stay right after characters beyond ASCII") {
  // "é" is 2 bytes, "€" 3, and the emoji 4 bytes (2 UTF-16 units for ICU).
  auto s = sentences_of("Café opens at 9. It costs €3 😀 a cup.\nWe like it! Ünïcode works?\n\nNew part.");
  REQUIRE(s.size() == 5);
  CHECK(s[0] == "Café opens at 9.");
  CHECK(s[1] == "It costs €3 😀 a cup.");
  CHECK(s[2] == "We like it!");
  CHECK(s[3] == "Ünïcode works?");
  CHECK(s[4] == "New part.");
}

TEST_CASE("a blank line made of spaces still ends a sentence") {
  auto s = sentences_of("No full stop here\n   \nNext one");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "No full stop here");
  CHECK(s[1] == "Next one");
}

TEST_CASE("skipping characters counts code points, fast or slow") {
  const std::string ascii = "abcdefghijklmnopqrstuvwxyz";
  CHECK(text::skip_code_points(ascii, 0, 20) == 20);
  CHECK(text::skip_code_points(ascii, 3, 100) == ascii.size());
  const std::string mixed = "abcdefgh\xC3\xA9" "ijklmnop\xE2\x82\xAC" "q";  // é and €
  CHECK(text::skip_code_points(mixed, 0, 9) == 10);    // past é
  CHECK(text::skip_code_points(mixed, 0, 18) == 21);   // past €
  CHECK(text::skip_code_points(mixed, 0, 19) == mixed.size());
  CHECK(text::count_code_points(mixed) == 19);
}
