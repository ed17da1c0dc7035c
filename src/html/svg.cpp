// Vector pictures as SVG symbols, written from the drawing easyread read
// (not copied from the file), so nothing but shapes reaches the page.
#include <cmath>

#include "html/internal.hpp"

namespace easyread::html {
namespace {

// Two decimals in a 72-unit OpenMoji box is far finer than a screen pixel.
constexpr int kDecimals = 2;

// Path data with the shortest separators: "M1 2L3 4C..." and "-" doubles as one.
void append_path_data(std::string& out, const Path& path) {
  char last_op = 0;
  auto point = [&](double v) {
    const std::string n = number(v, kDecimals);
    if (!out.empty() && n[0] != '-' && last_op == 0) out += ' ';
    out += n;
    last_op = 0;
  };
  for (const PathCommand& c : path.commands) {
    char op = 'Z';
    int count = 0;
    switch (c.op) {
      case PathCommand::Op::move: op = 'M'; count = 2; break;
      case PathCommand::Op::line: op = 'L'; count = 2; break;
      case PathCommand::Op::cubic: op = 'C'; count = 6; break;
      case PathCommand::Op::close: op = 'Z'; count = 0; break;
    }
    out += op;
    last_op = op;
    for (int i = 0; i < count; ++i) point(c.pts[i]);
  }
}

std::string path_data(const Path& path) {
  std::string out;
  append_path_data(out, path);
  return out;
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

void append_paint(std::string& out, const Shape& shape) {
  if (shape.fill) {
    if (!(shape.fill->color == Color{})) out += " fill=\"" + hex_color(shape.fill->color) + "\"";
    if (shape.fill->even_odd) out += " fill-rule=\"evenodd\"";
    if (shape.fill->opacity < 1) out += " fill-opacity=\"" + number(shape.fill->opacity, 3) + "\"";
  } else {
    out += " fill=\"none\"";
  }
  if (!shape.stroke) return;
  const Stroke& s = *shape.stroke;
  out += " stroke=\"" + hex_color(s.color) + "\"";
  if (s.width != 1) out += " stroke-width=\"" + number(s.width, 3) + "\"";
  if (const char* cap = cap_name(s.cap)) out += std::string(" stroke-linecap=\"") + cap + "\"";
  if (const char* join = join_name(s.join)) out += std::string(" stroke-linejoin=\"") + join + "\"";
  if (s.join == LineJoin::miter && s.miter_limit != 4)
    out += " stroke-miterlimit=\"" + number(s.miter_limit, 3) + "\"";
  if (!s.dash.empty()) {
    out += " stroke-dasharray=\"";
    for (std::size_t i = 0; i < s.dash.size(); ++i) out += (i ? " " : "") + number(s.dash[i], 3);
    out += "\"";
    if (s.dash_offset != 0) out += " stroke-dashoffset=\"" + number(s.dash_offset, 3) + "\"";
  }
  if (s.opacity < 1) out += " stroke-opacity=\"" + number(s.opacity, 3) + "\"";
  if (shape.stroke_first) out += " paint-order=\"stroke\"";
}

}  // namespace

std::string svg_symbol(const Drawing& drawing, const std::string& id) {
  std::string out = "<symbol id=\"" + id + "\" viewBox=\"" + number(drawing.view_x) + " " +
                    number(drawing.view_y) + " " + number(drawing.view_width) + " " +
                    number(drawing.view_height) + "\">";
  for (std::size_t i = 0; i < drawing.clips.size(); ++i) {
    const Clip& clip = drawing.clips[i];
    out += "<clipPath id=\"" + id + "c" + std::to_string(i) + "\">";
    for (std::size_t p = 0; p < clip.paths.size(); ++p) {
      out += "<path d=\"" + path_data(clip.paths[p]) + "\"";
      if (p < clip.matrices.size()) out += transform(clip.matrices[p]);
      if (clip.even_odd) out += " clip-rule=\"evenodd\"";
      out += "/>";
    }
    out += "</clipPath>";
  }
  for (const Shape& shape : drawing.shapes) {
    // The clip is in the drawing's space, so it goes on a group without the shape's matrix.
    const bool clipped = shape.clip >= 0 && shape.clip < static_cast<int>(drawing.clips.size());
    if (clipped) out += "<g clip-path=\"url(#" + id + "c" + std::to_string(shape.clip) + ")\">";
    out += "<path d=\"";
    append_path_data(out, shape.path);
    out += "\"" + transform(shape.matrix);
    append_paint(out, shape);
    out += "/>";
    if (clipped) out += "</g>";
  }
  out += "</symbol>";
  return out;
}

}  // namespace easyread::html
