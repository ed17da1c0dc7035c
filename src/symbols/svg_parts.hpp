// Pieces of the SVG reader that can be tested on their own: path data,
// elliptical arcs, transforms, colours and number lists.
#pragma once
#include <optional>
#include <set>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/graphics.hpp"

namespace easyread::symbols::detail {

// Properties that children inherit, plus group opacity folded in.
struct Style {
  std::optional<Color> fill = Color{};  // nullopt means "none"
  std::optional<Color> stroke;
  double fill_opacity = 1, stroke_opacity = 1, group_opacity = 1;
  double stroke_width = 1, miter_limit = 4, dash_offset = 0;
  LineCap cap = LineCap::butt;
  LineJoin join = LineJoin::miter;
  std::vector<double> dash;
  bool fill_even_odd = false, clip_even_odd = false, stroke_first = false;
  Color current_color;
};

// Applies one presentation property (an attribute or a style="" entry) to
// `style`; `opacity` takes the element's own opacity. `ids` are the
// document's element ids (a marker pointing at nothing is ignored). Properties
// with no drawing meaning (id, class, xmlns...) are accepted. False if the
// property or its value is not understood.
bool apply_presentation(std::string_view name, std::string_view value, Style& style, double& opacity,
                        const std::set<std::string, std::less<>>& ids);

// Parses the `d` attribute of a path into moves, lines, cubics and closes.
// On bad data returns false and puts a plain description into `error`.
bool parse_path_data(std::string_view d, Path& out, std::string& error);

// Appends an SVG elliptical arc from (x0, y0) to (x, y) as cubic pieces of at
// most 90 degrees each. The last point is exactly (x, y).
void append_arc(Path& path, double x0, double y0, double rx, double ry, double angle_degrees,
                bool large_arc, bool sweep, double x, double y);

// Appends a closed ellipse (four quarter arcs), starting at its rightmost point.
void append_ellipse(Path& path, double cx, double cy, double rx, double ry);

// Parses a transform list such as "translate(10 5) rotate(30 36 36)".
std::optional<Matrix> parse_transform(std::string_view text, std::string& error);

// Parses "#rgb", "#rrggbb", "rgb(...)" or a basic colour name.
std::optional<Color> parse_color(std::string_view text);

// Parses numbers separated by spaces and/or commas. nullopt if any is bad.
std::optional<std::vector<double>> parse_number_list(std::string_view text);

// Parses one length in user units ("2", "2px", "1e-1"). nullopt for other units.
std::optional<double> parse_length(std::string_view text);

// The outline of a basic shape element (path, rect, circle, ellipse, line,
// polyline, polygon). An empty path means the shape has no size and draws
// nothing. nullopt with `error` set if an attribute is wrong.
std::optional<Path> shape_outline(pugi::xml_node node, std::string& error);

}  // namespace easyread::symbols::detail
