// The checks a reader would make on a built document, as functions with
// Catch2 assertions inside, so one build can go through all of them.
#pragma once
#include <vector>

#include "built_sample.hpp"

namespace e2e {

// Pages are rendered at 72 dpi for the pixel checks: one pixel is one point.
constexpr int kRenderDpi = 72;

// Each sentence starts at the text column's left edge on a new line, and all
// its words stay inside the text column. List items start just right of it.
void check_sentence_starts(const BuiltSample& s);

// A sentence's line ends only where the next word would not fit: no line of
// it is cut short, so it reads as one sentence, not two.
void check_lines_full(const BuiltSample& s, const Found& sentence);

// Lines of one sentence are the template's line spacing apart (1.5 times the
// body size by default); sentences of a row are at least that far apart.
void check_line_spacing(const BuiltSample& s);

// Each section heading is on the same page as the section's first row.
void check_headings_kept_with_rows(const BuiltSample& s);

// All the sentences and list items of a row are on one page.
void check_rows_whole(const BuiltSample& s);

// Text drawn above the footer is at least the template's body size (from the
// content streams' Tf operators), and row words' boxes are that tall.
void check_text_sizes(const BuiltSample& s);

// Each row's picture shows in the picture column beside its first line and no
// word overlaps it; a row with picture="none" has an empty picture column.
void check_pictures(const BuiltSample& s, const std::vector<Image>& grey_pages);

// No ink outside the margins except the page number.
void check_margins(const BuiltSample& s, const std::vector<Image>& grey_pages);

// All text is painted in a colour with a contrast of at least 4.5 to 1
// against the template's page background (WCAG 2 formula).
void check_text_contrast(const BuiltSample& s);

// "Page N of M" on every page but the cover, centred in the bottom margin,
// with M the real number of pages.
void check_footers(const BuiltSample& s);

// All of the above on one build.
void check_layout(const BuiltSample& s);

}  // namespace e2e
