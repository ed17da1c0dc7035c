// The whole document: cover, contents, sections of rows, the word list, and
// page footers. Structure nodes are made in reading order as pages fill.
#include <algorithm>

#include "layout/document_layout.hpp"

namespace easyread::layout {

DocumentLayout::DocumentLayout(const content::Document& doc, const style::Template& tmpl,
                               const FontSet& fonts, Styles styles, Deadline deadline)
    : doc_(doc), tmpl_(tmpl), fonts_(fonts), styles_(styles), segmenter_(doc.metadata.lang), deadline_(deadline) {}

void DocumentLayout::run(Document& out, const std::vector<ContentsEntry>* contents) {
  out.pages.clear();
  out.nodes.clear();
  out.bookmarks.clear();
  sections_.clear();
  PageBuilder pages(tmpl_, fonts_, out);
  pages_ = &pages;
  root_ = pages.node(Role::document, -1);
  cover();
  if (contents) contents_pages(*contents);
  pages.new_page();
  for (const auto& section : doc_.sections) body_section(section);
  if (!doc_.words.empty()) word_list();
  closing();
  pages.page_numbers(doc_.labels, styles_.footer, 1);  // not on the cover
  pages_ = nullptr;
}

double DocumentLayout::column_width() const {
  return pages_->content_width() - tmpl_.picture_size - tmpl_.picture_gap;
}

int DocumentLayout::figure(const content::PictureUse& picture, int parent) {
  return picture.present() ? pages_->node(Role::figure, parent, picture.alt) : -1;
}

void draw_paragraph(PageBuilder& pages, const text::Segmenter& segmenter, const FontSet& fonts,
                    const std::string& text, const TextStyle& style, const Color& color, int parent) {
  StyledText styled;
  styled.add(text);
  int p = pages.node(Role::paragraph, parent);
  for (const auto& line : set_lines(styled, segmenter, fonts, style, pages.content_width()))
    pages.advance(pages.draw_line(line, style, color, pages.left(), pages.cursor(), p));
  pages.advance(style.size * kParagraphGap);
}

void DocumentLayout::paragraph(const std::string& text, const TextStyle& style, const Color& color,
                               int parent) {
  draw_paragraph(*pages_, segmenter_, fonts_, text, style, color, parent);
}

void DocumentLayout::cover() {
  PageBuilder& pages = *pages_;
  const content::Cover& cover = doc_.cover;
  pages.new_page();
  int sect = pages.node(Role::sect, root_);
  double width = pages.content_width();
  auto date_line = [&] {
    if (!cover.date.empty()) paragraph(cover.date, styles_.subheading, tmpl_.text, sect);
  };
  if (!cover.organisation.empty()) paragraph(cover.organisation, styles_.body, tmpl_.accent, sect);
  if (cover.date_first) date_line();
  StyledText title;
  title.add(cover.title, true);
  int h1 = pages.node(Role::h1, sect);
  for (const auto& line : set_lines(title, segmenter_, fonts_, styles_.cover_title, width))
    pages.advance(pages.draw_line(line, styles_.cover_title, tmpl_.heading, pages.left(),
                                  pages.cursor(), h1));
  out().bookmarks.push_back({cover.title, pages.page_index(), 0, 0});
  pages.advance(styles_.cover_title.size * kCoverTitleGap);
  if (!cover.date_first) date_line();
  if (!cover.has_part) return;
  pages.advance(tmpl_.row_gap);
  if (cover.picture.present()) {
    pages.draw_picture(cover.picture.picture, cover.picture.aspect, pages.left(), pages.cursor(),
                       tmpl_.cover_picture_size, figure(cover.picture, sect));
    pages.advance(tmpl_.cover_picture_size + tmpl_.row_gap);
  }
  for (const auto& sentence : cover.text.sentences) {
    int p = pages.node(Role::paragraph, sect);
    for (const auto& line :
         set_lines(StyledText::from(sentence), segmenter_, fonts_, styles_.subheading, width))
      pages.advance(pages.draw_line(line, styles_.subheading, tmpl_.text, pages.left(), pages.cursor(), p));
  }
  pages.advance(styles_.subheading.size * kParagraphGap);
}

void DocumentLayout::contents_pages(const std::vector<ContentsEntry>& entries) {
  PageBuilder& pages = *pages_;
  pages.new_page();
  int sect = pages.node(Role::sect, root_);
  heading(doc_.labels.contents_heading, pages.node(Role::h1, sect));
  int toc = pages.node(Role::toc, sect);
  double line = pages.line_height(styles_.body);
  for (const auto& entry : entries) {
    if (line > pages.space_left()) pages.new_page();
    int item = pages.node(Role::toc_item, toc);
    int p = pages.node(Role::paragraph, item);
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
  std::size_t count = set_lines(text, segmenter_, fonts_, styles_.heading, pages_->content_width()).size();
  return static_cast<double>(count) * pages_->line_height(styles_.heading) + heading_after();
}

double DocumentLayout::heading_after() const { return styles_.heading.size * kHeadingGap; }

void DocumentLayout::heading(const std::string& title, int h1) {
  PageBuilder& pages = *pages_;
  StyledText text;
  text.add(title, true);
  out().bookmarks.push_back({title, pages.page_index(), pages.cursor(), 0});
  for (const auto& line : set_lines(text, segmenter_, fonts_, styles_.heading, pages.content_width()))
    pages.advance(pages.draw_line(line, styles_.heading, tmpl_.heading, pages.left(), pages.cursor(), h1));
  if (tmpl_.rule_under_headings)
    pages.draw_rect(pages.left(), pages.cursor() + kRuleOffset, pages.content_width(), kRuleThickness,
                    tmpl_.accent);
  pages.advance(heading_after());
}

}  // namespace easyread::layout
