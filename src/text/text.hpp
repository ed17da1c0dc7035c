// Text services from ICU: sentences, words, line breaks, case and dates.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"

namespace easyread::text {

// A half-open range of bytes in a UTF-8 string.
struct Range {
  std::size_t begin = 0, end = 0;
};

// Break iterators for one language, made once and reused (they are costly to
// make). Not thread-safe: use one per thread.
class Segmenter {
 public:
  explicit Segmenter(const std::string& lang);
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;

  // Sentences, with surrounding white space trimmed. "Dr. Patel", "e.g." and
  // "12.30" do not end a sentence.
  std::vector<Range> sentences(std::string_view utf8) const;
  // Words and numbers only (no spaces or punctuation).
  std::vector<Range> words(std::string_view utf8) const;
  // Byte offsets where a line may break (after the space), not counting 0.
  std::vector<std::size_t> line_breaks(std::string_view utf8) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Case folding for comparing words ("Doctors" and "doctors" match).
std::string fold_case(std::string_view utf8);
// Lower case with the rules of `lang`.
std::string to_lower(std::string_view utf8, const std::string& lang);

// Writes dates and times in full for one language. ICU's formatters are
// costly to make, so make one DateWriter and reuse it.
class DateWriter {
 public:
  explicit DateWriter(const std::string& lang);
  ~DateWriter();
  DateWriter(DateWriter&&) noexcept;
  DateWriter& operator=(DateWriter&&) noexcept;
  // "Wednesday 11 January 2027" (or the language's own long form).
  std::string long_date(const Date& date) const;
  // "12:30pm" in English; the language's own form elsewhere.
  std::string time(const ClockTime& time) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One-off forms of DateWriter's functions.
std::string format_long_date(const Date& date, const std::string& lang);
std::string format_time(const ClockTime& time, const std::string& lang);

// Groups of words that must stay on one line: phone and NHS numbers
// ("01484 342000"), postcodes, times ("10 am"), dates ("Monday 14 March 2027"),
// amounts ("£ 12", "12 pounds"), and a title with its name ("Dr Okafor").
// A line may start or end at a range's ends, never inside it.
std::vector<Range> unbreakable_ranges(std::string_view utf8);
// English date words, any capitals: "March" or "Mar" -> 3; "Monday" or "Mon" -> 1 (Sunday 7);
// "3", "3rd" -> 3. 0 when the word is not one.
int english_month(std::string_view word);
int english_weekday(std::string_view word);
int day_of_month(std::string_view word);

// Collapses runs of white space (including line ends) into one space.
std::string fold_white_space(std::string_view utf8);
// Adds the words of `utf8` to `out`, each after one space unless `out` is
// empty: pieces added one after another give what fold_white_space gives
// for the pieces joined by spaces.
void append_folded_white_space(std::string& out, std::string_view utf8);

// Levenshtein distance over bytes, ASCII letters compared without case (for
// "did you mean" suggestions; names are mostly ASCII).
std::size_t edit_distance(std::string_view a, std::string_view b);

// Number of Unicode code points in a UTF-8 string.
std::size_t count_code_points(std::string_view utf8);
// The byte offset `count` code points after `pos` (or the end of the string).
// Counts like count_code_points. Fast on ASCII, which most text is.
std::size_t skip_code_points(std::string_view utf8, std::size_t pos, std::size_t count);
// Decodes one code point at `pos`, moving `pos` past it. Bad bytes, overlong
// forms and surrogates give U+FFFD.
char32_t next_code_point(std::string_view utf8, std::size_t& pos);

// A place in a text: a byte offset, with its line and column (from 1;
// columns count code points).
struct TextPlace {
  std::size_t offset = 0;
  int line = 1, column = 1;
};
// The place of byte `to`, counted on from `from` (at or before it): whole
// lines with memchr, then the code points on the last line. For many places
// in one pass, keep the last place and walk on from it.
TextPlace walk_to(std::string_view text, TextPlace from, std::size_t to);

// Finds line and column (in code points) of byte offsets, after indexing the
// line starts once.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  struct Position {
    int line = 1, column = 1;
  };
  Position at(std::size_t byte_offset) const;
  std::string_view line_text(int line) const;  // without the line end

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

}  // namespace easyread::text
