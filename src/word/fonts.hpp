// Fonts for the Word file: each face cut down (with HarfBuzz) to the letters
// people type in English and Welsh plus every letter the document uses, so
// the file stays small and can still be edited, then obfuscated as ECMA-376
// says. Andika's licence allows embedding.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "word/package.hpp"
#include "word/parts.hpp"
#include "word/word.hpp"

namespace easyread::word {

// Adds the faces to the package (word/fonts/) and their relationships part.
// `used` holds every code point of the document's text.
std::vector<EmbeddedFont> embed_fonts(const std::vector<FontFile>& fonts, const std::u32string& used,
                                      Resources& cache, Package& package, const std::string& file,
                                      Diagnostics& diags);

// How tall Word and LibreOffice make a "single" line of this family, as a
// share of the font size (from the font's OS/2 usWin metrics: 1.61 for
// Andika). Word's line spacing multiplies this, while the PDF's multiplies
// the font size itself. nullopt when the family's regular face is not there.
std::optional<double> single_line_ratio(const std::vector<FontFile>& fonts, const std::string& family);

}  // namespace easyread::word
