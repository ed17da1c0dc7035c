// Splitting one sentence into words, numbers and the punctuation the rules
// look at. Our own small scanner rather than ICU's word breaks: it must keep
// "A&E", "e.g.", "don't", "10:30am", "12/03/2027" and "45%" whole, mark
// hyphens ("wheelchair-bound") and quotes, and be fast on big files.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace easyread::check::detail {

struct Token {
  enum class Kind : unsigned char { word, number, symbol };
  std::size_t begin = 0, end = 0;  // bytes in the text given to tokenize()
  // Case-folded text (symbols: the character). It points into the text when
  // that is in small letters already, else into tokenize()'s `folded`.
  std::string_view lower;
  Kind kind = Kind::word;
  bool joined = false;             // a hyphen joins it to the token before
  bool quoted = false;             // inside "double quotes"
  bool all_caps = false;           // 2 or more letters, all capitals
  bool capitalised = false;        // first letter is a capital
  bool percent = false;            // numbers: "45%"
  bool apostrophe = false;         // words: an apostrophe inside ("don't")
  int capitals = 0;                // capital letters in a word
  int letters = 0;                 // letters (code points) in a word
  int syllables = 0;               // words: filled in by the checker
};

// Tokens of text[begin, end), with offsets into `text`. `out` is cleared first
// (its memory is kept, so one vector serves a whole file). Words that need
// folding to small letters are folded into `folded`: the tokens' `lower`
// stays valid while `text` and `folded` are not changed.
void tokenize(std::string_view text, std::size_t begin, std::size_t end, std::vector<Token>& out,
              std::string& folded);

// Number of words for sentence length: hyphenated words count once.
int count_words(const std::vector<Token>& tokens);

}  // namespace easyread::check::detail
