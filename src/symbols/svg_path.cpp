// SVG path data: all commands, compact numbers, implicit repeats, and
// elliptical arcs turned into cubic Bezier pieces.
#include <cmath>
#include <numbers>

#include "symbols/number_scanner.hpp"
#include "symbols/svg_parts.hpp"

namespace easyread::symbols::detail {
namespace {

void add(Path& path, PathCommand::Op op, std::initializer_list<double> pts) {
  PathCommand cmd;
  cmd.op = op;
  int i = 0;
  for (double v : pts) cmd.pts[i++] = v;
  path.commands.push_back(cmd);
}

// Angle from vector u to vector v, in radians, in (-pi, pi].
double angle_between(double ux, double uy, double vx, double vy) {
  return std::atan2(ux * vy - uy * vx, ux * vx + uy * vy);
}

int arguments_of(char op) {
  switch (op) {
    case 'M': case 'L': case 'T': return 2;
    case 'H': case 'V': return 1;
    case 'C': return 6;
    case 'S': case 'Q': return 4;
    case 'A': return 7;
    case 'Z': return 0;
  }
  return -1;
}

}  // namespace

void append_arc(Path& path, double x0, double y0, double rx, double ry, double angle_degrees,
                bool large_arc, bool sweep, double x, double y) {
  // The steps follow the SVG specification's appendix on arc implementation:
  // endpoint form -> centre form, then cubic pieces of at most 90 degrees.
  if (x0 == x && y0 == y) return;
  rx = std::fabs(rx);
  ry = std::fabs(ry);
  if (rx == 0 || ry == 0) {
    add(path, PathCommand::Op::line, {x, y});
    return;
  }
  const double phi = angle_degrees * std::numbers::pi / 180.0;
  const double cos_phi = std::cos(phi), sin_phi = std::sin(phi);
  const double hx = (x0 - x) / 2, hy = (y0 - y) / 2;
  const double x1p = cos_phi * hx + sin_phi * hy;
  const double y1p = -sin_phi * hx + cos_phi * hy;
  // Radii too small to reach the end point are scaled up just enough.
  const double lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
  if (lambda > 1) {
    rx *= std::sqrt(lambda);
    ry *= std::sqrt(lambda);
  }
  const double rx2 = rx * rx, ry2 = ry * ry;
  const double num = rx2 * ry2 - rx2 * y1p * y1p - ry2 * x1p * x1p;
  const double den = rx2 * y1p * y1p + ry2 * x1p * x1p;
  double coef = den > 0 ? std::sqrt(std::max(0.0, num / den)) : 0;
  if (large_arc == sweep) coef = -coef;
  const double cxp = coef * rx * y1p / ry;
  const double cyp = -coef * ry * x1p / rx;
  const double cx = cos_phi * cxp - sin_phi * cyp + (x0 + x) / 2;
  const double cy = sin_phi * cxp + cos_phi * cyp + (y0 + y) / 2;
  const double ux = (x1p - cxp) / rx, uy = (y1p - cyp) / ry;
  const double vx = (-x1p - cxp) / rx, vy = (-y1p - cyp) / ry;
  const double theta1 = angle_between(1, 0, ux, uy);
  double delta = angle_between(ux, uy, vx, vy);
  if (!sweep && delta > 0) delta -= 2 * std::numbers::pi;
  if (sweep && delta < 0) delta += 2 * std::numbers::pi;

  const int pieces = std::max(1, int(std::ceil(std::fabs(delta) / (std::numbers::pi / 2) - 1e-9)));
  const double step = delta / pieces;
  const double k = 4.0 / 3.0 * std::tan(step / 4);
  auto to_user = [&](double ex, double ey, double& ox, double& oy) {
    ox = cx + rx * cos_phi * ex - ry * sin_phi * ey;
    oy = cy + rx * sin_phi * ex + ry * cos_phi * ey;
  };
  double t = theta1;
  for (int i = 0; i < pieces; ++i) {
    const double t2 = t + step;
    const double c1 = std::cos(t), s1 = std::sin(t), c2 = std::cos(t2), s2 = std::sin(t2);
    double ax, ay, bx, by, ex, ey;
    to_user(c1 - k * s1, s1 + k * c1, ax, ay);
    to_user(c2 + k * s2, s2 - k * c2, bx, by);
    if (i + 1 == pieces) {
      ex = x;
      ey = y;
    } else {
      to_user(c2, s2, ex, ey);
    }
    add(path, PathCommand::Op::cubic, {ax, ay, bx, by, ex, ey});
    t = t2;
  }
}

void append_ellipse(Path& path, double cx, double cy, double rx, double ry) {
  add(path, PathCommand::Op::move, {cx + rx, cy});
  append_arc(path, cx + rx, cy, rx, ry, 0, false, true, cx, cy + ry);
  append_arc(path, cx, cy + ry, rx, ry, 0, false, true, cx - rx, cy);
  append_arc(path, cx - rx, cy, rx, ry, 0, false, true, cx, cy - ry);
  append_arc(path, cx, cy - ry, rx, ry, 0, false, true, cx + rx, cy);
  add(path, PathCommand::Op::close, {});
}

bool parse_path_data(std::string_view d, Path& out, std::string& error) {
  NumberScanner scan(d);
  double cur_x = 0, cur_y = 0, start_x = 0, start_y = 0;
  // The last control point, for the smooth commands S and T.
  double ctrl_x = 0, ctrl_y = 0;
  char previous = 0;  // upper-case letter of the previous command
  char command = 0;
  bool have_point = false;
  scan.skip_separators();
  while (!scan.at_end()) {
    const char c = scan.peek();
    bool explicit_letter = false;
    if (std::isalpha(static_cast<unsigned char>(c))) {
      command = c;
      scan.advance();
      scan.skip_spaces();
      explicit_letter = true;
    } else if (command == 0) {
      error = "the path data must start with a command letter such as M";
      return false;
    }
    const char upper = char(std::toupper(static_cast<unsigned char>(command)));
    const bool relative = command != upper && upper != 'Z';
    const int count = arguments_of(upper);
    if (count < 0) {
      error = std::string("the path command '") + command + "' is not known";
      return false;
    }
    if (upper != 'M' && !have_point && upper != 'Z') {
      error = "the path data must start with M";
      return false;
    }
    if (!explicit_letter && upper == 'Z') {
      error = "numbers follow a Z command";
      return false;
    }
    double a[7] = {0, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < count; ++i) {
      const bool is_flag = upper == 'A' && (i == 3 || i == 4);
      const auto v = is_flag ? scan.flag() : scan.number();
      if (!v) {
        error = std::string("a number is missing or wrong after the command '") + command + "'";
        return false;
      }
      a[i] = *v;
      scan.skip_separators();
    }
    const double ox = relative ? cur_x : 0, oy = relative ? cur_y : 0;
    double new_ctrl_x = 0, new_ctrl_y = 0;
    bool keeps_ctrl = false;
    switch (upper) {
      case 'M':
        cur_x = start_x = a[0] + ox;
        cur_y = start_y = a[1] + oy;
        add(out, PathCommand::Op::move, {cur_x, cur_y});
        have_point = true;
        // Numbers after a move are lines.
        command = relative ? 'l' : 'L';
        break;
      case 'L':
        cur_x = a[0] + ox;
        cur_y = a[1] + oy;
        add(out, PathCommand::Op::line, {cur_x, cur_y});
        break;
      case 'H':
        cur_x = a[0] + ox;
        add(out, PathCommand::Op::line, {cur_x, cur_y});
        break;
      case 'V':
        cur_y = a[0] + oy;
        add(out, PathCommand::Op::line, {cur_x, cur_y});
        break;
      case 'C':
      case 'S': {
        double x1, y1;
        int base = 0;
        if (upper == 'C') {
          x1 = a[0] + ox;
          y1 = a[1] + oy;
          base = 2;
        } else if (previous == 'C' || previous == 'S') {
          x1 = 2 * cur_x - ctrl_x;  // reflection of the last control point
          y1 = 2 * cur_y - ctrl_y;
        } else {
          x1 = cur_x;
          y1 = cur_y;
        }
        const double x2 = a[base] + ox, y2 = a[base + 1] + oy;
        cur_x = a[base + 2] + ox;
        cur_y = a[base + 3] + oy;
        add(out, PathCommand::Op::cubic, {x1, y1, x2, y2, cur_x, cur_y});
        new_ctrl_x = x2;
        new_ctrl_y = y2;
        keeps_ctrl = true;
        break;
      }
      case 'Q':
      case 'T': {
        double qx, qy;
        if (upper == 'Q') {
          qx = a[0] + ox;
          qy = a[1] + oy;
        } else if (previous == 'Q' || previous == 'T') {
          qx = 2 * cur_x - ctrl_x;
          qy = 2 * cur_y - ctrl_y;
        } else {
          qx = cur_x;
          qy = cur_y;
        }
        const int base = upper == 'Q' ? 2 : 0;
        const double x = a[base] + ox, y = a[base + 1] + oy;
        // A quadratic raised to a cubic: control points 2/3 of the way to q.
        add(out, PathCommand::Op::cubic,
            {cur_x + 2.0 / 3.0 * (qx - cur_x), cur_y + 2.0 / 3.0 * (qy - cur_y),
             x + 2.0 / 3.0 * (qx - x), y + 2.0 / 3.0 * (qy - y), x, y});
        cur_x = x;
        cur_y = y;
        new_ctrl_x = qx;
        new_ctrl_y = qy;
        keeps_ctrl = true;
        break;
      }
      case 'A': {
        const double x = a[5] + ox, y = a[6] + oy;
        append_arc(out, cur_x, cur_y, a[0], a[1], a[2], a[3] != 0, a[4] != 0, x, y);
        cur_x = x;
        cur_y = y;
        break;
      }
      case 'Z':
        add(out, PathCommand::Op::close, {});
        cur_x = start_x;
        cur_y = start_y;
        scan.skip_separators();
        break;
    }
    if (keeps_ctrl) {
      ctrl_x = new_ctrl_x;
      ctrl_y = new_ctrl_y;
    }
    previous = upper;
  }
  return true;
}

}  // namespace easyread::symbols::detail
