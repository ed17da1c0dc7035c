// Outlines of SVG's basic shapes, as paths in the element's user space.
#include <algorithm>

#include "symbols/svg_parts.hpp"

namespace easyread::symbols::detail {
namespace {

void add(Path& path, PathCommand::Op op, double x = 0, double y = 0) {
  PathCommand cmd;
  cmd.op = op;
  cmd.pts[0] = x;
  cmd.pts[1] = y;
  path.commands.push_back(cmd);
}

// Reads a length attribute; a missing one gives `fallback`.
bool length(pugi::xml_node node, const char* name, double fallback, double& out, std::string& error) {
  const auto attr = node.attribute(name);
  if (!attr) {
    out = fallback;
    return true;
  }
  const auto v = parse_length(attr.value());
  if (!v) {
    error = std::string(name) + "=\"" + attr.value() + "\" (only plain numbers are understood)";
    return false;
  }
  out = *v;
  return true;
}

std::optional<Path> rect_outline(pugi::xml_node node, std::string& error) {
  double x, y, w, h, rx, ry;
  if (!length(node, "x", 0, x, error) || !length(node, "y", 0, y, error) ||
      !length(node, "width", 0, w, error) || !length(node, "height", 0, h, error) ||
      !length(node, "rx", -1, rx, error) || !length(node, "ry", -1, ry, error))
    return std::nullopt;
  Path path;
  if (w <= 0 || h <= 0) return path;
  // A missing radius takes the other one; both are limited to half the side.
  if (rx < 0 && ry < 0) rx = ry = 0;
  else if (rx < 0) rx = ry;
  else if (ry < 0) ry = rx;
  rx = std::min(rx, w / 2);
  ry = std::min(ry, h / 2);
  if (rx <= 0 || ry <= 0) {
    add(path, PathCommand::Op::move, x, y);
    add(path, PathCommand::Op::line, x + w, y);
    add(path, PathCommand::Op::line, x + w, y + h);
    add(path, PathCommand::Op::line, x, y + h);
    add(path, PathCommand::Op::close);
    return path;
  }
  add(path, PathCommand::Op::move, x + rx, y);
  add(path, PathCommand::Op::line, x + w - rx, y);
  append_arc(path, x + w - rx, y, rx, ry, 0, false, true, x + w, y + ry);
  add(path, PathCommand::Op::line, x + w, y + h - ry);
  append_arc(path, x + w, y + h - ry, rx, ry, 0, false, true, x + w - rx, y + h);
  add(path, PathCommand::Op::line, x + rx, y + h);
  append_arc(path, x + rx, y + h, rx, ry, 0, false, true, x, y + h - ry);
  add(path, PathCommand::Op::line, x, y + ry);
  append_arc(path, x, y + ry, rx, ry, 0, false, true, x + rx, y);
  add(path, PathCommand::Op::close);
  return path;
}

}  // namespace

std::optional<Path> shape_outline(pugi::xml_node node, std::string& error) {
  const std::string_view name = node.name();
  Path path;
  if (name == "path") {
    const auto d = node.attribute("d");
    if (!d) return path;
    if (!parse_path_data(d.value(), path, error)) {
      error = "d=\"...\" (" + error + ")";
      return std::nullopt;
    }
    return path;
  }
  if (name == "rect") return rect_outline(node, error);
  if (name == "circle" || name == "ellipse") {
    double cx, cy, rx, ry;
    if (!length(node, "cx", 0, cx, error) || !length(node, "cy", 0, cy, error)) return std::nullopt;
    if (name == "circle") {
      if (!length(node, "r", 0, rx, error)) return std::nullopt;
      ry = rx;
    } else {
      if (!length(node, "rx", -1, rx, error) || !length(node, "ry", -1, ry, error)) return std::nullopt;
      if (rx < 0) rx = ry;  // "auto": the other radius
      if (ry < 0) ry = rx;
    }
    if (rx > 0 && ry > 0) append_ellipse(path, cx, cy, rx, ry);
    return path;
  }
  if (name == "line") {
    double x1, y1, x2, y2;
    if (!length(node, "x1", 0, x1, error) || !length(node, "y1", 0, y1, error) ||
        !length(node, "x2", 0, x2, error) || !length(node, "y2", 0, y2, error))
      return std::nullopt;
    add(path, PathCommand::Op::move, x1, y1);
    add(path, PathCommand::Op::line, x2, y2);
    return path;
  }
  if (name == "polyline" || name == "polygon") {
    const auto v = parse_number_list(node.attribute("points").value());
    if (!v) {
      error = "points=\"" + std::string(node.attribute("points").value()) + "\"";
      return std::nullopt;
    }
    // An odd last number is dropped, as SVG says.
    for (std::size_t i = 0; i + 1 < v->size(); i += 2)
      add(path, i == 0 ? PathCommand::Op::move : PathCommand::Op::line, (*v)[i], (*v)[i + 1]);
    if (name == "polygon" && !path.commands.empty()) add(path, PathCommand::Op::close);
    return path;
  }
  error = "the element itself";
  return std::nullopt;
}

}  // namespace easyread::symbols::detail
