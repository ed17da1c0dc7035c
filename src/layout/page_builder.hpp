// Fills pages from the top down: keeps the cursor, starts new pages, and adds
// items and structure nodes to the output document.
#pragma once
#include "layout/fonts.hpp"
#include "layout/layout.hpp"
#include "layout/lines.hpp"
#include "layout/spacing.hpp"
#include "style/style.hpp"

namespace easyread::layout {

class PageBuilder {
 public:
  PageBuilder(const style::Template& tmpl, const FontSet& fonts, Document& out);

  void new_page();
  int page_index() const { return static_cast<int>(out_.pages.size()) - 1; }
  // Distance from the top of the page to the top of the free space.
  double cursor() const { return cursor_; }
  double space_left() const { return bottom_limit() - cursor_; }
  double full_page_space() const { return bottom_limit() - tmpl_.margin_top; }
  bool at_page_top() const { return cursor_ <= tmpl_.margin_top + kRoundingSlack; }
  void advance(double dy) { cursor_ += dy; }

  // A new structure node under `parent` (appended to its children).
  int node(Role role, int parent, const std::string& alt = {});

  // Draws one line of pieces with its top at `top` (from the page top).
  // Link pieces get a Link node under `node`. Returns the line's height.
  double draw_line(const Line& line, const TextStyle& style, const Color& color, double x,
                   double top, int node);
  double line_height(const TextStyle& style) const { return style.size * tmpl_.line_spacing; }
  // The baseline of a line whose box starts at `top`: letters sit in the
  // middle of the box, so extra line spacing falls evenly above and below.
  double baseline(const TextStyle& style, double top) const;
  // Draws a text with no breaking (labels, footers) with its baseline at
  // `baseline`, on the current page or on page `page`.
  void draw_label(const std::string& text, int font, double size, const Color& color, double x,
                  double baseline, int node, int page = -1);
  // Places a picture inside a square box, keeping its shape, centred.
  void draw_picture(int picture, double aspect, double x, double top, double box, int node);
  void draw_rect(double x, double top, double width, double height, const Color& fill);
  // "Page 2 of 8" centred in the bottom margin of every page from `first`
  // on, marked as an artifact (not content).
  void page_numbers(const content::Labels& labels, const TextStyle& style, std::size_t first);

  double top_margin() const { return tmpl_.margin_top; }
  double left() const { return tmpl_.margin_left; }
  double content_width() const { return out_.page_width - tmpl_.margin_left - tmpl_.margin_right; }
  Document& out() { return out_; }

 private:
  double bottom_limit() const { return out_.page_height - tmpl_.margin_bottom; }
  double y_up(double top) const { return out_.page_height - top; }

  const style::Template& tmpl_;
  const FontSet& fonts_;
  Document& out_;
  double cursor_ = 0;
};

}  // namespace easyread::layout
