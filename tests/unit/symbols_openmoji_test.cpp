// Every OpenMoji colour picture reads without an error, and the catalogue
// points only at pictures that exist.
#include <algorithm>
#include <deque>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "base/files.hpp"
#include "symbols/names.hpp"
#include "symbols/symbols.hpp"

using namespace easyread;
namespace fs = std::filesystem;

namespace {
const fs::path kHome = EASYREAD_SOURCE_DIR;

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("all of OpenMoji's colour SVGs read without an error", "[symbols][openmoji]") {
  const fs::path dir = kHome / "third_party" / "openmoji" / "color" / "svg";
  REQUIRE(fs::is_directory(dir));  // installed by scripts/install-openmoji.sh
  std::size_t files = 0, failed = 0, empty = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".svg") continue;
    ++files;
    Diagnostics diags;
    const auto drawing = symbols::read_svg(read_all(entry.path()), entry.path().string(), diags);
    if (!drawing) {
      ++failed;
      for (const auto& d : diags.items()) UNSCOPED_INFO(d.file << ":" << d.span.line << ": " << d.message);
    } else if (drawing->shapes.empty()) {
      ++empty;
    }
  }
  CHECK(files == 4495);
  CHECK(failed == 0);
  CHECK(empty == 0);
}

TEST_CASE("the catalogue has at least 300 names, each pointing at an OpenMoji picture", "[symbols][openmoji]") {
  Diagnostics diags;
  const auto entries = symbols::detail::parse_catalogue(read_all(kHome / "symbols" / "catalogue.tsv"),
                                                        "catalogue.tsv", diags);
  CHECK_FALSE(diags.has_errors());
  CHECK(entries.size() >= 300);
  const auto emojis = symbols::detail::parse_openmoji_csv(
      read_all(kHome / "third_party" / "openmoji" / "data" / "openmoji.csv"));
  REQUIRE(emojis);
  std::set<std::string> names;
  for (const auto& e : entries) {
    INFO("catalogue line " << e.line << ": " << e.name);
    CHECK(emojis->find(e.target) != nullptr);
    CHECK(fs::exists(kHome / "third_party" / "openmoji" / "color" / "svg" / (e.target + ".svg")));
    CHECK(names.insert(symbols::detail::name_forms(e.name).front()).second);  // no name twice
  }
  // The words the issue asks for are all there.
  for (const char* word : {"meeting", "agenda", "minutes", "talk", "listen", "vote", "money", "paid", "equal",
                           "together", "question", "yes", "no", "help", "rights", "safe", "date", "time",
                           "place", "phone", "email", "website", "letter", "survey", "training", "work",
                           "college", "home", "family", "friend", "carer", "supporter", "doctor", "gp",
                           "nurse", "hospital", "appointment", "medicine", "dentist", "ambulance",
                           "wheelchair", "bus", "train", "food", "drink", "coffee", "party", "music", "happy",
                           "sad", "angry", "worried"}) {
    INFO(word);
    CHECK(names.contains(word));
  }
}

TEST_CASE("OpenMoji's flag of Ontario keeps its clip path; markers to nothing are ignored", "[symbols][openmoji]") {
  const fs::path dir = kHome / "third_party" / "openmoji" / "color" / "svg";
  Diagnostics diags;
  const auto ontario = symbols::read_svg(read_all(dir / "1F3F4-E0063-E0061-E006F-E006E-E007F.svg"), "ontario.svg", diags);
  REQUIRE(ontario);
  REQUIRE(ontario->clips.size() == 1);
  CHECK(std::any_of(ontario->shapes.begin(), ontario->shapes.end(), [](const Shape& s) { return s.clip == 0; }));
  const auto castile = symbols::read_svg(read_all(dir / "1F3F4-E0065-E0073-E0063-E006D-E007F.svg"), "c.svg", diags);
  CHECK(castile);
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("the index of OpenMoji's rows finds the same row as the whole list for every code", "[symbols][openmoji]") {
  const std::string csv = read_all(kHome / "third_party" / "openmoji" / "data" / "openmoji.csv");
  const auto emojis = symbols::detail::parse_openmoji_csv(csv);
  REQUIRE(emojis);
  const symbols::detail::CodeRows rows(csv);
  std::size_t checked = 0;
  for (const auto& emoji : emojis->emojis) {
    INFO(emoji.code);
    std::size_t pos = rows.find(emoji.code);
    REQUIRE(pos != std::string::npos);
    std::vector<std::string_view> fields;
    std::deque<std::string> scratch;
    REQUIRE(symbols::detail::next_csv_row(csv, pos, fields, scratch));
    REQUIRE(fields.size() > 4);
    CHECK(fields[1] == emoji.code);
    // Where a code has two rows, the list keeps the first one's name too.
    CHECK(easyread::trim(fields[4]) == emojis->find(emoji.code)->annotation);
    ++checked;
  }
  CHECK(checked > 4000);
  CHECK(rows.find("NOT-A-CODE") == std::string::npos);
  CHECK(rows.find("") == std::string::npos);
}

TEST_CASE("the index of OpenMoji's rows skips the header and keeps the first of two rows", "[symbols][openmoji]") {
  const std::string csv =
      "emoji,hexcode,group,subgroups,annotation\n"
      "a,1F600,smileys,face,grinning face\n"
      "b,1F601,smileys,face,\"beaming, face\"\n"
      "c,1F600,smileys,face,second grinning face\n"
      "d,1F602,smileys,face,last row without a line end";
  const symbols::detail::CodeRows rows(csv);
  CHECK(rows.find("hexcode") == std::string::npos);
  CHECK(rows.find("1F600") == csv.find("a,1F600"));
  CHECK(rows.find("1F601") == csv.find("b,1F601"));
  CHECK(rows.find("1F602") == csv.find("d,1F602"));
  CHECK(rows.find("1F60") == std::string::npos);
}
