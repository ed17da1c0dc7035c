// What the draft marks in each sentence: abbreviations spelled out earlier,
// jargon from the checker's word lists, and the Easy Read rules it breaks.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "check/check.hpp"

namespace easyread::draft::detail {

// A piece of a sentence: plain words, or a hard word to explain.
struct Piece {
  std::string text;
  bool hard = false;
};

struct MarkedSentence {
  std::vector<Piece> pieces;
  std::vector<std::string> notes;  // what to change, in plain words
};

// A hard word and its plain meaning, in the order they were first met.
struct WordToKnow {
  std::string term;
  std::string meaning;
};

class SentenceMarker {
 public:
  explicit SentenceMarker(const check::Checker& checker) : checker_(checker) {}
  // Marks sentences in reading order, with one run of the checker for all of
  // them. Abbreviations that the text spelled out before ("Care Quality
  // Commission (CQC)") get their long form.
  std::vector<MarkedSentence> mark(const std::vector<std::string>& sentences);
  const std::vector<WordToKnow>& words() const { return words_; }

 private:
  struct Expanded {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> names;  // where long forms are: not jargon
  };
  Expanded expand_abbreviations(std::string_view sentence);
  void add_word(std::string_view term, std::string_view suggestion);
  const check::Checker& checker_;
  std::map<std::string, std::string, std::less<>> long_forms_;  // "CQC" -> "Care Quality Commission"
  std::vector<WordToKnow> words_;
};

// Adds a full stop to words that do not end a sentence yet ("Room hire" ->
// "Room hire."), so that lines kept together are read as separate sentences.
std::string end_sentence(std::string_view text);

}  // namespace easyread::draft::detail
