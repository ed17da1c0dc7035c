// The subset font's character map is rebuilt in few segments so libharu
// reads it quickly; every letter must keep its glyph.
#include <hb-subset.h>
#include <hb.h>

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "pdf/font_cmap.hpp"
#include "pdf/harfbuzz.hpp"
#include "pdf/utf8.hpp"
#include "pdf_support.hpp"

namespace {

using easyread::pdf::Blob;
using easyread::pdf::Face;
using Font = easyread::pdf::HbFont;

// Andika cut down to the letters of `text`, as the PDF writer does it.
Blob subset_of(const std::string& text) {
  Blob file(hb_blob_create_from_file_or_fail(pdftest::andika_regular.c_str()));
  REQUIRE(file);
  Face face(hb_face_create(file.get(), 0));
  const easyread::pdf::SubsetInput input(hb_subset_input_create_or_fail());
  REQUIRE(input);
  for (char32_t cp : easyread::pdf::decode_utf8(text)) hb_set_add(hb_subset_input_unicode_set(input.get()), cp);
  Face subset(hb_subset_or_fail(face.get(), input.get()));
  REQUIRE(subset);
  return Blob(hb_face_reference_blob(subset.get()));
}

hb_codepoint_t glyph_of(hb_font_t* font, hb_codepoint_t code) {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(font, code, &glyph) ? glyph : 0;
}

// The segment count of the font's first cmap subtable (format 4).
unsigned cmap_segments(hb_face_t* face) {
  Blob cmap(hb_face_reference_table(face, HB_TAG('c', 'm', 'a', 'p')));
  unsigned int length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(hb_blob_get_data(cmap.get(), &length));
  REQUIRE(length >= 20);
  const unsigned offset = (data[8] << 24) | (data[9] << 16) | (data[10] << 8) | data[11];
  REQUIRE(offset + 8 <= length);
  REQUIRE(((data[offset] << 8) | data[offset + 1]) == 4);
  return ((data[offset + 6] << 8) | data[offset + 7]) / 2;
}

}  // namespace

TEST_CASE("pdf font character map keeps every letter's glyph in few segments", "[pdf]") {
  const std::string text =
      "The Quick brown fox: 'jumps' over 12 lazy dogs! Caf\u00e9 na\u00efve \u2019quoted\u2019 "
      "\u2013 \u20ac5, 50% (yes) [no] {maybe} #1 & @home ~ ^ | \\ / Hx";
  Blob subset = subset_of(text);
  const std::string rebuilt = easyread::pdf::font_with_compact_cmap(subset.get());
  REQUIRE_FALSE(rebuilt.empty());

  Face old_face(hb_face_create(subset.get(), 0));
  Blob new_blob(hb_blob_create(rebuilt.data(), static_cast<unsigned int>(rebuilt.size()),
                               HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  Face new_face(hb_face_create(new_blob.get(), 0));
  Font old_font(hb_font_create(old_face.get()));
  Font new_font(hb_font_create(new_face.get()));
  for (hb_codepoint_t code = 0; code < 0xFFFF; ++code) {
    const hb_codepoint_t before = glyph_of(old_font.get(), code), after = glyph_of(new_font.get(), code);
    if (before != after) FAIL_CHECK("U+" << std::hex << code << ": glyph " << before << " became " << after);
  }
  CHECK(glyph_of(new_font.get(), U'\u20ac') != 0);
  CHECK(glyph_of(new_font.get(), U'Q') != 0);
  CHECK(hb_face_get_glyph_count(new_face.get()) == hb_face_get_glyph_count(old_face.get()));
  // Letters from 0x20 to 0x20AC: ASCII and Latin-1 share one segment, the
  // punctuation near 0x2000 and the euro another, then the closing one.
  CHECK(cmap_segments(old_face.get()) > 10);
  CHECK(cmap_segments(new_face.get()) == 3);
  // Every other table is kept as it was, except the whole-file checksum
  // in 'head' (bytes 8 to 11), which changes with the file.
  for (hb_tag_t tag : {HB_TAG('g', 'l', 'y', 'f'), HB_TAG('h', 'm', 't', 'x'), HB_TAG('h', 'e', 'a', 'd'),
                       HB_TAG('O', 'S', '/', '2'), HB_TAG('l', 'o', 'c', 'a'), HB_TAG('n', 'a', 'm', 'e')}) {
    Blob before(hb_face_reference_table(old_face.get(), tag)), after(hb_face_reference_table(new_face.get(), tag));
    unsigned int before_length = 0, after_length = 0;
    const char* before_data = hb_blob_get_data(before.get(), &before_length);
    const char* after_data = hb_blob_get_data(after.get(), &after_length);
    std::string old_table(before_data, before_length), new_table(after_data, after_length);
    if (tag == HB_TAG('h', 'e', 'a', 'd') && old_table.size() >= 12 && new_table.size() >= 12) {
      old_table.replace(8, 4, 4, '\0');
      new_table.replace(8, 4, 4, '\0');
    }
    CHECK(old_table == new_table);
  }
}

TEST_CASE("pdf font character map is the same bytes each time", "[pdf]") {
  Blob subset = subset_of("Same bytes, same font.");
  CHECK(easyread::pdf::font_with_compact_cmap(subset.get()) ==
        easyread::pdf::font_with_compact_cmap(subset.get()));
}
