// The HarfBuzz owners and face helpers, shared with the layout stage's
// font subsetter. Private to src/pdf.
#pragma once
#include "layout/harfbuzz.hpp"

namespace easyread::pdf {
using layout::Blob;
using layout::Face;
using layout::HbFont;
using layout::HbFree;
using layout::HbSet;
using layout::SubsetInput;
using layout::table_tags;
using layout::unicodes_of;
}  // namespace easyread::pdf
