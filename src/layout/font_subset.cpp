#include "layout/font_subset.hpp"

#include <algorithm>

#include "layout/harfbuzz.hpp"

namespace easyread::layout {
namespace {

// The tables that TrueType outlines need to be drawn and measured. Keeping
// GSUB would also keep glyphs for ligatures and alternates nobody draws.
constexpr hb_tag_t kOutlineTables[] = {
    HB_TAG('O', 'S', '/', '2'), HB_TAG('c', 'm', 'a', 'p'), HB_TAG('c', 'v', 't', ' '),
    HB_TAG('f', 'p', 'g', 'm'), HB_TAG('g', 'l', 'y', 'f'), HB_TAG('h', 'e', 'a', 'd'),
    HB_TAG('h', 'h', 'e', 'a'), HB_TAG('h', 'm', 't', 'x'), HB_TAG('l', 'o', 'c', 'a'),
    HB_TAG('m', 'a', 'x', 'p'), HB_TAG('n', 'a', 'm', 'e'), HB_TAG('p', 'o', 's', 't'),
    HB_TAG('p', 'r', 'e', 'p')};

void drop_other_tables(hb_face_t* face, hb_subset_input_t* input) {
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t tag : table_tags(face))
    if (std::find(std::begin(kOutlineTables), std::end(kOutlineTables), tag) == std::end(kOutlineTables))
      hb_set_add(drop, tag);
}

bool has_outlines(hb_face_t* face) {
  Blob outlines(hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f')));
  return hb_blob_get_length(outlines.get()) > 0;
}

}  // namespace

std::optional<std::string> subset_font(const std::string& path, const std::set<char32_t>& codes,
                                       bool keep_hinting) {
  Blob blob(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!blob) return std::nullopt;
  Face face(hb_face_create(blob.get(), 0));
  if (!has_outlines(face.get())) return std::nullopt;
  SubsetInput input(hb_subset_input_create_or_fail());
  if (!input) return std::nullopt;
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  hb_set_add(unicodes, U' ');
  for (char32_t cp : codes) hb_set_add(unicodes, cp);
  drop_other_tables(face.get(), input.get());
  if (!keep_hinting) hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  Face subset(hb_subset_or_fail(face.get(), input.get()));
  if (!subset) return std::nullopt;
  Blob subset_blob(hb_face_reference_blob(subset.get()));
  unsigned int length = 0;
  const char* data = hb_blob_get_data(subset_blob.get(), &length);
  if (data == nullptr || length == 0) return std::nullopt;
  return std::string(data, length);
}

}  // namespace easyread::layout
