// Turns a vector Drawing into the content of a PDF Form XObject, in the
// drawing's own coordinates (SVG user units, y pointing down).
#pragma once
#include <map>
#include <string>
#include <utility>

#include "base/graphics.hpp"

namespace easyread::pdf {

struct FormContent {
  std::string operators;
  // Opacity states the content uses: resource name -> (fill, stroke) alpha.
  std::map<std::string, std::pair<double, double>> opacities;
};

// Operators for every shape of `drawing`: paths (m l c h), fills (f, f*),
// strokes (w J j M d, S), clips (W n, W* n), shape matrices (q cm Q) and
// opacity (gs with names "GS<fill>_<stroke>" in thousandths).
FormContent drawing_operators(const Drawing& drawing);

}  // namespace easyread::pdf
