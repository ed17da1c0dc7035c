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

// Appends `sentence` to `out`, split before sentences that start with a number.
void split_before_numbers(std::string_view text, Range sentence, std::vector<Range>& out, bool english);

}  // namespace easyread::text::detail
