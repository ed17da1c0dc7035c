// Writes a Drawing (base/graphics.hpp) back out as SVG text: the shapes as
// easyread understood them, so that every output shows the same picture.
// The web page puts this text inline; the Word file stores it as a part.
#pragma once
#include <string>

#include "base/graphics.hpp"

namespace easyread {

// A standalone SVG document with the drawing's viewBox, `width` and `height`
// in CSS pixels (0 leaves them out), and no script, text or links.
std::string drawing_to_svg(const Drawing& drawing, double width = 0, double height = 0);

}  // namespace easyread
