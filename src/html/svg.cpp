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
// rounding never adds up along a path; a repeated command is not repeated.
void append_path_data(std::string& out, const Path& path, int decimals) {
  double factor = 1;
  for (int i = 0; i < decimals; ++i) factor *= 10;
  long long x = 0, y = 0, start_x = 0, start_y = 0;
  char last_op = 0;
  bool after_number = false;
  auto value = [&](long long steps) {
    if (after_number && steps >= 0) out += ' ';
    append_steps(out, steps, decimals);
    after_number = true;
  };
  for (const PathCommand& c : path.commands) {
    char op = 'z';
    int pairs = 0;
    switch (c.op) {
      case PathCommand::Op::move: op = 'm'; pairs = 1; break;
      case PathCommand::Op::line: op = 'l'; pairs = 1; break;
      case PathCommand::Op::cubic: op = 'c'; pairs = 3; break;
      case PathCommand::Op::close: op = 'z'; pairs = 0; break;
    }
    // After "m", further pairs mean "l"; "m" itself and "z" are always written.
    const bool implied = op == last_op && op != 'm' && op != 'z';
    if (!implied) {
      out += op;
      after_number = false;
    }
    last_op = op == 'm' ? 'l' : op;
    for (int i = 0; i < pairs; ++i) {
      const long long px = std::llround(c.pts[2 * i] * factor), py = std::llround(c.pts[2 * i + 1] * factor);
      value(px - x);
      value(py - y);
      if (op == 'c' && i < 2) continue;  // control points are relative to the segment's start
      x = px;
      y = py;
    }
    if (op == 'm') {
      start_x = x;
      start_y = y;
    } else if (op == 'z') {
      x = start_x;
      y = start_y;
    }
  }
}

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
      append_path_data(out, clip.paths[p], decimals_for(drawing, m));
      out += "\"" + transform(m);
      if (clip.even_odd) out += " clip-rule=\"evenodd\"";
      out += "/>";
    }
    out += "</clipPath>";
  }
  for (const Shape& shape : drawing.shapes) {
    // The clip is in the drawing's space, so it goes on a group without the shape's matrix.
    const bool clipped = shape.clip >= 0 && shape.clip < static_cast<int>(drawing.clips.size());
    if (clipped) out += "<g clip-path=\"url(#" + id + "c" + std::to_string(shape.clip) + ")\">";
    out += "<path class=\"" + classes.name(paint_of(shape)) + "\" d=\"";
    append_path_data(out, shape.path, decimals_for(drawing, shape.matrix));
    out += "\"" + transform(shape.matrix) + "/>";
    if (clipped) out += "</g>";
  }
  out += "</symbol>";
  return out;
}

}  // namespace easyread::html
