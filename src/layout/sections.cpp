// Sections of rows, the word list, and the closing lines of a document.
#include "layout/document_layout.hpp"
#include "text/text.hpp"

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

Row DocumentLayout::block_row(const markup::Block& block, RowMaker& maker, int sect) {
  Row row;
  const PlacedPicture& picture = take_picture();
  row.picture = picture.index;
  row.aspect = picture.aspect;
  if (picture.index >= 0) row.figure_node = pages_->node("Figure", sect, picture.alt);
  if (const auto* point = std::get_if<markup::Point>(&block)) {
    maker.add_sentences(row, StyledText::from(point->text), sect);
    if (!point->list.empty()) {
      std::vector<StyledText> items;
      for (const auto& item : point->list) items.push_back(StyledText::from(item));
      maker.add_list(row, items, sect);
    }
  } else if (const auto* action = std::get_if<markup::Action>(&block)) {
    maker.add_sentences(row, StyledText::from(action->text), sect);
    if (!action->who.empty()) maker.add_fact(row, strings_.get("who"), action->who, sect);
    if (action->by)
      maker.add_fact(row, strings_.get("by-when"), dates_.long_date(*action->by), sect);
  } else if (const auto* meeting = std::get_if<markup::Meeting>(&block)) {
    maker.add_sentences(row, StyledText::from(meeting->text), sect);
    if (meeting->date)
      maker.add_fact(row, strings_.get("date"), dates_.long_date(*meeting->date), sect);
    if (meeting->time)
      maker.add_fact(row, strings_.get("time"), dates_.time(*meeting->time), sect);
    if (!meeting->place.empty()) maker.add_fact(row, strings_.get("place"), meeting->place, sect);
  }
  return row;
}

void DocumentLayout::body_section(const markup::Section& section) {
  int sect = pages_->node("Sect", root_);
  int h1 = section.title.empty() ? -1 : pages_->node("H1", sect);
  RowMaker maker(*pages_, segmenter_, fonts_, styles_.body, column_width());
  std::vector<Row> rows;
  for (const auto& block : section.blocks) rows.push_back(block_row(block, maker, sect));
  section_with_rows(section.title, rows, h1);
}

void DocumentLayout::word_list() {
  int sect = pages_->node("Sect", root_);
  const std::string title = strings_.get("words-heading");
  int h1 = pages_->node("H1", sect);
  int list = pages_->node("L", sect);
  RowMaker maker(*pages_, segmenter_, fonts_, styles_.body, column_width());
  std::vector<Row> rows;
  for (const auto& word : doc_.words) {
    Row row;
    int item = pages_->node("LI", list);
    const PlacedPicture& picture = take_picture();
    row.picture = picture.index;
    row.aspect = picture.aspect;
    if (picture.index >= 0) row.figure_node = pages_->node("Figure", item, picture.alt);
    int label = pages_->node("Lbl", item);
    int body = pages_->node("LBody", item);
    StyledText term;
    term.add(word.term, true);
    RowGroup group;
    for (auto& lines : set_sentences(term, segmenter_, fonts_, styles_.body, column_width()))
      for (auto& line : lines) group.lines.push_back({std::move(line), true, 0, {}, label, -1});
    row.groups.push_back(std::move(group));
    maker.add_sentences(row, StyledText::from(word.explanation), body);
    rows.push_back(std::move(row));
  }
  section_with_rows(title, rows, h1);
}

void DocumentLayout::closing() {
  PageBuilder& pages = *pages_;
  std::vector<std::string> lines;
  if (doc_.checked) {
    lines.push_back(doc_.checked->date
                        ? strings_.get("checked-by", {{"name", doc_.checked->by},
                                                      {"date", dates_.long_date(*doc_.checked->date)}})
                        : strings_.get("checked-by-undated", {{"name", doc_.checked->by}}));
  }
  if (uses_openmoji) lines.push_back(strings_.get("credit-openmoji"));
  if (lines.empty()) return;
  int sect = pages.node("Sect", root_);
  const TextStyle& style = styles_.body;
  double needed = static_cast<double>(lines.size() + 1) * pages.line_height(style) * 1.5;
  if (needed > pages.space_left()) pages.new_page();
  for (const auto& s : lines) {
    StyledText text;
    text.add(s);
    for (auto& sentence : set_sentences(text, segmenter_, fonts_, style, pages.content_width())) {
      int p = pages.node("P", sect);
      for (const auto& line : sentence)
        pages.advance(pages.draw_line(line, style, tmpl_.text, pages.left(), pages.cursor(), p));
    }
    pages.advance(style.size * 0.5);
  }
}

// "Page 2 of 8" on every page but the cover, marked as an artifact (not content).
void DocumentLayout::footers(Document& out) {
  const std::string total = std::to_string(out.pages.size());
  PageBuilder& pages = *pages_;
  const TextStyle& style = styles_.footer;
  for (std::size_t i = 1; i < out.pages.size(); ++i) {
    std::string label = strings_.get("page-number", {{"page", std::to_string(i + 1)}, {"pages", total}});
    double width = fonts_.width(style.regular, label, style.size);
    double baseline = out.page_height - tmpl_.margin_bottom * 0.45;
    pages.draw_label(label, style.regular, style.size, tmpl_.text, (out.page_width - width) / 2,
                     baseline, -1, static_cast<int>(i));
  }
}

}  // namespace easyread::layout
