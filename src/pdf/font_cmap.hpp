// A character map for subset fonts that libharu reads quickly. Private to
// src/pdf.
//
// When libharu makes a font for UTF-8 text it asks the font's cmap for
// the glyph of every one of the 65,536 codes, and each question walks the
// cmap's segments from the first. HarfBuzz's subset cmap has a segment
// for each run of letters (about 25 for English text), so that walk cost
// about 13 million instructions a font. Here the runs are joined into a
// few segments that list their glyphs (codes in the gaps get glyph 0,
// which means "no glyph"), so each question takes a step or two.
#pragma once
#include <hb.h>

#include <string>

namespace easyread::pdf {

// The gap (in codes) up to which two runs of letters share one segment:
// a gap costs 2 bytes a code in the font file, a segment costs 8 bytes
// and a step for every question after it.
inline constexpr unsigned cmap_gap_to_join = 256;

// The TrueType `font_file` with its cmap replaced by a single Windows
// Unicode (3,1) format 4 table with the same letters and glyphs, in few
// segments. Empty if the font has no letters or the table would not fit
// (format 4 is at most 64 KB): then keep the font as it is.
std::string font_with_compact_cmap(hb_blob_t* font_file);

}  // namespace easyread::pdf
