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

// Wrapped lines joined with spaces (a blank line still ends a sentence). Same length.
std::string join_wrapped_lines(std::string_view utf8);

// Appends `sentence` to `out`, split before sentences that start with a number.
void split_before_numbers(std::string_view text, Range sentence, std::vector<Range>& out, bool english);

}  // namespace easyread::text::detail
