// The SVG reader: walks the element tree with pugixml, carries inherited
// styles and transforms down, and collects painted shapes into a Drawing.
#include <algorithm>
#include <cmath>
#include <map>
#include <pugixml.hpp>
#include <set>

#include "base/tree_depth.hpp"
#include "symbols/svg_parts.hpp"
#include "symbols/symbols.hpp"
#include "text/text.hpp"

namespace easyread::symbols {
namespace {

using detail::parse_length;
using detail::Style;

// Element names that are read, and those that are skipped because they never paint.
const std::set<std::string, std::less<>> kShapes = {"path", "rect", "circle", "ellipse",
                                                    "line", "polyline", "polygon"};
const std::set<std::string, std::less<>> kSkipped = {"title", "desc", "metadata", "sodipodi:namedview"};
// The reader walks the tree by recursion. Real pictures nest groups a few
// levels deep; far deeper nesting would only use up the stack.
constexpr int kDeepestNesting = 100;


class Reader {
 public:
  Reader(std::string_view svg, const std::string& file, Diagnostics& diags)
      : svg_(svg), lines_(svg), file_(file), diags_(diags) {}

  std::optional<Drawing> read() {
    pugi::xml_document doc;
    const auto result = doc.load_buffer(svg_.data(), svg_.size(), pugi::parse_default);
    if (!result) {
      error_at(std::size_t(std::max<std::ptrdiff_t>(0, result.offset)),
               std::string("The picture file is not good SVG: ") + result.description() + ".",
               "Open the file in a drawing program and save it again as SVG.");
      return std::nullopt;
    }
    const pugi::xml_node root = doc.document_element();
    if (std::string_view(root.name()) != "svg") {
      error_at(root, "The picture file does not start with an <svg> element.", "Check that it is an SVG file.");
      return std::nullopt;
    }
    if (const auto deep = first_too_deep(root, kDeepestNesting)) {
      error_at(deep, "The picture has groups inside groups more than " + std::to_string(kDeepestNesting) +
                         " levels deep. That is too deep for easyread.",
               "Save the picture again from a drawing program with fewer groups inside each other.");
      return std::nullopt;
    }
    Drawing drawing;
    if (const auto vb = root.attribute("viewBox")) {
      const auto v = detail::parse_number_list(vb.value());
      // Beyond a million units a drawing has no sensible size (1e308 would overflow).
      auto sensible = [](double x) { return std::abs(x) < 1e6; };
      if (!v || v->size() != 4 || (*v)[2] <= 0 || (*v)[3] <= 0 || !std::all_of(v->begin(), v->end(), sensible)) {
        feature_error(root, "viewBox=\"" + std::string(vb.value()) + "\"");
        return std::nullopt;
      }
      drawing.view_x = (*v)[0];
      drawing.view_y = (*v)[1];
      drawing.view_width = (*v)[2];
      drawing.view_height = (*v)[3];
    } else {
      const auto w = parse_length(root.attribute("width").value());
      const auto h = parse_length(root.attribute("height").value());
      if (!w || !h || *w <= 0 || *h <= 0) {
        error_at(root, "The picture has no size: the <svg> element needs a viewBox.",
                 "Add viewBox=\"0 0 WIDTH HEIGHT\" to the <svg> element.");
        return std::nullopt;
      }
      drawing.view_width = *w;
      drawing.view_height = *h;
    }
    collect_clip_paths(root);
    drawing_ = &drawing;
    Style style;
    if (!walk_children(root, style, Matrix{}, -1) || failed_) return std::nullopt;
    return drawing;
  }

 private:
  void error_at(std::size_t offset, std::string message, std::string suggestion) {
    const auto pos = lines_.at(offset);
    diags_.error(file_, Span{pos.line, pos.column, pos.line, pos.column}, "bad-svg", std::move(message),
                 std::move(suggestion));
    failed_ = true;
  }
  void error_at(pugi::xml_node node, std::string message, std::string suggestion) {
    // pugixml points at the element's name; people count from its '<'.
    auto offset = std::size_t(std::max<std::ptrdiff_t>(0, node.offset_debug()));
    if (offset > 0 && offset <= svg_.size() && svg_[offset - 1] == '<') --offset;
    error_at(offset, std::move(message), std::move(suggestion));
  }
  void feature_error(pugi::xml_node node, const std::string& feature) {
    error_at(node,
             "The picture uses something easyread cannot draw: " + feature + " on the <" +
                 node.name() + "> element.",
             "Save the picture again without it, or use a PNG picture instead.");
  }

  void collect_clip_paths(pugi::xml_node node) {
    for (auto child : node.children()) {
      if (std::string_view(child.name()) == "clipPath") {
        if (const auto id = child.attribute("id")) clip_paths_[id.value()] = child;
      } else {
        collect_clip_paths(child);
      }
    }
    for (auto attr : node.attributes())
      if (std::string_view(attr.name()) == "id") ids_.insert(attr.value());
  }

  bool apply_property(pugi::xml_node node, std::string_view name, std::string_view value, Style& style,
                      double& opacity) {
    if (detail::apply_presentation(name, value, style, opacity, ids_)) return true;
    feature_error(node, std::string(name) + "=\"" + std::string(value) + "\"");
    return false;
  }

  // Reads the element's attributes and style="" into the inherited style.
  bool read_style(pugi::xml_node node, Style& style, double& opacity,
                  const std::set<std::string, std::less<>>& geometry) {
    for (auto attr : node.attributes()) {
      const std::string_view name = attr.name();
      if (geometry.contains(name) || name == "transform" || name == "clip-path" || name == "display" ||
          name == "visibility" || name == "clipPathUnits" || name == "viewBox" ||
          name == "preserveAspectRatio")
        continue;
      if (!apply_property(node, name, attr.value(), style, opacity)) return false;
    }
    // style="" wins over attributes.
    std::string_view css = node.attribute("style").value();
    while (!css.empty()) {
      const auto end = std::min(css.find(';'), css.size());
      std::string_view decl = css.substr(0, end);
      css.remove_prefix(std::min(end + 1, css.size()));
      const auto colon = decl.find(':');
      if (colon == std::string_view::npos) continue;
      auto trim = [](std::string_view s) {
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
        return s;
      };
      const auto key = trim(decl.substr(0, colon));
      const auto value = trim(decl.substr(colon + 1));
      if (key == "display" || key == "visibility") continue;
      if (!apply_property(node, key, value, style, opacity)) return false;
    }
    return true;
  }

  static bool hidden(pugi::xml_node node) {
    const std::string_view style = node.attribute("style").value();
    return std::string_view(node.attribute("display").value()) == "none" ||
           std::string_view(node.attribute("visibility").value()) == "hidden" ||
           style.find("display:none") != std::string_view::npos ||
           style.find("display: none") != std::string_view::npos;
  }

  std::optional<Matrix> own_transform(pugi::xml_node node) {
    const auto attr = node.attribute("transform");
    if (!attr) return Matrix{};
    std::string error;
    auto m = detail::parse_transform(attr.value(), error);
    if (!m) feature_error(node, "transform=\"" + std::string(attr.value()) + "\" (" + error + ")");
    return m;
  }

  // Builds the clip for clip-path="url(#id)" in the user space `ctm`. -1 if none.
  std::optional<int> clip_for(pugi::xml_node node, const Matrix& ctm, int inherited) {
    const auto attr = node.attribute("clip-path");
    if (!attr || std::string_view(attr.value()) == "none") return inherited;
    std::string_view ref = attr.value();
    if (!ref.starts_with("url(#") || !ref.ends_with(")")) {
      feature_error(node, "clip-path=\"" + std::string(ref) + "\"");
      return std::nullopt;
    }
    const auto it = clip_paths_.find(std::string(ref.substr(5, ref.size() - 6)));
    if (it == clip_paths_.end()) {
      error_at(node, "The picture uses a clip path that does not exist: " + std::string(ref) + ".",
               "Check the id of the <clipPath> element.");
      return std::nullopt;
    }
    if (inherited >= 0) {
      feature_error(node, "a clip path inside another clip path");
      return std::nullopt;
    }
    const pugi::xml_node clip_node = it->second;
    if (clip_node.attribute("clipPathUnits") &&
        std::string_view(clip_node.attribute("clipPathUnits").value()) != "userSpaceOnUse") {
      feature_error(clip_node, "clipPathUnits");
      return std::nullopt;
    }
    auto clip_matrix = own_transform(clip_node);
    if (!clip_matrix) return std::nullopt;
    Clip clip;
    Style style;
    double opacity = 1;
    if (!read_style(clip_node, style, opacity, {})) return std::nullopt;
    for (auto child : clip_node.children()) {
      if (child.type() != pugi::node_element || hidden(child)) continue;
      if (!kShapes.contains(std::string_view(child.name()))) {
        feature_error(child, "a <" + std::string(child.name()) + "> inside <clipPath>");
        return std::nullopt;
      }
      Style child_style = style;
      if (!read_style(child, child_style, opacity, geometry_of(child.name()))) return std::nullopt;
      auto m = own_transform(child);
      auto path = shape_path(child);
      if (!m || !path) return std::nullopt;
      clip.paths.push_back(std::move(*path));
      clip.matrices.push_back(m->then(*clip_matrix).then(ctm));
      clip.even_odd = child_style.clip_even_odd;
    }
    drawing_->clips.push_back(std::move(clip));
    return int(drawing_->clips.size()) - 1;
  }

  static const std::set<std::string, std::less<>>& geometry_of(std::string_view element);

  std::optional<Path> shape_path(pugi::xml_node node) {
    std::string error;
    auto path = detail::shape_outline(node, error);
    if (!path) feature_error(node, error);
    return path;
  }

  bool walk_children(pugi::xml_node parent, const Style& style, const Matrix& ctm, int clip) {
    for (auto child : parent.children()) {
      if (child.type() != pugi::node_element) continue;
      if (!walk(child, style, ctm, clip)) return false;
    }
    return true;
  }

  bool walk(pugi::xml_node node, const Style& parent_style, const Matrix& parent_ctm, int parent_clip) {
    const std::string_view name = node.name();
    if (kSkipped.contains(name) || name == "clipPath") return true;
    if (name == "defs") {
      // Only clip paths live here (collected before the walk); anything else is not drawn.
      for (auto child : node.children())
        if (child.type() == pugi::node_element && std::string_view(child.name()) != "clipPath" &&
            !kSkipped.contains(std::string_view(child.name()))) {
          feature_error(child, "<" + std::string(child.name()) + "> inside <defs>");
          return false;
        }
      return true;
    }
    const bool is_group = name == "g";
    if (!is_group && !kShapes.contains(name)) {
      error_at(node, "The picture has a <" + std::string(name) + "> element. easyread cannot draw <" +
                         std::string(name) + "> elements.",
               "Save the picture again without it, or use a PNG picture instead. For words in a picture, turn them into shapes in your drawing program.");
      return false;
    }
    if (hidden(node)) return true;
    Style style = parent_style;
    double opacity = 1;
    if (!read_style(node, style, opacity, geometry_of(name))) return false;
    style.group_opacity *= std::clamp(opacity, 0.0, 1.0);
    const auto own = own_transform(node);
    if (!own) return false;
    const Matrix ctm = own->then(parent_ctm);
    const auto clip = clip_for(node, ctm, parent_clip);
    if (!clip) return false;
    if (is_group) return walk_children(node, style, ctm, *clip);

    auto path = shape_path(node);
    if (!path) return !failed_;
    if (path->commands.empty()) return true;  // a shape of size zero draws nothing
    Shape shape;
    shape.path = std::move(*path);
    shape.matrix = ctm;
    shape.clip = *clip;
    shape.stroke_first = style.stroke_first;
    const bool can_fill = name != "line";
    if (style.fill && can_fill) {
      Fill fill;
      fill.color = *style.fill;
      fill.even_odd = style.fill_even_odd;
      fill.opacity = std::clamp(style.fill_opacity, 0.0, 1.0) * style.group_opacity;
      shape.fill = fill;
    }
    if (style.stroke && style.stroke_width > 0) {
      Stroke stroke;
      stroke.color = *style.stroke;
      stroke.width = style.stroke_width;
      stroke.cap = style.cap;
      stroke.join = style.join;
      stroke.miter_limit = style.miter_limit;
      stroke.dash = style.dash;
      stroke.dash_offset = style.dash_offset;
      stroke.opacity = std::clamp(style.stroke_opacity, 0.0, 1.0) * style.group_opacity;
      shape.stroke = stroke;
    }
    if (shape.fill || shape.stroke) drawing_->shapes.push_back(std::move(shape));
    return true;
  }

  std::string_view svg_;
  text::LineIndex lines_;
  const std::string& file_;
  Diagnostics& diags_;
  Drawing* drawing_ = nullptr;
  bool failed_ = false;
  std::map<std::string, pugi::xml_node, std::less<>> clip_paths_;
  std::set<std::string, std::less<>> ids_;
};

const std::set<std::string, std::less<>>& Reader::geometry_of(std::string_view element) {
  static const std::set<std::string, std::less<>> none;
  static const std::set<std::string, std::less<>> path = {"d", "pathLength"};
  static const std::set<std::string, std::less<>> rect = {"x", "y", "width", "height", "rx", "ry"};
  static const std::set<std::string, std::less<>> circle = {"cx", "cy", "r"};
  static const std::set<std::string, std::less<>> ellipse = {"cx", "cy", "rx", "ry"};
  static const std::set<std::string, std::less<>> line = {"x1", "y1", "x2", "y2"};
  static const std::set<std::string, std::less<>> points = {"points"};
  if (element == "path") return path;
  if (element == "rect") return rect;
  if (element == "circle") return circle;
  if (element == "ellipse") return ellipse;
  if (element == "line") return line;
  if (element == "polyline" || element == "polygon") return points;
  return none;
}

}  // namespace

std::optional<Drawing> read_svg(std::string_view svg, const std::string& file, Diagnostics& diags) {
  return Reader(svg, file, diags).read();
}

}  // namespace easyread::symbols
