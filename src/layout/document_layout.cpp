// The whole document: cover, contents, sections of rows, the word list, and
// page footers. Structure nodes are made in reading order as pages fill.
#include <algorithm>

#include "layout/document_layout.hpp"
#include "text/text.hpp"

namespace easyread::layout {

DocumentLayout::DocumentLayout(const markup::Document& doc, const Template& tmpl,
                               const Strings& strings, const FontSet& fonts, Styles styles,
                               const std::vector<PlacedPicture>& pictures)
    : doc_(doc), tmpl_(tmpl), strings_(strings), fonts_(fonts), styles_(styles),
      pictures_(pictures), segmenter_(doc.lang), dates_(doc.lang) {}

void DocumentLayout::run(Document& out, const std::vector<ContentsEntry>* contents) {
  out.pages.clear();
  out.nodes.clear();
  out.bookmarks.clear();
  sections_.clear();
  next_picture_ = 0;
  PageBuilder pages(tmpl_, fonts_, out);
  pages_ = &pages;
  root_ = pages.node("Document", -1);
  cover();
  if (contents) contents_pages(*contents);
  pages.new_page();
  for (const auto& section : doc_.sections) body_section(section);
  if (!doc_.words.empty()) word_list();
  closing();
  footers(out);
  pages_ = nullptr;
}

double DocumentLayout::column_width() const {
  return pages_->content_width() - tmpl_.picture_size - tmpl_.picture_gap;
}

const PlacedPicture& DocumentLayout::take_picture() { return pictures_.at(next_picture_++); }

void DocumentLayout::cover() {
  PageBuilder& pages = *pages_;
  pages.new_page();
  int sect = pages.node("Sect", root_);
  double width = pages.content_width();
  auto draw = [&](const StyledText& text, const TextStyle& style, const Color& color,
                  const std::string& role) {
    for (auto& lines : set_sentences(text, segmenter_, fonts_, style, width)) {
      int node = pages.node(role, sect);
      for (const auto& line : lines)
        pages.advance(pages.draw_line(line, style, color, pages.left(), pages.cursor(), node));
    }
    pages.advance(style.size * 0.5);
  };
  auto date_line = [&] {
    if (!doc_.date) return;
    StyledText date;
    date.add(dates_.long_date(*doc_.date));
    draw(date, styles_.subheading, tmpl_.text, "P");
  };
  if (!doc_.organisation.empty()) {
    StyledText org;
    org.add(doc_.organisation);
    draw(org, styles_.body, tmpl_.accent, "P");
  }
  if (tmpl_.cover_date_first) date_line();
  StyledText title;
  title.add(doc_.title, true);
  // The title is one heading, even when it has more than one sentence.
  int h1 = pages.node("H1", sect);
  for (auto& lines : set_sentences(title, segmenter_, fonts_, styles_.cover_title, width))
    for (const auto& line : lines)
      pages.advance(pages.draw_line(line, styles_.cover_title, tmpl_.heading, pages.left(),
                                    pages.cursor(), h1));
  out().bookmarks.push_back({doc_.title, pages.page_index(), 0, 0});
  pages.advance(styles_.cover_title.size * 0.4);
  if (!tmpl_.cover_date_first) date_line();
  if (doc_.cover) {
    const PlacedPicture& picture = take_picture();
    pages.advance(tmpl_.row_gap);
    if (picture.index >= 0) {
      int figure = pages.node("Figure", sect, picture.alt);
      pages.draw_picture(picture.index, picture.aspect, pages.left(), pages.cursor(),
                         tmpl_.cover_picture_size, figure);
      pages.advance(tmpl_.cover_picture_size + tmpl_.row_gap);
    }
    draw(StyledText::from(doc_.cover->text), styles_.subheading, tmpl_.text, "P");
  }
}

void DocumentLayout::contents_pages(const std::vector<ContentsEntry>& entries) {
  PageBuilder& pages = *pages_;
  pages.new_page();
  int sect = pages.node("Sect", root_);
  heading(strings_.get("contents-heading"), pages.node("H1", sect));
  int toc = pages.node("TOC", sect);
  double line = pages.line_height(styles_.body);
  for (const auto& entry : entries) {
    if (line > pages.space_left()) pages.new_page();
    int item = pages.node("TOCI", toc);
    int p = pages.node("P", item);
    double baseline = pages.baseline(styles_.body, pages.cursor());
    pages.draw_label(entry.title, styles_.body.regular, styles_.body.size, tmpl_.text, pages.left(),
                     baseline, p);
    std::string number = std::to_string(entry.page + 1);
    double w = fonts_.width(styles_.body.bold, number, styles_.body.size);
    pages.draw_label(number, styles_.body.bold, styles_.body.size, tmpl_.text,
                     pages.left() + pages.content_width() - w, baseline, p);
    pages.advance(line);
  }
}

double DocumentLayout::heading_height(const std::string& title) const {
  StyledText text;
  text.add(title, true);
  std::size_t count = 0;
  for (const auto& lines :
       set_sentences(text, segmenter_, fonts_, styles_.heading, pages_->content_width()))
    count += lines.size();
  return static_cast<double>(count) * pages_->line_height(styles_.heading) + heading_after();
}

double DocumentLayout::heading_after() const { return styles_.heading.size * 0.5; }

void DocumentLayout::heading(const std::string& title, int h1) {
  PageBuilder& pages = *pages_;
  StyledText text;
  text.add(title, true);
  out().bookmarks.push_back({title, pages.page_index(), pages.cursor(), 0});
  for (auto& lines : set_sentences(text, segmenter_, fonts_, styles_.heading, pages.content_width()))
    for (const auto& line : lines)
      pages.advance(pages.draw_line(line, styles_.heading, tmpl_.heading, pages.left(),
                                    pages.cursor(), h1));
  if (tmpl_.rule_under_headings)
    pages.draw_rect(pages.left(), pages.cursor() + 2, pages.content_width(), 2, tmpl_.accent);
  pages.advance(heading_after());
}

}  // namespace easyread::layout
