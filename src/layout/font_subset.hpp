// Cuts a TrueType font down to the letters a document uses, with
// HarfBuzz. The PDF and the web page embed fonts made by this one function,
// so both keep the same glyphs and the same tables.
#pragma once
#include <optional>
#include <set>
#include <string>

namespace easyread::layout {

// The TrueType file at `path` with only the glyphs for `codes` (and the
// space), and only the tables that draw and measure TrueType outlines:
// no GSUB, GPOS or Graphite, since neither output shapes text. Empty when
// the file will not open, has no TrueType outlines ('glyf'), or HarfBuzz
// cannot subset it.
// With `keep_hinting` false, the hinting instructions (which only old,
// low-resolution screens use) are left out too: a smaller web page.
std::optional<std::string> subset_font(const std::string& path, const std::set<char32_t>& codes,
                                       bool keep_hinting = true);

}  // namespace easyread::layout
