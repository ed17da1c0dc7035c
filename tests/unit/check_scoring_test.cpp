// Scores the checker on its own set of documents (tests/data/check-set):
// recall and precision for each rule, against the aims of issue 14.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "check_support.hpp"

using namespace easyread;

namespace {

const std::string kSetFolder = std::string(EASYREAD_SOURCE_DIR) + "/tests/data/check-set";

struct Mark {
  std::string rule;
  int line = 0, column = 0, end_column = 0;  // where the marked words are in the clean text
  bool found = false;
};

struct MarkedText {
  std::string text;  // without the marks
  std::vector<Mark> marks;
};

// Takes out the {{rule|words}} marks and remembers where the words are.
MarkedText read_marked(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in);
  std::stringstream all;
  all << in.rdbuf();
  const std::string source = all.str();
  MarkedText out;
  int line = 1, column = 1;
  for (std::size_t i = 0; i < source.size();) {
    if (source.compare(i, 2, "{{") == 0) {
      const std::size_t bar = source.find('|', i), close = source.find("}}", i);
      REQUIRE(bar < close);
      Mark mark{source.substr(i + 2, bar - i - 2), line, column, 0, false};
      const std::string words = source.substr(bar + 1, close - bar - 1);
      out.text += words;
      column += static_cast<int>(words.size());  // the set is ASCII inside marks
      mark.end_column = column;
      out.marks.push_back(mark);
      i = close + 2;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(source[i]);
    out.text += source[i];
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
    ++i;
  }
  return out;
}

const check::Checker& checker() { return test::shared_checker(); }

struct Score {
  int marks = 0, found = 0, findings = 0, right = 0;
  double recall() const { return marks ? static_cast<double>(found) / marks : 1.0; }
  double precision() const { return findings ? static_cast<double>(right) / findings : 1.0; }
};

bool overlaps(const Mark& m, const Diagnostic& d) {
  return d.span.line == m.line && d.span.column < m.end_column && d.span.end_column > m.column;
}

// Scores every file with marks. A jargon finding counts only with a plain word offered.
std::map<std::string, Score> score_set(std::vector<std::string>& misses) {
  std::map<std::string, Score> scores;
  for (const auto& item : std::filesystem::directory_iterator(kSetFolder)) {
    const std::string name = item.path().filename().string();
    if (item.path().extension() != ".txt" || name == "clean-easy-read.txt") continue;
    MarkedText marked = read_marked(item.path().string());
    std::map<std::string, bool> marked_rules;
    for (const Mark& m : marked.marks) marked_rules[m.rule] = true;
    if (name == "respectful.txt") marked_rules["disability-language"] = true;
    const check::Report report = checker().check_text(marked.text, name);
    for (const Diagnostic& d : report.diagnostics.items()) {
      if (!marked_rules.count(d.rule)) continue;
      Score& s = scores[d.rule];
      ++s.findings;
      bool right = false;
      for (Mark& m : marked.marks)
        if (m.rule == d.rule && overlaps(m, d)) {
          right = true;
          if (d.rule != "jargon" || d.suggestion.starts_with("Try")) m.found = true;
        }
      if (right) ++s.right;
      else misses.push_back(name + ":" + std::to_string(d.span.line) + ": not marked: " + d.message);
    }
    for (const Mark& m : marked.marks) {
      Score& s = scores[m.rule];
      ++s.marks;
      if (m.found) ++s.found;
      else misses.push_back(name + ":" + std::to_string(m.line) + ": missed " + m.rule + " at column " +
                            std::to_string(m.column));
    }
  }
  return scores;
}

}  // namespace

TEST_CASE("the checker finds what its own scoring set marks, and little else", "[scoring]") {
  std::vector<std::string> misses;
  const std::map<std::string, Score> scores = score_set(misses);
  for (const std::string& miss : misses) std::printf("  %s\n", miss.c_str());
  for (const auto& [rule, s] : scores)
    std::printf("%-20s recall %5.1f%% (%d of %d)   precision %5.1f%% (%d of %d)\n", rule.c_str(),
                100 * s.recall(), s.found, s.marks, 100 * s.precision(), s.right, s.findings);
  REQUIRE(scores.count("jargon"));
  CHECK(scores.at("jargon").marks >= 100);
  CHECK(scores.at("jargon").recall() >= 0.90);
  CHECK(scores.at("jargon").precision() >= 0.95);
  CHECK(scores.at("disability-language").recall() >= 0.95);
  CHECK(scores.at("disability-language").precision() >= 0.95);  // nothing on respectful sentences
  CHECK(scores.at("big-number").recall() >= 0.90);
  CHECK(scores.at("big-number").precision() >= 0.95);  // exact numbers are left alone
  CHECK(scores.at("passive-voice").recall() >= 0.90);
  CHECK(scores.at("passive-voice").precision() >= 0.90);
}

TEST_CASE("clean Easy Read sentences give at most one finding", "[scoring]") {
  const MarkedText clean = read_marked(kSetFolder + "/clean-easy-read.txt");
  const check::Report report = checker().check_text(clean.text, "clean-easy-read.txt");
  CHECK(report.stats.sentences >= 44);
  for (const Diagnostic& d : report.diagnostics.items())
    std::printf("  clean-easy-read.txt:%d: %s [%s]\n", d.span.line, d.message.c_str(), d.rule.c_str());
  std::printf("clean Easy Read: %zu findings in %d sentences\n", report.diagnostics.items().size(),
              report.stats.sentences);
  CHECK(report.diagnostics.items().size() <= 1);
}

TEST_CASE("respectful sentences get no disability-language finding", "[scoring]") {
  const MarkedText respectful = read_marked(kSetFolder + "/respectful.txt");
  const check::Report report = checker().check_text(respectful.text, "respectful.txt");
  for (const Diagnostic& d : report.diagnostics.items())
    CHECK_FALSE((d.rule == "disability-language" && (std::printf("  %s\n", d.message.c_str()), true)));
}
