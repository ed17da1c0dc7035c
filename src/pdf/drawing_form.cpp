#include "pdf/drawing_form.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string_view>

#include "pdf/hpdf_handle.hpp"

namespace easyread::pdf {

namespace {

// Appends the numbers, each followed by a space, then the operator and a
// line end: "1 2 3 rg\n".
void append_operation(std::string& out, std::initializer_list<double> operands,
                      std::string_view op) {
  for (double v : operands) {
    append_number(out, v);
    out += ' ';
  }
  out += op;
  out += '\n';
}

void append_color(std::string& out, const Color& c, std::string_view op) {
  append_operation(out, {std::clamp(c.r, 0.0, 1.0), std::clamp(c.g, 0.0, 1.0), std::clamp(c.b, 0.0, 1.0)},
                   op);
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
        append_operation(out, {p[0], p[1]}, "m");
        break;
      case PathCommand::Op::line:
        transform(m, p[0], p[1]);
        append_operation(out, {p[0], p[1]}, "l");
        break;
      case PathCommand::Op::cubic:
        transform(m, p[0], p[1]);
        transform(m, p[2], p[3]);
        transform(m, p[4], p[5]);
        append_operation(out, {p[0], p[1], p[2], p[3], p[4], p[5]}, "c");
        break;
      case PathCommand::Op::close:
        out += "h\n";
        break;
    }
  }
}

void append_stroke_state(std::string& out, const Stroke& s) {
  append_color(out, s.color, "RG");
  append_operation(out, {std::max(0.0, s.width)}, "w");
  out += std::to_string(s.cap == LineCap::butt ? 0 : s.cap == LineCap::round ? 1 : 2) + " J\n";
  out += std::to_string(s.join == LineJoin::miter ? 0 : s.join == LineJoin::round ? 1 : 2) + " j\n";
  append_operation(out, {std::max(1.0, s.miter_limit)}, "M");
  // PDF rejects dash arrays that are all zero or have negative lengths.
  const bool usable_dash = !s.dash.empty() &&
                           std::all_of(s.dash.begin(), s.dash.end(), [](double d) { return d >= 0; }) &&
                           std::any_of(s.dash.begin(), s.dash.end(), [](double d) { return d > 0; });
  if (usable_dash) {
    out += "[";
    for (std::size_t i = 0; i < s.dash.size(); ++i) {
      if (i > 0) out += ' ';
      append_number(out, s.dash[i]);
    }
    out += "] ";
    append_operation(out, {s.dash_offset}, "d");
  }
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
      append_operation(out, {m.a, m.b, m.c, m.d, m.e, m.f}, "cm");
    }
    if (shape.fill) append_color(out, shape.fill->color, "rg");
    if (shape.stroke) append_stroke_state(out, *shape.stroke);
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
