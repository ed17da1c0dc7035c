// Value types for pictures, shared by the stage that loads them (symbols/),
// the stage that places them (layout/) and the stage that draws them (pdf/).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace easyread {

// sRGB colour, each channel 0..1.
struct Color {
  double r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

// Affine matrix as in PDF and SVG: [a b c d e f] maps (x, y) to
// (a*x + c*y + e, b*x + d*y + f).
struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  // The matrix that applies this one first, then `outer` (PDF's row-vector
  // order: p * this * outer).
  Matrix then(const Matrix& outer) const;
  bool is_identity() const { return a == 1 && b == 0 && c == 0 && d == 1 && e == 0 && f == 0; }
  bool operator==(const Matrix&) const = default;
};

struct PathCommand {
  enum class Op { move, line, cubic, close };
  Op op = Op::move;
  double pts[6] = {0, 0, 0, 0, 0, 0};  // move/line: x y; cubic: x1 y1 x2 y2 x y
};

struct Path {
  std::vector<PathCommand> commands;
};

enum class LineCap { butt, round, square };
enum class LineJoin { miter, round, bevel };

struct Stroke {
  Color color;
  double width = 1;
  LineCap cap = LineCap::butt;
  LineJoin join = LineJoin::miter;
  double miter_limit = 4;  // SVG's default, not PDF's 10
  std::vector<double> dash;
  double dash_offset = 0;
  double opacity = 1;
};

struct Fill {
  Color color;
  bool even_odd = false;
  double opacity = 1;
};

// A clipping region: the union of its paths, each with its own matrix.
struct Clip {
  std::vector<Path> paths;
  std::vector<Matrix> matrices;  // one per path, user space to drawing space
  bool even_odd = false;
};

// One painted shape. Coordinates are in the drawing's own space (SVG user
// units, y pointing down); `matrix` maps them into the viewBox space.
struct Shape {
  Path path;
  Matrix matrix;
  std::optional<Fill> fill;
  std::optional<Stroke> stroke;
  bool stroke_first = false;  // SVG paint-order="stroke"
  int clip = -1;              // index into Drawing::clips, or -1
};

// A vector picture, such as an SVG file or an OpenMoji symbol.
struct Drawing {
  double view_x = 0, view_y = 0, view_width = 72, view_height = 72;  // the viewBox
  std::vector<Shape> shapes;
  std::vector<Clip> clips;
};

// A photo or other bitmap, already decoded where the PDF needs it.
struct RasterImage {
  enum class Encoding { pixels, jpeg };
  Encoding encoding = Encoding::pixels;
  int width = 0, height = 0;  // stored size in pixels, before orientation
  int components = 3;         // 1 grey, 3 RGB (JPEG may also be 4, CMYK)
  std::vector<std::uint8_t> data;   // 8-bit samples (pixels) or the whole JPEG file (jpeg)
  std::vector<std::uint8_t> alpha;  // 8-bit alpha, width*height, or empty
  int orientation = 1;              // EXIF orientation 1..8 (JPEG)
  // Width and height as the reader sees it (orientations 5 to 8 swap them).
  int shown_width() const { return orientation >= 5 ? height : width; }
  int shown_height() const { return orientation >= 5 ? width : height; }
};

// A picture ready to place: where it came from, what it shows, and its content.
struct Picture {
  std::string key;     // identity: the same key means the same picture (drawn once)
  std::string name;    // a readable name, used as alternative text when no alt is given
  std::string source;  // file path or "openmoji:1F91D"
  bool is_openmoji = false;
  std::variant<Drawing, RasterImage> content;
  double aspect() const;  // width / height as shown
};

}  // namespace easyread
