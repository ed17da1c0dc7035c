// Owners for HarfBuzz objects, and the two questions the PDF writer and
// the font subsetter ask of a font face. For src/layout and src/pdf.
#pragma once
#include <hb-subset.h>
#include <hb.h>

#include <memory>
#include <vector>

namespace easyread::layout {

struct HbFree {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
  void operator()(hb_font_t* f) const { hb_font_destroy(f); }
  void operator()(hb_set_t* s) const { hb_set_destroy(s); }
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
using Blob = std::unique_ptr<hb_blob_t, HbFree>;
using Face = std::unique_ptr<hb_face_t, HbFree>;
using HbFont = std::unique_ptr<hb_font_t, HbFree>;
using HbSet = std::unique_ptr<hb_set_t, HbFree>;
using SubsetInput = std::unique_ptr<hb_subset_input_t, HbFree>;

// Every code point the face has a glyph for, in order.
inline std::vector<hb_codepoint_t> unicodes_of(hb_face_t* face) {
  const HbSet codes(hb_set_create());
  hb_face_collect_unicodes(face, codes.get());
  std::vector<hb_codepoint_t> out;
  for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(codes.get(), &cp);) out.push_back(cp);
  return out;
}

// The tags of all the face's tables.
inline std::vector<hb_tag_t> table_tags(hb_face_t* face) {
  std::vector<hb_tag_t> out;
  hb_tag_t tags[32];
  unsigned int start = 0, count = 0;
  do {
    count = 32;
    hb_face_get_table_tags(face, start, &count, tags);
    out.insert(out.end(), tags, tags + count);
    start += count;
  } while (count == 32);
  return out;
}

}  // namespace easyread::layout
