#include "base/drawing_svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace easyread {
namespace {

// Numbers with up to 3 decimals and no trailing zeros: short and the same on
// every machine.
void number(std::string& out, double v) {
  if (!std::isfinite(v)) v = 0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  out += s;
}

void color(std::string& out, const Color& c) {
  auto channel = [](double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", channel(c.r), channel(c.g), channel(c.b));
  out += buf;
}

void path_data(std::string& out, const Path& path) {
  for (const PathCommand& cmd : path.commands) {
    int count = 0;
    switch (cmd.op) {
      case PathCommand::Op::move: out += 'M'; count = 2; break;
      case PathCommand::Op::line: out += 'L'; count = 2; break;
      case PathCommand::Op::cubic: out += 'C'; count = 6; break;
      case PathCommand::Op::close: out += 'Z'; break;
    }
    for (int i = 0; i < count; ++i) {
      if (i > 0) out += ' ';
      number(out, cmd.pts[i]);
    }
  }
}

void matrix(std::string& out, const Matrix& m) {
  if (m.is_identity()) return;
  out += " transform=\"matrix(";
  const double values[] = {m.a, m.b, m.c, m.d, m.e, m.f};
  for (int i = 0; i < 6; ++i) {
    if (i > 0) out += ' ';
    number(out, values[i]);
  }
  out += ")\"";
}

void attribute(std::string& out, const char* name, double v) {
  out += ' ';
  out += name;
  out += "=\"";
  number(out, v);
  out += '"';
}

void paint(std::string& out, const Shape& shape) {
  if (shape.fill) {
    out += " fill=\"";
    color(out, shape.fill->color);
    out += '"';
    if (shape.fill->even_odd) out += " fill-rule=\"evenodd\"";
    if (shape.fill->opacity < 1) attribute(out, "fill-opacity", shape.fill->opacity);
  } else {
    out += " fill=\"none\"";
  }
  if (!shape.stroke) return;
  const Stroke& s = *shape.stroke;
  out += " stroke=\"";
  color(out, s.color);
  out += '"';
  attribute(out, "stroke-width", s.width);
  static const char* const caps[] = {"butt", "round", "square"};
  static const char* const joins[] = {"miter", "round", "bevel"};
  out += " stroke-linecap=\"" + std::string(caps[static_cast<int>(s.cap)]) + "\"";
  out += " stroke-linejoin=\"" + std::string(joins[static_cast<int>(s.join)]) + "\"";
  attribute(out, "stroke-miterlimit", std::max(1.0, s.miter_limit));
  if (!s.dash.empty()) {
    out += " stroke-dasharray=\"";
    for (std::size_t i = 0; i < s.dash.size(); ++i) {
      if (i > 0) out += ' ';
      number(out, std::max(0.0, s.dash[i]));
    }
    out += '"';
    if (s.dash_offset != 0) attribute(out, "stroke-dashoffset", s.dash_offset);
  }
  if (s.opacity < 1) attribute(out, "stroke-opacity", s.opacity);
  if (shape.stroke_first) out += " paint-order=\"stroke\"";
}

void clips(std::string& out, const Drawing& drawing) {
  if (drawing.clips.empty()) return;
  out += "<defs>";
  for (std::size_t i = 0; i < drawing.clips.size(); ++i) {
    const Clip& clip = drawing.clips[i];
    out += "<clipPath id=\"c" + std::to_string(i) + "\" clipPathUnits=\"userSpaceOnUse\">";
    for (std::size_t p = 0; p < clip.paths.size(); ++p) {
      out += "<path d=\"";
      path_data(out, clip.paths[p]);
      out += '"';
      if (p < clip.matrices.size()) matrix(out, clip.matrices[p]);
      if (clip.even_odd) out += " clip-rule=\"evenodd\"";
      out += "/>";
    }
    out += "</clipPath>";
  }
  out += "</defs>";
}

}  // namespace

std::string drawing_to_svg(const Drawing& drawing, double width, double height) {
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"";
  number(out, drawing.view_x);
  out += ' ';
  number(out, drawing.view_y);
  out += ' ';
  number(out, drawing.view_width);
  out += ' ';
  number(out, drawing.view_height);
  out += '"';
  if (width > 0 && height > 0) {
    attribute(out, "width", width);
    attribute(out, "height", height);
  }
  out += '>';
  clips(out, drawing);
  for (const Shape& shape : drawing.shapes) {
    if ((!shape.fill && !shape.stroke) || shape.path.commands.empty()) continue;  // as the PDF does
    // A clip applies in the drawing's space, so the shape's own matrix goes
    // on an inner element and the clip on a group around it.
    const bool clipped = shape.clip >= 0 && static_cast<std::size_t>(shape.clip) < drawing.clips.size();
    if (clipped) out += "<g clip-path=\"url(#c" + std::to_string(shape.clip) + ")\">";
    out += "<path d=\"";
    path_data(out, shape.path);
    out += '"';
    matrix(out, shape.matrix);
    paint(out, shape);
    out += "/>";
    if (clipped) out += "</g>";
  }
  out += "</svg>";
  return out;
}

}  // namespace easyread
