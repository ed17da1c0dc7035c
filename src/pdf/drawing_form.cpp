#include "pdf/drawing_form.hpp"

#include <algorithm>
#include <cmath>

#include "pdf/hpdf_handle.hpp"

namespace easyread::pdf {

namespace {

std::string num(double v) { return pdf_number(v); }

std::string color_operands(const Color& c) {
  return num(std::clamp(c.r, 0.0, 1.0)) + " " + num(std::clamp(c.g, 0.0, 1.0)) + " " +
         num(std::clamp(c.b, 0.0, 1.0));
}

// Applies an affine matrix to a point (an affine map keeps Bezier curves
// exact, so clip paths can be moved point by point).
void transform(const Matrix& m, double& x, double& y) {
  const double nx = m.a * x + m.c * y + m.e;
  const double ny = m.b * x + m.d * y + m.f;
  x = nx;
  y = ny;
}

void append_path(std::string& out, const Path& path, const Matrix& m) {
  for (const PathCommand& cmd : path.commands) {
    double p[6];
    std::copy(std::begin(cmd.pts), std::end(cmd.pts), p);
    switch (cmd.op) {
      case PathCommand::Op::move:
        transform(m, p[0], p[1]);
        out += num(p[0]) + " " + num(p[1]) + " m\n";
        break;
      case PathCommand::Op::line:
        transform(m, p[0], p[1]);
        out += num(p[0]) + " " + num(p[1]) + " l\n";
        break;
      case PathCommand::Op::cubic:
        transform(m, p[0], p[1]);
        transform(m, p[2], p[3]);
        transform(m, p[4], p[5]);
        out += num(p[0]) + " " + num(p[1]) + " " + num(p[2]) + " " + num(p[3]) + " " + num(p[4]) +
               " " + num(p[5]) + " c\n";
        break;
      case PathCommand::Op::close:
        out += "h\n";
        break;
    }
  }
}

std::string stroke_state(const Stroke& s) {
  std::string out = color_operands(s.color) + " RG\n";
  out += num(std::max(0.0, s.width)) + " w\n";
  out += std::to_string(s.cap == LineCap::butt ? 0 : s.cap == LineCap::round ? 1 : 2) + " J\n";
  out += std::to_string(s.join == LineJoin::miter ? 0 : s.join == LineJoin::round ? 1 : 2) + " j\n";
  out += num(std::max(1.0, s.miter_limit)) + " M\n";
  // PDF rejects dash arrays that are all zero or have negative lengths.
  const bool usable_dash = !s.dash.empty() &&
                           std::all_of(s.dash.begin(), s.dash.end(), [](double d) { return d >= 0; }) &&
                           std::any_of(s.dash.begin(), s.dash.end(), [](double d) { return d > 0; });
  if (usable_dash) {
    out += "[";
    for (std::size_t i = 0; i < s.dash.size(); ++i) out += (i ? " " : "") + num(s.dash[i]);
    out += "] " + num(s.dash_offset) + " d\n";
  }
  return out;
}

int thousandths(double alpha) { return static_cast<int>(std::lround(std::clamp(alpha, 0.0, 1.0) * 1000)); }

}  // namespace

FormContent drawing_operators(const Drawing& drawing) {
  FormContent form;
  std::string& out = form.operators;
  const Matrix identity;
  for (const Shape& shape : drawing.shapes) {
    if (!shape.fill && !shape.stroke) continue;
    if (shape.path.commands.empty()) continue;
    out += "q\n";
    if (shape.clip >= 0 && shape.clip < static_cast<int>(drawing.clips.size())) {
      const Clip& clip = drawing.clips[shape.clip];
      for (std::size_t i = 0; i < clip.paths.size(); ++i)
        append_path(out, clip.paths[i], i < clip.matrices.size() ? clip.matrices[i] : identity);
      out += clip.even_odd ? "W* n\n" : "W n\n";
    }
    const double fill_alpha = shape.fill ? shape.fill->opacity : 1;
    const double stroke_alpha = shape.stroke ? shape.stroke->opacity : 1;
    if (thousandths(fill_alpha) < 1000 || thousandths(stroke_alpha) < 1000) {
      const std::string name =
          "GS" + std::to_string(thousandths(fill_alpha)) + "_" + std::to_string(thousandths(stroke_alpha));
      form.opacities[name] = {thousandths(fill_alpha) / 1000.0, thousandths(stroke_alpha) / 1000.0};
      out += "/" + name + " gs\n";
    }
    if (!shape.matrix.is_identity()) {
      const Matrix& m = shape.matrix;
      out += num(m.a) + " " + num(m.b) + " " + num(m.c) + " " + num(m.d) + " " + num(m.e) + " " +
             num(m.f) + " cm\n";
    }
    if (shape.fill) out += color_operands(shape.fill->color) + " rg\n";
    if (shape.stroke) out += stroke_state(*shape.stroke);
    const std::string fill_op = shape.fill && shape.fill->even_odd ? "f*" : "f";
    if (shape.fill && shape.stroke && shape.stroke_first) {
      append_path(out, shape.path, identity);
      out += "S\n";
      append_path(out, shape.path, identity);
      out += fill_op + "\n";
    } else {
      append_path(out, shape.path, identity);
      if (shape.fill && shape.stroke)
        out += shape.fill->even_odd ? "B*\n" : "B\n";
      else if (shape.fill)
        out += fill_op + "\n";
      else
        out += "S\n";
    }
    out += "Q\n";
  }
  return form;
}

}  // namespace easyread::pdf
