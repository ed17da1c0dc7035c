// SVG presentation properties (fill, stroke, opacity, dashes, ...) as
// attributes or in style="", applied to the inherited style.
#include "symbols/svg_parts.hpp"

namespace easyread::symbols::detail {
namespace {

// Attributes that carry no drawing meaning here.
const std::set<std::string, std::less<>> kIgnoredAttributes = {
    "id", "class", "version", "xmlns", "width", "height", "x", "y", "stop-color", "overflow",
    "enable-background", "xml:space", "data-name", "baseProfile", "style"};

// Properties about text or rendering speed: shapes look the same without them.
const std::set<std::string, std::less<>> kNoEffect = {
    "letter-spacing", "word-spacing", "line-height", "writing-mode", "direction", "baseline-shift",
    "dominant-baseline", "alignment-baseline", "shape-rendering", "image-rendering", "overflow",
    "shape-inside", "shape-padding", "inline-size", "white-space"};

}  // namespace

bool apply_presentation(std::string_view name, std::string_view value, Style& style, double& opacity,
                        const std::set<std::string, std::less<>>& ids) {
  auto bad = [] { return false; };
  auto paint = [&](std::optional<Color>& target) {
    if (value == "none" || value == "transparent") {
      target.reset();
    } else if (value == "currentColor") {
      target = style.current_color;
    } else if (auto c = parse_color(value)) {
      target = *c;
    } else {
      return bad();
    }
    return true;
  };
  auto number = [&](double& target) {
    const auto v = parse_length(value);
    if (!v) return bad();
    target = *v;
    return true;
  };
  if (name == "fill") return paint(style.fill);
  if (name == "stroke") return paint(style.stroke);
  if (name == "color") {
    auto c = parse_color(value);
    if (!c) return bad();
    style.current_color = *c;
    return true;
  }
  if (name == "fill-opacity") return number(style.fill_opacity);
  if (name == "stroke-opacity") return number(style.stroke_opacity);
  if (name == "opacity") return number(opacity);
  if (name == "stroke-width") return number(style.stroke_width);
  if (name == "stroke-miterlimit") return number(style.miter_limit);
  if (name == "stroke-dashoffset") return number(style.dash_offset);
  if (name == "fill-rule" || name == "clip-rule") {
    if (value != "evenodd" && value != "nonzero") return bad();
    (name == "fill-rule" ? style.fill_even_odd : style.clip_even_odd) = value == "evenodd";
    return true;
  }
  if (name == "stroke-linecap") {
    if (value == "butt") style.cap = LineCap::butt;
    else if (value == "round") style.cap = LineCap::round;
    else if (value == "square") style.cap = LineCap::square;
    else return bad();
    return true;
  }
  if (name == "stroke-linejoin") {
    if (value == "miter" || value == "miter-clip") style.join = LineJoin::miter;
    else if (value == "round") style.join = LineJoin::round;
    else if (value == "bevel") style.join = LineJoin::bevel;
    else return bad();
    return true;
  }
  if (name == "stroke-dasharray") {
    if (value == "none") {
      style.dash.clear();
      return true;
    }
    auto v = detail::parse_number_list(value);
    if (!v) return bad();
    double sum = 0;
    for (double d : *v) {
      if (d < 0) return bad();
      sum += d;
    }
    if (v->size() % 2 == 1) v->insert(v->end(), v->begin(), v->end());  // SVG repeats an odd list
    if (sum == 0) v->clear();                                            // all zero: a solid line
    style.dash = *v;
    return true;
  }
  if (name == "paint-order") {
    // Only the order of fill and stroke matters here (markers are not drawn).
    const auto fill_at = value.find("fill"), stroke_at = value.find("stroke");
    if (value == "normal") style.stroke_first = false;
    else if (stroke_at == std::string_view::npos && fill_at == std::string_view::npos) return bad();
    else style.stroke_first = stroke_at != std::string_view::npos && stroke_at < fill_at;
    return true;
  }
  if (name == "marker-start" || name == "marker-mid" || name == "marker-end") {
    // A marker that points to nothing draws nothing (as other viewers do).
    std::string_view ref = value;
    if (ref == "none") return true;
    if (ref.starts_with("url(#") && ref.ends_with(")") && !ids.contains(std::string(ref.substr(5, ref.size() - 6))))
      return true;
    return bad();
  }
  if (kIgnoredAttributes.contains(name) || name.starts_with("xmlns:") || name.find(':') != std::string_view::npos)
    return true;
  // Drawing programs write text and rendering hints on every shape; they do not change how a shape looks.
  if (name.starts_with("font") || name.starts_with("text-") || name.starts_with("-inkscape") ||
      name.starts_with("stop-") || name.starts_with("solid-") || name.starts_with("color-") ||
      kNoEffect.contains(name))
    return true;
  // Effects switched off are fine; switched on, they are not drawn, so say so.
  if ((name == "filter" || name == "mask" || name == "marker" || name == "vector-effect") && value == "none")
    return true;
  if ((name == "mix-blend-mode" && value == "normal") || (name == "isolation" && value == "auto")) return true;
  return bad();
}

}  // namespace easyread::symbols::detail
