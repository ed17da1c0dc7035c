// The word lists themselves: every plain choice is plain by the checker's own
// rules, and the lists are as big and as wide as issue 14 asks.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "check/check.hpp"

using namespace easyread;

namespace {

const std::string kLists = std::string(EASYREAD_SOURCE_DIR) + "/wordlists/";

struct ListLine {
  std::string file, term, suggestion;
};

std::vector<ListLine> phrase_lines(const std::string& file) {
  std::ifstream in(kLists + file);
  REQUIRE(in);
  std::vector<ListLine> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t bar = line.find('|');
    if (bar == std::string::npos) continue;
    auto trim = [](std::string s) {
      s.erase(0, s.find_first_not_of(' '));
      s.erase(s.find_last_not_of(' ') + 1);
      return s;
    };
    out.push_back({file, trim(line.substr(0, bar)), trim(line.substr(bar + 1))});
  }
  return out;
}

std::vector<std::string> phrase_files() {
  std::vector<std::string> files;
  for (const auto& item : std::filesystem::directory_iterator(kLists)) {
    const std::string name = item.path().filename().string();
    if (name.starts_with("jargon-") || name == "disability-language.txt") files.push_back(name);
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("no plain choice in the lists uses a word that the checker flags") {
  Diagnostics errors;
  const check::Checker checker(EASYREAD_SOURCE_DIR, {}, errors);
  REQUIRE(errors.items().empty());
  int checked = 0;
  for (const std::string& file : phrase_files())
    for (const ListLine& line : phrase_lines(file)) {
      std::string plain = line.suggestion;
      if (plain.starts_with("(")) continue;  // advice, not a word to use
      if (plain.starts_with("to ")) plain.erase(0, 3);
      const check::Report report = checker.check_text(plain + ".", "suggestion.txt");
      for (const Diagnostic& d : report.diagnostics.items())
        if (d.rule == "jargon" || d.rule == "hard-word" || d.rule == "disability-language" ||
            d.rule == "abbreviation")
          FAIL_CHECK(file << ": \"" << line.term << " | " << line.suggestion << "\": " << d.message);
      ++checked;
    }
  CHECK(checked > 1000);
}

TEST_CASE("the jargon lists cover hospital, GP, social care, council, research and office words") {
  int total = 0;
  for (const char* field : {"health", "social-care", "government", "office", "research"}) {
    const auto lines = phrase_lines(std::string("jargon-") + field + ".txt");
    CHECK(lines.size() >= 200);
    total += static_cast<int>(lines.size());
  }
  CHECK(total >= 1500);
  // Phrases that give context their own entry, before the single words.
  const auto health = phrase_lines("jargon-health.txt");
  for (const char* phrase : {"telephone consultation", "pre-operative assessment", "discharge summary"})
    CHECK(std::any_of(health.begin(), health.end(), [&](const ListLine& l) { return l.term == phrase; }));
}

namespace {

// A copy of the project's word lists in a folder of its own, to change one file.
struct ListsCopy {
  std::filesystem::path home = std::filesystem::temp_directory_path() / ("easyread-lists-" + std::to_string(::getpid()));
  ListsCopy() {
    std::filesystem::remove_all(home);
    std::filesystem::create_directories(home);
    std::filesystem::copy(kLists, home / "wordlists");
  }
  ~ListsCopy() { std::filesystem::remove_all(home); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(home / "wordlists" / name, std::ios::trunc) << text;
  }
};

}  // namespace

TEST_CASE("month and day names, helper verbs and \"used to\" words come from the word lists") {
  ListsCopy copy;
  copy.write("month-names.txt", "january february marchy april may june july august september october november december\n");
  copy.write("day-names.txt", "sunday monday tuesday wednesday thursday fridayx saturday\n");
  copy.write("used-to-things.txt", "this\n");  // "it" is gone
  Diagnostics errors;
  const check::Checker checker(copy.home.string(), {}, errors);
  REQUIRE(errors.items().empty());
  auto of_rule = [&](const std::string& text, const std::string& rule) {
    std::vector<Diagnostic> out;
    const check::Report report = checker.check_text(text, "t.txt");
    for (const Diagnostic& d : report.diagnostics.items())
      if (d.rule == rule) out.push_back(d);
    return out;
  };
  const auto dates = of_rule("We meet on 12/03/2027 at the hall.", "date-format");
  REQUIRE(dates.size() == 1);
  CHECK(dates[0].suggestion.find("Fridayx 12 Marchy 2027") != std::string::npos);
  CHECK(of_rule("Come on 3rd marchy.", "date-format").size() == 1);  // a month word beside a number
  CHECK(of_rule("The money is used to it.", "passive-voice").size() == 1);
  CHECK(of_rule("The money is used to this.", "passive-voice").empty());
}

TEST_CASE("a month list without 12 months is an error that names the file") {
  ListsCopy copy;
  copy.write("month-names.txt", "# months\njanuary february march\n");
  Diagnostics errors;
  const check::Checker checker(copy.home.string(), {}, errors);
  REQUIRE(errors.items().size() == 1);
  CHECK(errors.items()[0].file.ends_with("month-names.txt"));
  CHECK(errors.items()[0].message.find("needs 12 words") != std::string::npos);
  // The checker still writes dates in full, with ICU.
  const auto report = checker.check_text("We meet on 12/03/2027 at the hall.", "t.txt");
  bool told = false;
  for (const Diagnostic& d : report.diagnostics.items())
    told = told || (d.rule == "date-format" && d.suggestion.find("March 2027") != std::string::npos);
  CHECK(told);
}

TEST_CASE("a checker whose word lists are missing says so and still checks") {
  const auto home = std::filesystem::temp_directory_path() / ("easyread-no-lists-" + std::to_string(::getpid()));
  std::filesystem::create_directories(home);
  Diagnostics errors;
  const check::Checker checker(home.string(), {}, errors);
  std::filesystem::remove_all(home);
  REQUIRE_FALSE(errors.items().empty());
  CHECK(errors.items()[0].message.find("could not find its word lists") != std::string::npos);
  // Every rule runs with empty lists: no crash, and the other rules still work.
  const check::Report report = checker.check_text("We have twenty people and one hundred cats (and dogs).", "t.txt");
  bool brackets = false;
  for (const Diagnostic& d : report.diagnostics.items()) brackets = brackets || d.rule == "punctuation";
  CHECK(brackets);
}

TEST_CASE("a big added jargon list finds its first, middle and last phrases, and only whole ones") {
  // Thousands of made-up three-word phrases: the tables that hold the
  // lists' words grow many times while they load.
  auto name = [](int i) {
    std::string word = "zq";
    for (int k = 0; k < 3; ++k, i /= 26) word += static_cast<char>('a' + i % 26);
    return word;
  };
  std::string list = "# made up for a test\n";
  const int kPhrases = 5000;
  for (int i = 0; i < kPhrases; ++i)
    list += name(i) + " blip " + name(kPhrases - 1 - i) + " | plain " + std::to_string(i) + "\n";
  ListsCopy copy;
  copy.write("jargon-zz-made-up.txt", list);
  Diagnostics errors;
  const check::Checker checker(copy.home.string(), {}, errors);
  REQUIRE(errors.items().empty());
  auto jargon = [&](const std::string& text) {
    std::vector<std::string> suggestions;
    const check::Report report = checker.check_text(text, "t.txt");
    for (const Diagnostic& d : report.diagnostics.items())
      if (d.rule == "jargon") suggestions.push_back(d.suggestion);
    return suggestions;
  };
  for (int i : {0, 2500, kPhrases - 1}) {
    const auto found = jargon("We talked about " + name(i) + " blip " + name(kPhrases - 1 - i) + " today.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].find("\"plain " + std::to_string(i) + "\"") != std::string::npos);
  }
  // The plural of the last word is found too; a phrase cut short is not.
  CHECK(jargon("Two " + name(7) + " blip " + name(kPhrases - 8) + "s came.").size() == 1);
  CHECK(jargon("We talked about " + name(7) + " blip today.").empty());
  CHECK(jargon("We talked about " + name(7) + " blip " + name(8) + " today.").empty());
}
