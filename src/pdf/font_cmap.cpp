#include "pdf/font_cmap.hpp"

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "pdf/harfbuzz.hpp"

namespace easyread::pdf {

namespace {

// A code and its glyph.
struct Mapping {
  std::uint16_t code, glyph;
};

// Codes first to last, listed glyph by glyph (0 in the gaps).
struct Segment {
  std::uint16_t first, last;
  std::size_t first_mapping;  // index into the mappings
};

void put16(std::string& out, unsigned value) {
  out += static_cast<char>((value >> 8) & 0xFF);
  out += static_cast<char>(value & 0xFF);
}

void put32(std::string& out, std::uint32_t value) {
  put16(out, value >> 16);
  put16(out, value & 0xFFFF);
}

// Every letter the face maps in the Basic Multilingual Plane, in order
// (format 4 holds 16-bit codes only; libharu draws no others anyway).
std::vector<Mapping> letters_of(hb_face_t* face) {
  const HbFont font(hb_font_create(face));
  std::vector<Mapping> out;
  for (hb_codepoint_t code : unicodes_of(face)) {
    if (code >= 0xFFFF) break;
    hb_codepoint_t glyph = 0;
    if (hb_font_get_nominal_glyph(font.get(), code, &glyph) && glyph != 0 && glyph <= 0xFFFF)
      out.push_back({static_cast<std::uint16_t>(code), static_cast<std::uint16_t>(glyph)});
  }
  return out;
}

// The cmap table, or empty if it would be too big for format 4.
std::string compact_cmap(const std::vector<Mapping>& letters) {
  std::vector<Segment> segments;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    if (segments.empty() || letters[i].code - segments.back().last > static_cast<int>(cmap_gap_to_join))
      segments.push_back({letters[i].code, letters[i].code, i});
    else
      segments.back().last = letters[i].code;
  }
  std::size_t glyph_slots = 0;
  for (const Segment& s : segments) glyph_slots += s.last - s.first + 1u;
  const std::size_t seg_count = segments.size() + 1;  // and the closing 0xFFFF segment
  const std::size_t length = 16 + 8 * seg_count + 2 * glyph_slots;
  if (length > 0xFFFF) return {};

  std::string t;
  put16(t, 0);   // cmap version
  put16(t, 1);   // one subtable
  put16(t, 3);   // Windows
  put16(t, 1);   // Unicode BMP
  put32(t, 12);  // the subtable starts after this header
  unsigned search_range = 2, entry_selector = 0;
  while (search_range * 2 <= seg_count * 2) {
    search_range *= 2;
    ++entry_selector;
  }
  put16(t, 4);  // format
  put16(t, static_cast<unsigned>(length));
  put16(t, 0);  // language
  put16(t, static_cast<unsigned>(seg_count * 2));
  put16(t, search_range);
  put16(t, entry_selector);
  put16(t, static_cast<unsigned>(seg_count * 2 - search_range));
  for (const Segment& s : segments) put16(t, s.last);
  put16(t, 0xFFFF);
  put16(t, 0);  // reserved
  for (const Segment& s : segments) put16(t, s.first);
  put16(t, 0xFFFF);
  for (std::size_t i = 0; i < segments.size(); ++i) put16(t, 0);  // glyphs come from the array
  put16(t, 1);                                                    // 0xFFFF -> glyph 0
  // Each range offset counts bytes from itself to the segment's first glyph.
  std::size_t slots_before = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    put16(t, static_cast<unsigned>(2 * (seg_count - i + slots_before)));
    slots_before += segments[i].last - segments[i].first + 1u;
  }
  put16(t, 0);
  for (const Segment& s : segments) {
    std::size_t next = s.first_mapping;
    for (unsigned code = s.first; code <= s.last; ++code) {
      if (next < letters.size() && letters[next].code == code)
        put16(t, letters[next++].glyph);
      else
        put16(t, 0);
    }
  }
  return t;
}

}  // namespace

std::string font_with_compact_cmap(hb_blob_t* font_file) {
  // A face read from the file: a subset's own face (a "builder") cannot
  // list its tables.
  const Face file_face(hb_face_create(font_file, 0));
  hb_face_t* face = file_face.get();
  const std::vector<Mapping> letters = letters_of(face);
  if (letters.empty()) return {};
  std::string cmap = compact_cmap(letters);
  if (cmap.empty()) return {};

  const Face builder(hb_face_builder_create());
  for (hb_tag_t tag : table_tags(face)) {
    if (tag == HB_TAG('c', 'm', 'a', 'p')) continue;
    const Blob table(hb_face_reference_table(face, tag));
    if (!hb_face_builder_add_table(builder.get(), tag, table.get())) return {};
  }
  const Blob cmap_blob(hb_blob_create(
      cmap.data(), static_cast<unsigned int>(cmap.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  if (!hb_face_builder_add_table(builder.get(), HB_TAG('c', 'm', 'a', 'p'), cmap_blob.get())) return {};
  const Blob out(hb_face_reference_blob(builder.get()));
  unsigned int length = 0;
  const char* data = hb_blob_get_data(out.get(), &length);
  return std::string(data != nullptr ? data : "", data != nullptr ? length : 0);
}

}  // namespace easyread::pdf
