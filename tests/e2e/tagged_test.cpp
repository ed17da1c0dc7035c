// What a screen reader gets: the structure tree in reading order, each
// sentence as its own paragraph with its words apart, and words for every
// picture.
#include <catch2/catch.hpp>

#include <algorithm>

#include "built_sample.hpp"
#include "text/text.hpp"

using namespace e2e;

TEST_CASE("A screen reader gets each sentence as its own paragraph, in order", "[tagged]") {
  TempDir dir;
  for (const auto& xml : sample_inputs()) {
    BuiltSample s = build_sample(xml, "newsletter", dir);
    REQUIRE(s.build.exit_code == 0);
    auto tagged = read_tagged_text(s.pdf);
    REQUIRE_FALSE(tagged.empty());
    std::size_t next = 0;
    for (const auto& row : s.expected.rows) {
      if (row.kind == "word") continue;  // the word list is a list, checked below
      for (const auto& sentence : row.sentences) {
        INFO(xml.filename().string() << " line " << row.line << ": \"" << sentence << "\"");
        auto it = std::find_if(tagged.begin() + static_cast<std::ptrdiff_t>(next), tagged.end(),
                               [&](const TaggedText& t) { return t.role == "P" && t.text == sentence; });
        if (it == tagged.end()) {
          // Say what the screen reader would read instead.
          auto near = std::find_if(tagged.begin() + static_cast<std::ptrdiff_t>(next), tagged.end(),
                                   [&](const TaggedText& t) {
                                     return t.text.compare(0, 12, sentence, 0, 12) == 0;
                                   });
          INFO("the structure tree has: \"" << (near == tagged.end() ? std::string("nothing like it") : near->text)
                                            << "\"");
          CHECK(it != tagged.end());
          if (near != tagged.end()) next = static_cast<std::size_t>(near - tagged.begin()) + 1;
          continue;
        }
        next = static_cast<std::size_t>(it - tagged.begin()) + 1;
      }
    }
  }
}

TEST_CASE("Every picture has words for people who cannot see it", "[tagged]") {
  TempDir dir;
  for (const auto& xml : sample_inputs()) {
    BuiltSample s = build_sample(xml, "newsletter", dir);
    REQUIRE(s.build.exit_code == 0);
    INFO(xml.filename().string());
    auto alts = read_figure_alts(s.pdf);
    std::size_t pictures = 0;
    for (const auto& row : s.expected.rows) pictures += row.has_picture.value_or(false) ? 1 : 0;
    CHECK(alts.size() >= pictures);
    for (const auto& alt : alts) CHECK_FALSE(alt.empty());
    // The author's own words are used where the notes give them.
    std::vector<std::string> written;
    for (const auto& row : s.expected.rows)
      if (!row.alt.empty() && row.has_picture.value_or(false)) written.push_back(row.alt);
    if (!s.expected.cover_alt.empty()) written.push_back(s.expected.cover_alt);
    for (const auto& alt : written) {
      INFO("alt=\"" << alt << "\"");
      CHECK(std::find(alts.begin(), alts.end(), easyread::text::fold_white_space(alt)) != alts.end());
    }
  }
}
