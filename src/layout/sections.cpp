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
  for (const auto& row : rows) {
    deadline_.check();
    placer.place(row);
  }
}

void DocumentLayout::body_section(const content::Section& section) {
  int sect = pages_->node(Role::sect, root_);
  int h1 = section.title.empty() ? -1 : pages_->node(Role::h1, sect);
  RowMaker maker(*pages_, segmenter_, fonts_, styles_.body, column_width());
  std::vector<Row> rows;
  for (const auto& content_row : section.rows) {
    deadline_.check();
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
  int sect = pages_->node(Role::sect, root_);
  int h1 = pages_->node(Role::h1, sect);
  int list = pages_->node(Role::list, sect);
  RowMaker maker(*pages_, segmenter_, fonts_, styles_.body, column_width());
  std::vector<Row> rows;
  for (const auto& word : doc_.words) {
    deadline_.check();
    Row row;
    int item = pages_->node(Role::list_item, list);
    row.picture = word.picture.picture;
    row.aspect = word.picture.aspect;
    row.figure_node = figure(word.picture, item);
    int label = pages_->node(Role::label, item);
    int body = pages_->node(Role::list_body, item);
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
  int sect = pages.node(Role::sect, root_);
  const TextStyle& style = styles_.body;
  // Measured, so the lines never take a page alone when they fit; the gap
  // after the last line may fall past the page's end.
  double needed = 0;
  for (const auto& line : doc_.closing) {
    StyledText styled;
    styled.add(line.text);
    const auto lines = set_lines(styled, segmenter_, fonts_, style, pages.content_width());
    needed += static_cast<double>(lines.size()) * pages.line_height(style) + style.size * kParagraphGap;
  }
  if (needed - style.size * kParagraphGap > pages.space_left() + kRoundingSlack) pages.new_page();
  for (const auto& line : doc_.closing) paragraph(line.text, style, tmpl_.text, sect);
}


}  // namespace easyread::layout
