// Vector pictures as SVG symbols, written from the drawing easyread read
// (not copied from the file), so nothing but shapes reaches the page.
#include <algorithm>
#include <cmath>

#include "html/internal.hpp"

namespace easyread::html {
namespace {

// Coordinates are written in steps no bigger than 1/720 of the picture's
// width (a tenth of a unit for OpenMoji's 72-unit box): far finer than a
// screen pixel at the size pictures are shown.
constexpr double kStepsAcross = 720;

// Decimal places for a shape's coordinates, from the picture's size and how
// much the shape's own matrix scales it.
int decimals_for(const Drawing& drawing, const Matrix& m) {
  const double size = std::max(drawing.view_width, drawing.view_height);
  const double scale = std::sqrt(std::fabs(m.a * m.d - m.b * m.c));
  if (!(size > 0) || !(scale > 0)) return 2;
  return std::clamp(static_cast<int>(std::ceil(std::log10(kStepsAcross * scale / size))), 0, 4);
}

// A whole number of steps (10^-decimals) as the shortest decimal: "12.5", "-.5", "3".
void append_steps(std::string& out, long long steps, int decimals) {
  if (steps < 0) {
    out += '-';
    steps = -steps;
  }
  long long unit = 1;
  for (int i = 0; i < decimals; ++i) unit *= 10;
  const long long whole = steps / unit;
  long long part = steps % unit;
  if (whole != 0 || part == 0) out += std::to_string(whole);
  if (part == 0) return;
  int places = decimals;
  while (part % 10 == 0) {
    part /= 10;
    --places;
  }
  std::string digits = std::to_string(part);
  out += '.';
  out.append(static_cast<std::size_t>(places) - digits.size(), '0');
  out += digits;
}

// Path data in relative commands, rounded once to whole steps so that the
// rounding never adds up along a path. Shorter forms where SVG has them: a
// repeated command is not repeated, "h" and "v" for level and upright
// lines, and "s" for a curve that carries on smoothly from the one before.
// One writer can write several paths one after another as one path.
class PathData {
 public:
  PathData(std::string& out, int decimals) : out_(out), decimals_(decimals) {
    for (int i = 0; i < decimals; ++i) factor_ *= 10;
  }

  void add(const Path& path) {
    for (const PathCommand& c : path.commands) {
      switch (c.op) {
        case PathCommand::Op::move: move(c); break;
        case PathCommand::Op::line: line(c); break;
        case PathCommand::Op::cubic: cubic(c); break;
        case PathCommand::Op::close:
          command('z');
          x_ = start_x_;
          y_ = start_y_;
          after_curve_ = false;
          break;
      }
    }
  }

 private:
  struct Point {
    long long x, y;
    bool operator==(const Point&) const = default;
  };
  Point point(const PathCommand& c, int i) const {
    return {std::llround(c.pts[2 * i] * factor_), std::llround(c.pts[2 * i + 1] * factor_)};
  }

  // "m" and "z" are always written; another command only when it changes.
  void command(char op) {
    if (op != last_op_ || op == 'm' || op == 'z') {
      out_ += op;
      after_number_ = false;
    }
    last_op_ = op == 'm' ? 'l' : op;  // after "m", more pairs mean "l"
  }
  // Numbers are kept apart by a space only where a reader needs one: not
  // before a minus, nor between "1.5" and ".3" (written "1.5.3").
  void value(long long steps) {
    const long long unit = static_cast<long long>(factor_);
    const bool starts_with_point = steps > 0 && steps < unit;
    if (after_number_ && steps >= 0 && !(last_had_point_ && starts_with_point)) out_ += ' ';
    append_steps(out_, steps, decimals_);
    after_number_ = true;
    last_had_point_ = steps % unit != 0;
  }
  void relative(Point p) {
    value(p.x - x_);
    value(p.y - y_);
  }
  void go(Point p) {
    x_ = p.x;
    y_ = p.y;
  }

  void move(const PathCommand& c) {
    const Point to = point(c, 0);
    command('m');
    relative(to);
    go(to);
    start_x_ = x_;
    start_y_ = y_;
    after_curve_ = false;
  }
  void line(const PathCommand& c) {
    const Point to = point(c, 0);
    if (to.y == y_ && to.x != x_) {
      command('h');
      value(to.x - x_);
    } else if (to.x == x_ && to.y != y_) {
      command('v');
      value(to.y - y_);
    } else {
      command('l');
      relative(to);
    }
    go(to);
    after_curve_ = false;
  }
  void cubic(const PathCommand& c) {
    const Point first = point(c, 0), second = point(c, 1), to = point(c, 2);
    // "s" takes its first control point as the last curve's second one
    // mirrored, or the current point after anything else.
    const Point implied = after_curve_ ? mirror_ : Point{x_, y_};
    if (first == implied) {
      command('s');
    } else {
      command('c');
      relative(first);
    }
    relative(second);
    relative(to);
    go(to);
    mirror_ = {2 * to.x - second.x, 2 * to.y - second.y};
    after_curve_ = true;
  }

  std::string& out_;
  int decimals_;
  double factor_ = 1;
  long long x_ = 0, y_ = 0, start_x_ = 0, start_y_ = 0;
  Point mirror_{0, 0};
  bool after_curve_ = false;
  char last_op_ = 0;
  bool after_number_ = false;
  bool last_had_point_ = false;  // the last number has a decimal point
};

std::string transform(const Matrix& m) {
  if (m.is_identity()) return {};
  return " transform=\"matrix(" + number(m.a, 4) + " " + number(m.b, 4) + " " + number(m.c, 4) + " " +
         number(m.d, 4) + " " + number(m.e, 3) + " " + number(m.f, 3) + ")\"";
}

const char* cap_name(LineCap cap) {
  switch (cap) {
    case LineCap::butt: return nullptr;
    case LineCap::round: return "round";
    case LineCap::square: return "square";
  }
  return nullptr;
}

const char* join_name(LineJoin join) {
  switch (join) {
    case LineJoin::miter: return nullptr;
    case LineJoin::round: return "round";
    case LineJoin::bevel: return "bevel";
  }
  return nullptr;
}

// The shape's paint as CSS declarations ("fill:none;stroke:#000000;..."),
// leaving out SVG's defaults.
std::string paint_of(const Shape& shape) {
  std::string out;
  auto add = [&](const char* property, const std::string& value) {
    out += std::string(out.empty() ? "" : ";") + property + ":" + value;
  };
  if (shape.fill) {
    add("fill", hex_color(shape.fill->color));
    if (shape.fill->even_odd) add("fill-rule", "evenodd");
    if (shape.fill->opacity < 1) add("fill-opacity", number(shape.fill->opacity, 3));
  } else {
    add("fill", "none");
  }
  if (!shape.stroke) return out;
  const Stroke& s = *shape.stroke;
  add("stroke", hex_color(s.color));
  if (s.width != 1) add("stroke-width", number(s.width, 3));
  if (const char* cap = cap_name(s.cap)) add("stroke-linecap", cap);
  if (const char* join = join_name(s.join)) add("stroke-linejoin", join);
  if (s.join == LineJoin::miter && s.miter_limit != 4) add("stroke-miterlimit", number(s.miter_limit, 3));
  if (!s.dash.empty()) {
    std::string dash;
    for (std::size_t i = 0; i < s.dash.size(); ++i) dash += (i ? " " : "") + number(s.dash[i], 3);
    add("stroke-dasharray", dash);
    if (s.dash_offset != 0) add("stroke-dashoffset", number(s.dash_offset, 3));
  }
  if (s.opacity < 1) add("stroke-opacity", number(s.opacity, 3));
  if (shape.stroke_first) add("paint-order", "stroke");
  return out;
}

// Whether `next` is only more lines with the same pen as `shape` (whose
// paint is `paint`), so both can be one path and look the same: no fill,
// nothing see-through where lines cross, no dashes, no clip, no matrix.
bool same_pen(const Shape& shape, const Shape& next, const std::string& paint) {
  const auto plain = [](const Shape& s) {
    return !s.fill && s.stroke && s.stroke->opacity >= 1 && s.stroke->dash.empty() && s.clip < 0 &&
           s.matrix.is_identity();
  };
  return plain(shape) && plain(next) && paint_of(next) == paint;
}

}  // namespace

std::string PaintClasses::name(const std::string& paint) {
  auto [at, added] = classes_.try_emplace(paint, classes_.size());
  if (added) order_.push_back(paint);
  return "z" + std::to_string(at->second);
}

std::string PaintClasses::style_sheet() const {
  std::string out;
  for (std::size_t i = 0; i < order_.size(); ++i) out += ".z" + std::to_string(i) + "{" + order_[i] + "}";
  return out.empty() ? out : out + "\n";
}

std::string svg_symbol(const Drawing& drawing, const std::string& id, PaintClasses& classes) {
  std::string out = "<symbol id=\"" + id + "\" viewBox=\"" + number(drawing.view_x) + " " +
                    number(drawing.view_y) + " " + number(drawing.view_width) + " " +
                    number(drawing.view_height) + "\">";
  for (std::size_t i = 0; i < drawing.clips.size(); ++i) {
    const Clip& clip = drawing.clips[i];
    out += "<clipPath id=\"" + id + "c" + std::to_string(i) + "\">";
    for (std::size_t p = 0; p < clip.paths.size(); ++p) {
      const Matrix m = p < clip.matrices.size() ? clip.matrices[p] : Matrix{};
      out += "<path d=\"";
      PathData(out, decimals_for(drawing, m)).add(clip.paths[p]);
      out += "\"" + transform(m);
      if (clip.even_odd) out += " clip-rule=\"evenodd\"";
      out += "/>";
    }
    out += "</clipPath>";
  }
  for (std::size_t i = 0; i < drawing.shapes.size();) {
    const Shape& shape = drawing.shapes[i];
    const std::string paint = paint_of(shape);
    // Lines drawn one after another with the same pen are one path.
    std::size_t end = i + 1;
    while (end < drawing.shapes.size() && same_pen(shape, drawing.shapes[end], paint)) ++end;
    // The clip is in the drawing's space, so it goes on a group without the shape's matrix.
    const bool clipped = shape.clip >= 0 && shape.clip < static_cast<int>(drawing.clips.size());
    if (clipped) out += "<g clip-path=\"url(#" + id + "c" + std::to_string(shape.clip) + ")\">";
    out += "<path class=\"" + classes.name(paint) + "\" d=\"";
    PathData data(out, decimals_for(drawing, shape.matrix));
    for (; i < end; ++i) data.add(drawing.shapes[i].path);
    out += "\"" + transform(shape.matrix) + "/>";
    if (clipped) out += "</g>";
  }
  out += "</symbol>";
  return out;
}

}  // namespace easyread::html
