// Sections of rows, the word list, and the closing lines of a document.
#include "layout/document_layout.hpp"

namespace easyread::layout {

void DocumentLayout::section_with_rows(const std::string& title, std::vector<Row>& rows, int h1) {
  RowPlacer placer(*pages_, tmpl_, styles_.body);
  if (h1 >= 0) {
    // Keep the heading with the first row after it.
    double need = heading_height(title) + (rows.empty() ? 0 : placer.first_part_height(rows.front()));
    if (need > pages_->space_left() && !pages_->at_page_top()) pages_->new_page();
    sections_.push_back({title, pages_->page_index()});
    heading(title, h1);
  }
  for (const auto& row : rows) placer.place(row);
}

void DocumentLayout::body_section(const content::Section& section) {
  if (section.rows.empty()) return;  // the notes reader warns about it; a heading alone helps nobody
  int sect = pages_->node("Sect", root_);
  int h1 = section.title.empty() ? -1 : pages_->node("H1", sect);
  RowMaker maker(*pages_, segmenter_, fonts_, styles_.body, column_width());
  std::vector<Row> rows;
  for (const auto& content_row : section.rows) {
    Row row;
    row.picture = content_row.picture.picture;
    row.aspect = content_row.picture.aspect;
    row.figure_node = figure(content_row.picture, sect);
    for (const auto& part : content_row.parts) maker.add_part(row, part, sect);
    rows.push_back(std::move(row));
  }
  section_with_rows(section.title, rows, h1);
}

void DocumentLayout::word_list() {
  int sect = pages_->node("Sect", root_);
  int h1 = pages_->node("H1", sect);
  int list = pages_->node("L", sect);
  RowMaker maker(*pages_, segmenter_, fonts_, styles_.body, column_width());
  std::vector<Row> rows;
  for (const auto& word : doc_.words) {
    Row row;
    int item = pages_->node("LI", list);
    row.picture = word.picture.picture;
    row.aspect = word.picture.aspect;
    row.figure_node = figure(word.picture, item);
    int label = pages_->node("Lbl", item);
    int body = pages_->node("LBody", item);
    StyledText term;
    term.add(word.term, true);
    RowGroup group;
    for (auto& line : set_lines(term, segmenter_, fonts_, styles_.body, column_width()))
      group.lines.push_back({std::move(line), true, 0, {}, label, -1});
    row.groups.push_back(std::move(group));
    maker.add_sentences(row, word.explanation, body);
    rows.push_back(std::move(row));
  }
  section_with_rows(doc_.labels.words_heading, rows, h1);
}

void DocumentLayout::closing() {
  if (doc_.closing.empty()) return;
  PageBuilder& pages = *pages_;
  int sect = pages.node("Sect", root_);
  const TextStyle& style = styles_.body;
  double needed = 0;  // measured, so the lines never take a page alone when they fit
  for (const auto& line : doc_.closing) {
    StyledText styled;
    styled.add(line.text);
    const auto lines = set_lines(styled, segmenter_, fonts_, style, pages.content_width());
    needed += static_cast<double>(lines.size()) * pages.line_height(style) + style.size * 0.5;
  }
  if (needed - style.size * 0.5 > pages.space_left() + 0.01) pages.new_page();
  for (const auto& line : doc_.closing) paragraph(line.text, style, tmpl_.text, sect);
}

// "Page 2 of 8" on every page but the cover, marked as an artifact (not content).
void DocumentLayout::footers(Document& out) {
  PageBuilder& pages = *pages_;
  const TextStyle& style = styles_.footer;
  for (std::size_t i = 1; i < out.pages.size(); ++i) {
    std::string label = doc_.labels.page_number(static_cast<int>(i) + 1, static_cast<int>(out.pages.size()));
    double width = fonts_.width(style.regular, label, style.size);
    double baseline = out.page_height - tmpl_.margin_bottom * 0.45;
    pages.draw_label(label, style.regular, style.size, tmpl_.text, (out.page_width - width) / 2,
                     baseline, -1, static_cast<int>(i));
  }
}

}  // namespace easyread::layout
