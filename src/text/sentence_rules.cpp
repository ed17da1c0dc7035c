// Where English sentences end, beyond Unicode's own rules.
#include "text/sentence_rules.hpp"

namespace easyread::text::detail {
namespace {

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_abbreviation(std::string_view word_with_stop) {
  for (const char* a : kEnglishAbbreviations)
    if (word_with_stop == a) return true;
  return false;
}

}  // namespace

// ICU ends a sentence at every line end. Authors and PDFs wrap lines in the
// middle of sentences, so a single line end counts as a space; a blank line
// still ends a sentence (headings and list items often have no full stop).
// Same length, so offsets stay the same.
std::string join_wrapped_lines(std::string_view utf8) {
  std::string out(utf8);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] != '\n' && out[i] != '\r') continue;
    std::size_t j = i + 1;
    while (j < out.size() && (out[j] == ' ' || out[j] == '\t' || out[j] == '\r')) ++j;
    bool blank_line_follows = j < out.size() && out[j] == '\n';
    if (!blank_line_follows) out[i] = ' ';
    else i = j;
  }
  return out;
}

// Easy Read writes numbers as digits, so sentences often start with one:
// "12 members came. 3 supporters came to help." Unicode's rules (UAX #29)
// keep that together, because a small letter follows the number. Split
// after ". " + digit, unless the word before the stop is a known
// abbreviation ("No. 5") or a single letter ("p. 5").
void split_before_numbers(std::string_view text, Range sentence, std::vector<Range>& out,
                          bool english) {
  std::size_t start = sentence.begin;
  for (std::size_t i = sentence.begin; i + 2 < sentence.end; ++i) {
    char c = text[i];
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t j = i + 1;
    if (!is_space_byte(text[j])) continue;
    while (j < sentence.end && is_space_byte(text[j])) ++j;
    if (j >= sentence.end || text[j] < '0' || text[j] > '9') continue;
    std::size_t word = i;
    while (word > start && is_ascii_letter(text[word - 1])) --word;
    if (c == '.') {
      if (i - word < 2) continue;  // a single letter or no word: "p. 5", "5. 6"
      if (english && is_abbreviation(text.substr(word, i + 1 - word))) continue;
    }
    out.push_back({start, i + 1});
    start = j;
  }
  out.push_back({start, sentence.end});
}

}  // namespace easyread::text::detail
