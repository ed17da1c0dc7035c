// The picture suggester: the whole point is weighed, one idea keeps one
// picture, no weak guesses, and never a jokey or hurtful picture.
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "symbols/names.hpp"
#include "symbols/symbols.hpp"

using namespace easyread;

namespace {

const std::string kHome = EASYREAD_SOURCE_DIR;

std::string code_of(symbols::Library& lib, const std::string& name) {
  Diagnostics diags;
  auto picture = lib.resolve(name, kHome, "test.xml", {}, diags);
  REQUIRE(picture);
  return picture->key.substr(picture->key.find(':') + 1);
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> split(const std::string& text, char by) {
  std::vector<std::string> out;
  std::stringstream s(text);
  for (std::string part; std::getline(s, part, by);) {
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    out.push_back(part);
  }
  return out;
}

std::set<std::string> unsuitable_codes() {
  Diagnostics diags;
  std::set<std::string> codes;
  for (const auto& e : symbols::detail::parse_catalogue(read(kHome + "/symbols/unsuitable.tsv"), "u", diags))
    codes.insert(e.target);
  REQUIRE_FALSE(diags.has_errors());
  return codes;
}

}  // namespace

TEST_CASE("the suggester's test set: at least 90% of the pictures are ones a person accepts", "[symbols][suggest]") {
  symbols::Library lib(kHome);
  std::size_t total = 0, accepted = 0;
  std::string missed;
  for (const auto& line : split(read(kHome + "/tests/data/suggest/points.tsv"), '\n')) {
    if (line.empty() || line.front() == '#') continue;
    const auto fields = split(line, '\t');
    REQUIRE(fields.size() == 2);
    std::set<std::string> good;
    for (const auto& name : split(fields[1], ',')) good.insert(code_of(lib, name));
    const auto match = lib.suggest(fields[0]);
    ++total;
    if (match && good.contains(match->code)) ++accepted;
    else missed += "  " + fields[0] + " -> " + (match ? match->name : "no picture") + "\n";
  }
  const double score = double(accepted) / double(total);
  std::cout << "suggester: " << accepted << " of " << total << " points acceptable (" << int(score * 100 + 0.5)
            << "%)\n" << missed;
  CHECK(total >= 60);
  CHECK(score >= 0.9);
}

TEST_CASE("an instruction's first verb is not the picture; a topic or a phrase beats a generic word", "[symbols][suggest]") {
  symbols::Library lib(kHome);
  CHECK(lib.suggest("Book a room for the next meeting.")->code != code_of(lib, "book"));
  CHECK(lib.suggest("Park near the front door.")->code == code_of(lib, "front door"));
  CHECK(lib.suggest("Staff will help you with your shopping.")->code == code_of(lib, "shopping"));
  CHECK(lib.suggest("The team said thank you to everyone.")->code == code_of(lib, "thank you"));
  CHECK(lib.suggest("Call us if you need a bank card.")->code == code_of(lib, "bank card"));
  CHECK(lib.suggest("Wait at the bus stop.")->code == code_of(lib, "bus stop"));
  // A generic word still gives a picture when nothing better is there.
  CHECK(lib.suggest("Our group met again.")->code == code_of(lib, "group"));
}

TEST_CASE("everyday Easy Read words find a picture", "[symbols][suggest]") {
  symbols::Library lib(kHome);
  for (const char* word : {"coach", "seaside", "allergy", "rent", "tenancy", "debt", "pension", "grief",
                           "frustrated", "asthma", "food bank", "hay fever", "repairs", "neighbours"}) {
    INFO(word);
    CHECK_FALSE(lib.search({word}, 1).empty());
    CHECK(lib.suggest(std::string("We talked about the ") + word + "."));
  }
  CHECK(lib.catalogue().size() >= 800);
}

TEST_CASE("jokey or hurtful pictures are never suggested for words about people, disability or health", "[symbols][suggest]") {
  symbols::Library lib(kHome);
  const auto unsuitable = unsuitable_codes();
  CHECK(unsuitable.contains("1F913"));  // nerd face
  const auto first = lib.search({"learning", "disability"}, 5);
  REQUIRE_FALSE(first.empty());
  for (const auto& m : first) CHECK_FALSE(unsuitable.contains(m.code));
  for (const char* text :
       {"People with learning disabilities are clever.", "He is a smart and brainy learner.", "She is deaf.",
        "He is blind.", "I feel crazy and dizzy.", "My memory is not good.", "The clown at the party.",
        "A geek and a nerd.", "He had a drink and is drunk.", "I am quiet and do not speak.", "You are a liar.",
"The brain and the mind.", "I feel sick.", "Autism and mental health."}) {
    INFO(text);
    const auto match = lib.suggest(text);
    if (match) CHECK_FALSE(unsuitable.contains(match->code));
    for (const auto& m : lib.search(split(text, ' '), 10)) CHECK_FALSE(unsuitable.contains(m.code));
  }
  // Asked for by its own name, a picture on the list can still be found.
  REQUIRE_FALSE(lib.search({"clown face"}, 1).empty());
  CHECK(lib.search({"clown face"}, 1).front().code == "1F921");
}

TEST_CASE("one idea keeps one picture all through a document", "[symbols][suggest]") {
  symbols::Library lib(kHome);
  const std::string doctor = code_of(lib, "doctor");
  const std::string later = "The hospital will write to your doctor.";
  // On its own, the first idea of the sentence wins ...
  CHECK(lib.suggest(later)->code == code_of(lib, "hospital"));
  // ... but once the doctor has a picture, later points about the doctor get it too.
  symbols::Suggester suggester(lib);
  CHECK(suggester.suggest("You can see your doctor on Monday.")->code == doctor);
  CHECK(suggester.suggest(later)->code == doctor);
  // A picture the author chose counts too.
  symbols::Suggester chosen(lib);
  chosen.remember(doctor);
  CHECK(chosen.suggest(later)->code == doctor);
}

TEST_CASE("a point that matches nothing well gets no picture", "[symbols][suggest]") {
  symbols::Library lib(kHome);
  CHECK_FALSE(lib.suggest("It is of the and to."));
  CHECK_FALSE(lib.suggest("Zorblax quenched the wibble."));
  // A word found only among OpenMoji's tags is too weak a reason for a picture.
  CHECK_FALSE(lib.suggest("It was brainy."));
}
