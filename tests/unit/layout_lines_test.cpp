// The line breaker keeps every character of a sentence, whatever the width:
// a column with no room, a word wider than the column, a very long word.
#include <catch2/catch.hpp>

#include <chrono>

#include "layout/lines.hpp"

using namespace easyread;

namespace {

struct Setter {
  layout::FontSet fonts{EASYREAD_SOURCE_DIR};
  text::Segmenter segmenter{"en-GB"};
  layout::TextStyle style;
  Setter() {
    Diagnostics diags;
    style.regular = fonts.find("Andika", false, "test", diags);
    style.bold = fonts.find("Andika", true, "test", diags);
    REQUIRE(style.regular >= 0);
  }
  // All the text the lines hold, joined, without spaces.
  std::string set(const std::string& words, double width, std::size_t* line_count = nullptr) {
    layout::StyledText text;
    text.add(words);
    std::string all;
    std::size_t lines = 0;
    for (const auto& line : layout::set_lines(text, segmenter, fonts, style, width)) {
      ++lines;
      for (const auto& piece : line.pieces)
        for (char c : piece.text)
          if (c != ' ') all.push_back(c);
    }
    if (line_count) *line_count = lines;
    return all;
  }
};

std::string without_spaces(std::string s) {
  std::erase(s, ' ');
  return s;
}

}  // namespace

TEST_CASE("A column with no room still gets every letter, one a line", "[layout][lines]") {
  Setter setter;
  const std::string words = "We met at the hall.";
  for (double width : {-300.0, 0.0, 1.0}) {
    std::size_t lines = 0;
    CHECK(setter.set(words, width, &lines) == without_spaces(words));
    CHECK(lines >= without_spaces(words).size());  // one letter a line at most
    CHECK(lines <= words.size());
  }
}

TEST_CASE("A very long word is cut between letters and keeps every letter", "[layout][lines]") {
  Setter setter;
  const std::string word(100'000, 'a');
  std::size_t lines = 0;
  const auto started = std::chrono::steady_clock::now();
  CHECK(setter.set("Read " + word + " now.", 300, &lines) == "Read" + word + "now.");
  CHECK(lines > 100);
  // Bounded, not measured: before, each cut measured the word letter by letter.
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(20));
}
