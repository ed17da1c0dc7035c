// Every OpenMoji colour picture reads without an error, and the catalogue
// points only at pictures that exist.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

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
