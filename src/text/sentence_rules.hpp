// Sentence rules that ICU's break iterator does not know (private to text/).
#pragma once
#include <array>
#include <memory>
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

// The text as ICU reads it, in UTF-16, made in one pass:
// - wrapped lines are joined: a single line end becomes a space (a blank
//   line, even one of spaces, still ends a sentence);
// - the middle of each long run of plain ASCII (no '.', '!', '?', line end or
//   other control) is left out, because ICU would only read through it: a
//   sentence can end only after one of those. A cut goes from after a small
//   letter to after another one, so ICU's rules are in the same state when
//   they read on (UAX #29: after a letter, nothing before it matters), and
//   whether a stop ends a sentence is known by the first letter after it,
//   which comes before the cut. Each run keeps its last 8 units, because
//   the abbreviation filter reads back from a stop through one abbreviation:
//   at most 6 letters of a run (ICU 72's "Approx." and our "approx."; with
//   5 kept, sentence ends change), and its first 6, because the filter may
//   read on through an abbreviation's later parts (at most 4 units of a run,
//   "Cdr" of "Lt.Cdr." and the unit after it). The sentence ends stay the
//   same (checked on 630 MB of text).
// - in English, sentence ends that are sure without ICU (a stop after a word
//   of small letters, a space and a capital; see sure_end_after) count as
//   plain, so that the middle left out spans them; where the sentences after
//   those left out start goes in `sure_ends` (byte offsets, in order).
// `shifts` says where each unit came from: from unit `at` on (until the next
// shift), the unit's byte offset is the unit plus `delta`.
struct Shift {
  std::size_t at = 0, delta = 0;
};
// UTF-16 units in room that is kept from text to text and never filled
// first (a std::u16string fills it with zeros: megabytes for a big file).
struct Units {
  std::unique_ptr<char16_t[]> room;
  std::size_t size = 0, capacity = 0;
};
// What may be left out: `runs` only under Unicode's own sentence rules (a
// language that ends sentences with other marks gets every unit), and sure
// ends only in English.
struct Shorten {
  bool runs = true, sure_ends = true;
};
void to_short_utf16(std::string_view utf8, Shorten shorten, Units& units, std::vector<Shift>& shifts,
                    std::vector<std::size_t>& sure_ends);

// Appends `sentence` to `out`, split before sentences that start with a number.
void split_before_numbers(std::string_view text, Range sentence, std::vector<Range>& out, bool english);

}  // namespace easyread::text::detail
