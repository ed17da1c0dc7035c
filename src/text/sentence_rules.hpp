// Sentence rules that ICU's break iterator does not know (private to text/).
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.hpp"

namespace easyread::text::detail {

// ICU's own list of abbreviations misses several that are common in UK
// letters and minutes ("Dr. Patel", "Cllr. Jones"); a break after them would
// split one sentence in two.
inline constexpr std::array kEnglishAbbreviations = {
    "Dr.", "Mr.", "Mrs.", "Ms.", "Mx.", "Prof.", "Cllr.", "Rev.", "St.", "Sr.", "Jr.",
    "e.g.", "i.e.", "approx.", "no.", "No.", "vs.", "tel.", "Tel.", "ref.", "Ref."};

// The text as UTF-16 for ICU, with wrapped lines joined by spaces (a blank
// line still ends a sentence). `byte_at[k]` is the byte offset of unit k, with
// one more entry for the end; it is left empty when the text is all ASCII,
// because then the two offsets are the same.
void to_joined_utf16(std::string_view utf8, std::u16string& units, std::vector<std::size_t>& byte_at);

// Where shorten_plain_runs took units out: from unit `at` of the shortened
// text on, add `removed` to find the unit in the text it was given.
struct Cut {
  std::size_t at = 0, removed = 0;
};
// Takes the middle out of long runs of plain ASCII (no '.', '!', '?' or line
// end), which ICU would only read through: a sentence can end only after one
// of those. Each run keeps its first and last 16 units, so ICU still sees all
// it looks at around a sentence end (the abbreviation filter looks back at
// most 10), and a cut goes from after a small letter to after another one, so
// ICU's rules are in the same state when they read on (UAX #29: after a
// letter, nothing before it matters). The sentence ends stay the same.
void shorten_plain_runs(std::u16string& units, std::vector<Cut>& cuts);

// Appends `sentence` to `out`, split before sentences that start with a number.
void split_before_numbers(std::string_view text, Range sentence, std::vector<Range>& out, bool english);

}  // namespace easyread::text::detail
