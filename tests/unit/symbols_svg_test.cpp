// The SVG reader: path data, arcs, shapes, transforms, styles and errors.
#include <catch2/catch.hpp>
#include <cmath>

#include "symbols/svg_parts.hpp"
#include "symbols/symbols.hpp"

using namespace easyread;
using Op = PathCommand::Op;

namespace {

Path parse(std::string_view d) {
  Path p;
  std::string error;
  INFO(d);
  REQUIRE(symbols::detail::parse_path_data(d, p, error));
  return p;
}

std::string path_error(std::string_view d) {
  Path p;
  std::string error;
  CHECK_FALSE(symbols::detail::parse_path_data(d, p, error));
  return error;
}

Drawing read(const std::string& body) {
  Diagnostics diags;
  const std::string svg = "<svg viewBox=\"0 0 72 72\" xmlns=\"http://www.w3.org/2000/svg\">" + body + "</svg>";
  auto d = symbols::read_svg(svg, "test.svg", diags);
  INFO(body);
  INFO((diags.items().empty() ? std::string() : diags.items().front().message));
  REQUIRE(d);
  return *d;
}

Diagnostic read_error(const std::string& svg) {
  Diagnostics diags;
  auto d = symbols::read_svg(svg, "bad.svg", diags);
  INFO(svg);
  CHECK_FALSE(d);
  REQUIRE(diags.items().size() == 1);
  return diags.items().front();
}

std::pair<double, double> apply(const Matrix& m, double x, double y) {
  return {m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f};
}

// A point on a cubic at parameter t, starting from (x0, y0).
std::pair<double, double> on_cubic(double x0, double y0, const PathCommand& c, double t) {
  const double u = 1 - t;
  return {u * u * u * x0 + 3 * u * u * t * c.pts[0] + 3 * u * t * t * c.pts[2] + t * t * t * c.pts[4],
          u * u * u * y0 + 3 * u * u * t * c.pts[1] + 3 * u * t * t * c.pts[3] + t * t * t * c.pts[5]};
}

// The end point of a command.
std::pair<double, double> end_of(const PathCommand& c) {
  return c.op == Op::cubic ? std::pair{c.pts[4], c.pts[5]} : std::pair{c.pts[0], c.pts[1]};
}

}  // namespace

TEST_CASE("compact numbers: '.5.5', signs and exponents split numbers", "[symbols][svg]") {
  const Path p = parse("M.5.5L10-1-2,3e1 4E-1.25");
  REQUIRE(p.commands.size() == 4);
  CHECK(p.commands[0].pts[0] == 0.5);
  CHECK(p.commands[0].pts[1] == 0.5);
  CHECK(end_of(p.commands[1]) == std::pair{10.0, -1.0});
  CHECK(end_of(p.commands[2]) == std::pair{-2.0, 30.0});
  CHECK(end_of(p.commands[3]) == std::pair{0.4, 0.25});
}

TEST_CASE("implicit repeats: numbers after a move are lines, relative moves stay relative", "[symbols][svg]") {
  const Path p = parse("m10 10 5 0 0 5z m1 1 h2 3 v4");
  REQUIRE(p.commands.size() == 8);
  CHECK(p.commands[1].op == Op::line);
  CHECK(end_of(p.commands[1]) == std::pair{15.0, 10.0});
  CHECK(end_of(p.commands[2]) == std::pair{15.0, 15.0});
  CHECK(p.commands[3].op == Op::close);
  // After z the current point is the subpath start (10,10): m1 1 goes to (11,11).
  CHECK(end_of(p.commands[4]) == std::pair{11.0, 11.0});
  CHECK(end_of(p.commands[5]) == std::pair{13.0, 11.0});
  CHECK(end_of(p.commands[6]) == std::pair{16.0, 11.0});
  CHECK(end_of(p.commands[7]) == std::pair{16.0, 15.0});
}

TEST_CASE("smooth cubics reflect the last control point", "[symbols][svg]") {
  const Path p = parse("M0 0C0 10 10 10 10 0S20-10 20 0");
  REQUIRE(p.commands.size() == 3);
  CHECK(p.commands[2].pts[0] == 10);
  CHECK(p.commands[2].pts[1] == -10);
  // S after a line uses the current point as the first control point.
  const Path q = parse("M0 0L5 5s5 5 10 0");
  CHECK(q.commands[2].pts[0] == 5);
  CHECK(q.commands[2].pts[1] == 5);
}

TEST_CASE("quadratics become cubics with the same curve", "[symbols][svg]") {
  const Path p = parse("M0 0Q10 20 20 0T40 0");
  REQUIRE(p.commands.size() == 3);
  const auto& c = p.commands[1];
  CHECK(c.pts[0] == Approx(20.0 / 3));
  CHECK(c.pts[1] == Approx(40.0 / 3));
  // Midpoint of the quadratic: 0.25*P0 + 0.5*Q + 0.25*P2 = (10, 10).
  const auto mid = on_cubic(0, 0, c, 0.5);
  CHECK(mid.first == Approx(10));
  CHECK(mid.second == Approx(10));
  // T reflects the control point (10,20) about (20,0) to (30,-20): midpoint (30,-10).
  const auto mid2 = on_cubic(20, 0, p.commands[2], 0.5);
  CHECK(mid2.first == Approx(30));
  CHECK(mid2.second == Approx(-10));
}

TEST_CASE("elliptical arcs end exactly at their end point, in pieces of at most 90 degrees", "[symbols][svg]") {
  // A half circle of radius 10 from (0,0) to (20,0), sweeping through (10,10) (y down: sweep=1 goes clockwise).
  const Path p = parse("M0 0A10 10 0 0 0 20 0");
  REQUIRE(p.commands.size() == 3);  // move + 2 quarter pieces
  CHECK(p.commands[2].pts[4] == 20);
  CHECK(p.commands[2].pts[5] == 0);
  const auto quarter = end_of(p.commands[1]);
  CHECK(quarter.first == Approx(10));
  CHECK(std::fabs(quarter.second) == Approx(10));
  // Every point on the pieces lies on the circle within 0.03% of the radius.
  double x0 = 0, y0 = 0;
  for (std::size_t i = 1; i < p.commands.size(); ++i) {
    for (double t = 0; t <= 1; t += 0.125) {
      const auto pt = on_cubic(x0, y0, p.commands[i], t);
      CHECK(std::hypot(pt.first - 10, pt.second) == Approx(10).epsilon(3e-4));
    }
    std::tie(x0, y0) = end_of(p.commands[i]);
  }
  // Flags packed together ("a3 3 0 1020 0" is 3 3 0 1 0 20 0) and a large arc.
  const Path big = parse("M0 0a3 3 0 1020 0");
  CHECK(end_of(big.commands.back()) == std::pair{20.0, 0.0});
  // Radii too small are scaled up; zero radius is a straight line.
  const Path line = parse("M0 0A0 5 0 0 1 7 7");
  CHECK(line.commands[1].op == Op::line);
}

TEST_CASE("rotated elliptical arc passes through the right points", "[symbols][svg]") {
  // An ellipse rx=20, ry=10 turned 90 degrees: from (0,-20) to (0,20) around (0,0), large arc irrelevant.
  const Path p = parse("M0-20A20 10 90 0 1 0 20");
  const auto half = end_of(p.commands[1]);
  // sweep=1 (positive angle): the far point of the short radius is at x = -10.
  CHECK(std::fabs(half.first) == Approx(10));
  CHECK(half.second == Approx(0).margin(1e-9));
  CHECK(end_of(p.commands.back()) == std::pair{0.0, 20.0});
}

TEST_CASE("bad path data says what is wrong", "[symbols][svg]") {
  CHECK_THAT(path_error("L10 10"), Catch::Contains("start with M"));
  CHECK_THAT(path_error("M10 10 L5"), Catch::Contains("number is missing"));
  CHECK_THAT(path_error("M10 10 X5 5"), Catch::Contains("'X'"));
}

TEST_CASE("transforms: translate, scale, rotate about a centre, matrix, skew", "[symbols][svg]") {
  std::string error;
  auto m = symbols::detail::parse_transform("translate(10 20) scale(2)", error);
  REQUIRE(m);
  CHECK(apply(*m, 1, 1) == std::pair{12.0, 22.0});  // scale first, then translate
  m = symbols::detail::parse_transform("rotate(90 36 36)", error);
  REQUIRE(m);
  auto p = apply(*m, 36, 0);  // the top middle goes to the right middle
  CHECK(p.first == Approx(72));
  CHECK(p.second == Approx(36));
  p = apply(*m, 36, 36);  // the centre stays
  CHECK(p.first == Approx(36));
  CHECK(p.second == Approx(36));
  m = symbols::detail::parse_transform("matrix(1,0,0,1,5,6)", error);
  REQUIRE(m);
  CHECK(apply(*m, 0, 0) == std::pair{5.0, 6.0});
  m = symbols::detail::parse_transform("skewX(45)", error);
  REQUIRE(m);
  CHECK(apply(*m, 0, 10).first == Approx(10));
  m = symbols::detail::parse_transform("skewY(45)", error);
  REQUIRE(m);
  CHECK(apply(*m, 10, 0).second == Approx(10));
  CHECK_FALSE(symbols::detail::parse_transform("spin(4)", error));
  CHECK_THAT(error, Catch::Contains("spin"));
}

TEST_CASE("transforms compose down the tree", "[symbols][svg]") {
  const Drawing d = read("<g transform=\"translate(10 0)\"><g transform=\"scale(2)\">"
                         "<path transform=\"translate(0 5)\" d=\"M1 1h1\"/></g></g>");
  REQUIRE(d.shapes.size() == 1);
  // (1,1) -> +5 in y -> (1,6) -> x2 -> (2,12) -> +10 in x -> (12,12)
  const auto p = apply(d.shapes[0].matrix, 1, 1);
  CHECK(p.first == Approx(12));
  CHECK(p.second == Approx(12));
}

TEST_CASE("basic shapes become closed outlines", "[symbols][svg]") {
  const Drawing d = read("<rect x=\"1\" y=\"2\" width=\"10\" height=\"4\"/>"
                         "<rect x=\"0\" y=\"0\" width=\"10\" height=\"10\" rx=\"2\"/>"
                         "<circle cx=\"5\" cy=\"5\" r=\"3\"/><ellipse cx=\"5\" cy=\"5\" rx=\"3\" ry=\"1\"/>"
                         "<line x1=\"0\" y1=\"0\" x2=\"5\" y2=\"5\" stroke=\"#000\"/>"
                         "<polyline points=\"0,0 1,1 2,0\"/><polygon points=\"0 0 1 1 2 0\"/>"
                         "<rect width=\"0\" height=\"5\"/><circle r=\"0\"/>");
  REQUIRE(d.shapes.size() == 7);  // zero-size shapes draw nothing
  CHECK(d.shapes[0].path.commands.size() == 5);
  CHECK(end_of(d.shapes[0].path.commands[2]) == std::pair{11.0, 6.0});
  // Rounded rect: ry takes rx when missing; it starts after the corner.
  CHECK(end_of(d.shapes[1].path.commands[0]) == std::pair{2.0, 0.0});
  CHECK(end_of(d.shapes[1].path.commands[2]) == std::pair{10.0, 2.0});
  CHECK(end_of(d.shapes[2].path.commands.front()) == std::pair{8.0, 5.0});
  CHECK(d.shapes[2].path.commands.back().op == Op::close);
  CHECK(end_of(d.shapes[3].path.commands[1]) == std::pair{5.0, 6.0});
  CHECK_FALSE(d.shapes[4].fill);  // a line is never filled
  CHECK(d.shapes[5].path.commands.back().op == Op::line);
  CHECK(d.shapes[6].path.commands.back().op == Op::close);
}

TEST_CASE("styles: inherited attributes, style=\"\" wins, defaults", "[symbols][svg]") {
  const Drawing d = read(
      "<g fill=\"#f00\" stroke=\"#00F\" stroke-width=\"3\" stroke-linecap=\"round\" stroke-linejoin=\"bevel\">"
      "<path d=\"M0 0h1v1z\"/>"
      "<path d=\"M0 0h1v1z\" style=\"fill: #00ff00; stroke:none\" fill=\"#000\"/>"
      "</g><path d=\"M0 0h1v1z\"/>");
  REQUIRE(d.shapes.size() == 3);
  REQUIRE(d.shapes[0].fill);
  CHECK(d.shapes[0].fill->color == Color{1, 0, 0});
  REQUIRE(d.shapes[0].stroke);
  CHECK(d.shapes[0].stroke->color == Color{0, 0, 1});
  CHECK(d.shapes[0].stroke->width == 3);
  CHECK(d.shapes[0].stroke->cap == LineCap::round);
  CHECK(d.shapes[0].stroke->join == LineJoin::bevel);
  CHECK(d.shapes[0].stroke->miter_limit == 4);
  CHECK(d.shapes[1].fill->color == Color{0, 1, 0});
  CHECK_FALSE(d.shapes[1].stroke);
  // SVG's defaults: black fill, no stroke.
  CHECK(d.shapes[2].fill->color == Color{0, 0, 0});
  CHECK_FALSE(d.shapes[2].stroke);
}

TEST_CASE("opacity, even-odd, dashes, paint order and hidden elements", "[symbols][svg]") {
  const Drawing d = read(
      "<g opacity=\"0.5\"><path d=\"M0 0h1v1z\" fill-opacity=\".5\" fill-rule=\"evenodd\" stroke=\"#000\""
      " stroke-opacity=\"0.4\" stroke-dasharray=\"1 2 3\" stroke-dashoffset=\"1\" paint-order=\"stroke fill markers\""
      " stroke-miterlimit=\"10\"/></g>"
      "<path d=\"M0 0h1\" display=\"none\"/><g display=\"none\"><path d=\"M0 0h1\"/></g>"
      "<path d=\"M0 0h1\" stroke=\"#000\" stroke-dasharray=\"0 0 0 0\"/>");
  REQUIRE(d.shapes.size() == 2);
  const Shape& s = d.shapes[0];
  CHECK(s.fill->opacity == Approx(0.25));
  CHECK(s.fill->even_odd);
  CHECK(s.stroke->opacity == Approx(0.2));
  CHECK(s.stroke->dash == std::vector<double>{1, 2, 3, 1, 2, 3});  // an odd list is repeated
  CHECK(s.stroke->dash_offset == 1);
  CHECK(s.stroke->miter_limit == 10);
  CHECK(s.stroke_first);
  CHECK(d.shapes[1].stroke->dash.empty());  // all zero dashes mean a solid line
}

TEST_CASE("clip paths in defs are found by id and carry the user space", "[symbols][svg]") {
  const Drawing d = read(
      "<g transform=\"translate(5 0)\"><defs><clipPath id=\"c\"><path d=\"M0 0H10V10Z\" clip-rule=\"evenodd\"/>"
      "</clipPath></defs><rect width=\"20\" height=\"20\" clip-path=\"url(#c)\"/>"
      "<rect width=\"20\" height=\"20\"/></g>");
  REQUIRE(d.shapes.size() == 2);
  REQUIRE(d.clips.size() == 1);
  CHECK(d.shapes[0].clip == 0);
  CHECK(d.shapes[1].clip == -1);
  REQUIRE(d.clips[0].paths.size() == 1);
  CHECK(d.clips[0].even_odd);
  CHECK(apply(d.clips[0].matrices[0], 0, 0) == std::pair{5.0, 0.0});
}

TEST_CASE("unknown elements and features name the file, the element and the feature", "[symbols][svg]") {
  auto e = read_error("<svg viewBox=\"0 0 72 72\">\n  <text x=\"1\">Hi</text></svg>");
  CHECK(e.file == "bad.svg");
  CHECK(e.span.line == 2);
  CHECK(e.span.column == 3);
  CHECK_THAT(e.message, Catch::Contains("<text>"));
  e = read_error("<svg viewBox=\"0 0 72 72\"><path d=\"M0 0h1\" fill=\"url(#gradient)\"/></svg>");
  CHECK_THAT(e.message, Catch::Contains("fill=\"url(#gradient)\"") && Catch::Contains("<path>"));
  e = read_error("<svg viewBox=\"0 0 72 72\"><rect width=\"5mm\" height=\"1\"/></svg>");
  CHECK_THAT(e.message, Catch::Contains("width") && Catch::Contains("<rect>"));
  e = read_error("<svg viewBox=\"0 0 72 72\"><g filter=\"url(#blur)\"/></svg>");
  CHECK_THAT(e.message, Catch::Contains("filter"));
  e = read_error("<svg viewBox=\"0 0 72 72\"><path d=\"M0 0L\"/></svg>");
  CHECK_THAT(e.message, Catch::Contains("d=") && Catch::Contains("<path>"));
  e = read_error("<svg viewBox=\"0 0 72 72\"><path d=\"M0 0\"></svg>");
  CHECK_THAT(e.message, Catch::Contains("not good SVG"));
}

TEST_CASE("the viewBox sets the drawing's space", "[symbols][svg]") {
  Diagnostics diags;
  auto d = symbols::read_svg("<svg viewBox=\"-1 2 30 40\"/>", "v.svg", diags);
  REQUIRE(d);
  CHECK(d->view_x == -1);
  CHECK(d->view_y == 2);
  CHECK(d->view_width == 30);
  CHECK(d->view_height == 40);
}

TEST_CASE("drawing programs' extra properties are accepted; effects that are on are errors", "[symbols][svg]") {
  const Drawing d = read(
      "<rect width=\"5\" height=\"5\" style=\"fill:#ff0000;font-variation-settings:normal;vector-effect:none;"
      "-inkscape-stroke:none;stop-color:#000;mix-blend-mode:normal;filter:none\" inkscape:label=\"a\"/>");
  REQUIRE(d.shapes.size() == 1);
  CHECK(d.shapes[0].fill->color == Color{1, 0, 0});
  auto e = read_error("<svg viewBox=\"0 0 9 9\"><rect width=\"5\" height=\"5\" style=\"filter:url(#blur)\"/></svg>");
  CHECK_THAT(e.message, Catch::Contains("filter=\"url(#blur)\""));
  e = read_error("<svg viewBox=\"0 0 9 9\"><rect width=\"5\" height=\"5\" style=\"mix-blend-mode:multiply\"/></svg>");
  CHECK_THAT(e.message, Catch::Contains("mix-blend-mode"));
}
