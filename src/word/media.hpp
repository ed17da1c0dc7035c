// Picture files for the Word package: symbols as SVG with a PNG fallback
// (drawn with librsvg), photos turned upright from their EXIF orientation.
#pragma once
#include <string>
#include <vector>

#include "base/deadline.hpp"
#include "base/graphics.hpp"

namespace easyread::word {

class Resources;

struct PictureFiles {
  std::string main;       // PNG or JPEG bytes: what every Word version shows
  std::string extension;  // "png" or "jpeg"
  std::string svg;        // the SVG, for Word versions that can show it; may be empty
  int pixel_width = 0, pixel_height = 0;
};

// The files for one picture shown `box_points` wide at most. Symbols are
// drawn at 300 dots per inch and kept in `cache`. Empty `main` and a reason
// in `error` if a picture cannot be made.
PictureFiles picture_files(const Picture& picture, double box_points, Resources& cache,
                           std::string& error);

// A picture of the document and the square box it is shown in, in points.
struct PictureToDraw {
  const Picture* picture = nullptr;
  double box_points = 0;
};

// Draws the PNG pictures of the symbols among `pictures` into `cache`, two at
// a time where the machine has more than one core: drawing and packing them
// is most of a Word file's time. picture_files then finds them there. A
// symbol that cannot be drawn is left for picture_files to report.
// Stops early once `deadline` has passed (the body writer then says so).
void draw_symbols_ahead(const std::vector<PictureToDraw>& pictures, Resources& cache, Deadline deadline);

}  // namespace easyread::word
