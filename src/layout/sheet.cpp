// The contact sheet of `easyread symbols sheet`: pictures in a grid, each
// with its names and code under it, so a group can choose together on paper.
#include <algorithm>

#include "layout/document_layout.hpp"

namespace easyread::layout {
namespace {

// Three pictures across keeps each at the template's picture size (about
// 4 cm on A4): big enough to point at across a table.
constexpr std::size_t kColumns = 3;
// Between a picture and its names, in parts of the text size.
constexpr double kNameGap = 0.5;

class SheetLayout {
 public:
  SheetLayout(const content::Sheet& sheet, const style::Template& tmpl, const FontSet& fonts,
              Styles styles)
      : sheet_(sheet), tmpl_(tmpl), fonts_(fonts), styles_(styles), segmenter_(sheet.metadata.lang) {}

  void run(Document& out) {
    PageBuilder pages(tmpl_, fonts_, out);
    pages_ = &pages;
    int root = pages.node(Role::document, -1);
    pages.new_page();
    int sect = pages.node(Role::sect, root);
    title(sect);
    for (std::size_t first = 0; first < sheet_.entries.size(); first += kColumns) grid_row(first, sect);
    if (!sheet_.closing.empty()) {
      int closing = pages.node(Role::sect, root);
      for (const auto& line : sheet_.closing)
        draw_paragraph(pages, segmenter_, fonts_, line.text, styles_.body, tmpl_.text, closing);
    }
    pages.page_numbers(sheet_.labels, styles_.footer, 0);
    pages_ = nullptr;
  }

 private:
  double cell_width() const { return pages_->content_width() / static_cast<double>(kColumns); }

  void title(int sect) {
    PageBuilder& pages = *pages_;
    StyledText text;
    text.add(sheet_.metadata.title, true);
    int h1 = pages.node(Role::h1, sect);
    pages.out().bookmarks.push_back({sheet_.metadata.title, pages.page_index(), pages.cursor(), 0});
    for (const auto& line : set_lines(text, segmenter_, fonts_, styles_.heading, pages.content_width()))
      pages.advance(pages.draw_line(line, styles_.heading, tmpl_.heading, pages.left(), pages.cursor(), h1));
    pages.advance(styles_.heading.size * kHeadingGap);
  }

  // One row of the grid, moved to a new page whole if it does not fit.
  void grid_row(std::size_t first, int sect) {
    PageBuilder& pages = *pages_;
    const std::size_t end = std::min(first + kColumns, sheet_.entries.size());
    std::vector<std::vector<Line>> names;
    double height = 0;
    for (std::size_t i = first; i < end; ++i) {
      StyledText text;
      text.add(sheet_.entries[i].names);
      // The template's gap between picture and text keeps neighbours' names apart.
      names.push_back(set_lines(text, segmenter_, fonts_, styles_.body, cell_width() - tmpl_.picture_gap));
      height = std::max(height, tmpl_.picture_size + styles_.body.size * kNameGap +
                                    static_cast<double>(names.back().size()) * pages.line_height(styles_.body) +
                                    pages.line_height(styles_.footer));
    }
    if (height > pages.space_left() && !pages.at_page_top()) pages.new_page();
    const double top = pages.cursor();
    for (std::size_t i = first; i < end; ++i) {
      const content::SheetEntry& entry = sheet_.entries[i];
      const double centre = pages.left() + (static_cast<double>(i - first) + 0.5) * cell_width();
      int figure = pages.node(Role::figure, sect, entry.picture.alt);
      pages.draw_picture(entry.picture.picture, entry.picture.aspect, centre - tmpl_.picture_size / 2, top,
                         tmpl_.picture_size, figure);
      int p = pages.node(Role::paragraph, sect);
      double y = top + tmpl_.picture_size + styles_.body.size * kNameGap;
      for (const auto& line : names[i - first])
        y += pages.draw_line(line, styles_.body, tmpl_.text, centre - line.width / 2, y, p);
      const TextStyle& small = styles_.footer;
      double width = fonts_.width(small.regular, entry.code, small.size);
      pages.draw_label(entry.code, small.regular, small.size, tmpl_.text, centre - width / 2,
                       pages.baseline(small, y), p);
    }
    pages.advance(height + tmpl_.row_gap);
  }

  const content::Sheet& sheet_;
  const style::Template& tmpl_;
  const FontSet& fonts_;
  Styles styles_;
  text::Segmenter segmenter_;
  PageBuilder* pages_ = nullptr;
};

}  // namespace

Document lay_out_sheet(const content::Sheet& sheet, const style::Template& look, const FontSet& fonts,
                       const Faces& faces) {
  Document out = empty_document(look, sheet.metadata, sheet.pictures);
  SheetLayout(sheet, look, fonts, styles_for(look, faces)).run(out);
  out.fonts = fonts.files();
  return out;
}

}  // namespace easyread::layout
