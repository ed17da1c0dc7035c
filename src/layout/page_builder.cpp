#include "layout/page_builder.hpp"

#include <algorithm>

namespace easyread::layout {

PageBuilder::PageBuilder(const style::Template& tmpl, const FontSet& fonts, Document& out)
    : tmpl_(tmpl), fonts_(fonts), out_(out) {}

void PageBuilder::new_page() {
  out_.pages.emplace_back();
  cursor_ = tmpl_.margin_top;
}

int PageBuilder::node(Role role, int parent, const std::string& alt) {
  out_.nodes.push_back({role, alt, parent, {}});
  int index = static_cast<int>(out_.nodes.size()) - 1;
  if (parent >= 0) out_.nodes[static_cast<std::size_t>(parent)].children.push_back(index);
  return index;
}

double PageBuilder::draw_line(const Line& line, const TextStyle& style, const Color& color,
                              double x, double top, int node_index) {
  const double height = line_height(style);
  const double base = baseline(style, top);
  double pen = x;
  int link_node = -1;
  std::string current_link;
  for (const auto& piece : line.pieces) {
    TextItem item;
    item.font = piece.bold ? style.bold : style.regular;
    item.size = style.size;
    item.color = color;
    item.x = pen;
    item.y = y_up(base);
    item.width = piece.width;
    item.text = piece.text;
    item.link = piece.link;
    item.node = node_index;
    if (!piece.link.empty() && node_index >= 0) {
      if (piece.link != current_link) link_node = node(Role::link, node_index);
      current_link = piece.link;
      item.node = link_node;
    } else {
      current_link.clear();
    }
    pen += piece.width;
    out_.pages.back().items.emplace_back(std::move(item));
  }
  return height;
}

double PageBuilder::baseline(const TextStyle& style, double top) const {
  const double ascent = fonts_.ascender(style.regular) * style.size;
  const double descent = fonts_.descender(style.regular) * style.size;
  return top + (line_height(style) - (ascent - descent)) / 2 + ascent;
}

void PageBuilder::draw_label(const std::string& text, int font, double size, const Color& color,
                             double x, double baseline, int node_index, int page) {
  TextItem item;
  item.font = font;
  item.size = size;
  item.color = color;
  item.x = x;
  item.y = y_up(baseline);
  item.width = fonts_.width(font, text, size);
  item.text = text;
  item.node = node_index;
  Page& target = page < 0 ? out_.pages.back() : out_.pages.at(static_cast<std::size_t>(page));
  target.items.emplace_back(std::move(item));
}

void PageBuilder::draw_picture(int picture, double aspect, double x, double top, double box,
                               int node_index) {
  double w = box, h = box;
  if (aspect >= 1) h = box / aspect;
  else w = box * aspect;
  PictureItem item;
  item.picture = picture;
  item.x = x + (box - w) / 2;
  item.y = y_up(top + (box - h) / 2 + h);
  item.width = w;
  item.height = h;
  item.node = node_index;
  out_.pages.back().items.emplace_back(item);
}

void PageBuilder::draw_rect(double x, double top, double width, double height, const Color& fill) {
  RectItem item;
  item.x = x;
  item.y = y_up(top + height);
  item.width = width;
  item.height = height;
  item.fill = fill;
  out_.pages.back().items.emplace_back(item);
}

void PageBuilder::page_numbers(const content::Labels& labels, const TextStyle& style,
                               std::size_t first) {
  const int total = static_cast<int>(out_.pages.size());
  for (std::size_t i = first; i < out_.pages.size(); ++i) {
    std::string label = labels.page_number(static_cast<int>(i) + 1, total);
    double width = fonts_.width(style.regular, label, style.size);
    double baseline = out_.page_height - tmpl_.margin_bottom * kFooterBaseline;
    draw_label(label, style.regular, style.size, tmpl_.text, (out_.page_width - width) / 2, baseline,
               -1, static_cast<int>(i));
  }
}

}  // namespace easyread::layout
