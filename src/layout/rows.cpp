#include "layout/rows.hpp"

#include <algorithm>
#include <variant>

#include "base/overloaded.hpp"
#include "layout/spacing.hpp"

namespace easyread::layout {
namespace {
constexpr const char* kBullet = "\u2022";
}  // namespace

void RowMaker::add_sentences(Row& row, const content::Sentences& text, int parent) {
  for (const auto& sentence : text.sentences) {
    RowGroup group;
    int p = pages_.node(Role::paragraph, parent);
    for (auto& line : set_lines(StyledText::from(sentence), segmenter_, fonts_, body_, width_))
      group.lines.push_back({std::move(line), false, 0, {}, p, -1});
    row.groups.push_back(std::move(group));
  }
}

void RowMaker::add_list(Row& row, const content::BulletList& list, int parent) {
  int node = pages_.node(Role::list, parent);
  double indent = fonts_.width(body_.regular, kBullet, body_.size) + body_.size * kBulletGap;
  for (const auto& item : list.items) {
    int li = pages_.node(Role::list_item, node);
    int label = pages_.node(Role::label, li);
    int body = pages_.node(Role::list_body, li);
    bool first = true;
    for (const auto& sentence : item.sentences) {
      RowGroup group;
      for (auto& line : set_lines(StyledText::from(sentence), segmenter_, fonts_, body_, width_ - indent)) {
        group.lines.push_back({std::move(line), false, indent, first ? kBullet : "", body,
                               first ? label : -1});
        first = false;
      }
      row.groups.push_back(std::move(group));
    }
  }
}

void RowMaker::add_fact(Row& row, const content::Fact& fact, int parent) {
  StyledText text;
  text.add(fact.label, true);
  text.add(" ");
  text.add(fact.value);
  int p = pages_.node(Role::paragraph, parent);
  RowGroup group;
  // A fact is one unit even if it is not a sentence.
  for (auto& line : set_lines(text, segmenter_, fonts_, body_, width_))
    group.lines.push_back({std::move(line), false, 0, {}, p, -1});
  row.groups.push_back(std::move(group));
}

void RowMaker::add_part(Row& row, const content::RowPart& part, int parent) {
  std::visit(Overloaded{
                 [&](const content::Sentences& sentences) { add_sentences(row, sentences, parent); },
                 [&](const content::BulletList& list) { add_list(row, list, parent); },
                 [&](const content::Fact& fact) { add_fact(row, fact, parent); },
             },
             part);
}

double RowPlacer::group_height(const RowGroup& g) const {
  return static_cast<double>(g.lines.size()) * pages_.line_height(body_) + body_.size * kSentenceGap;
}

double RowPlacer::text_height(const Row& row) const {
  double text = 0;
  for (const auto& g : row.groups) text += group_height(g);
  return text;
}

// A wide picture is drawn lower than its square box is tall. Its box shrinks to
// the text beside it (never below the picture), so it sits beside the text, not under it.
double RowPlacer::picture_height(const Row& row) const {
  if (row.picture < 0) return 0;
  const double drawn = row.aspect > 1 ? tmpl_.picture_size / row.aspect : tmpl_.picture_size;
  return std::min(tmpl_.picture_size, std::max(drawn, text_height(row)));
}

double RowPlacer::height(const Row& row) const { return std::max(picture_height(row), text_height(row)); }

double RowPlacer::first_part_height(const Row& row) const {
  if (height(row) <= pages_.full_page_space()) return height(row);
  double first = row.groups.empty() ? 0 : group_height(row.groups.front());
  return std::max(row.picture >= 0 ? tmpl_.picture_size : 0.0, first);
}

void RowPlacer::draw_group(const RowGroup& g, double text_x, double& top, double& row_bottom) {
  for (const auto& l : g.lines) {
    // Only a sentence taller than a whole page gets here with too little
    // room: it goes on over the page, so no words are lost.
    const bool drawn_here = top > pages_.cursor() + 0.01;
    if (drawn_here && top + pages_.line_height(body_) > pages_.cursor() + pages_.space_left() + 0.01) {
      pages_.new_page();
      top = row_bottom = pages_.cursor();
    }
    const Color& color = l.heading_style ? tmpl_.heading : tmpl_.text;
    if (!l.label.empty()) {
      pages_.draw_label(l.label, body_.regular, body_.size, tmpl_.accent, text_x,
                        pages_.baseline(body_, top), l.label_node);
    }
    top += pages_.draw_line(l.line, body_, color, text_x + l.indent, top, l.node);
  }
  top += body_.size * kSentenceGap;
}

void RowPlacer::place(const Row& row) {
  double picture_x = tmpl_.picture_left ? pages_.left()
                                        : pages_.left() + pages_.content_width() - tmpl_.picture_size;
  double text_x = tmpl_.picture_left ? pages_.left() + tmpl_.picture_size + tmpl_.picture_gap
                                     : pages_.left();
  // A row that fits on a page moves to a new page whole. A taller row starts
  // here if its first sentence fits, so its heading is not left alone.
  double need = height(row) <= pages_.full_page_space() ? height(row) : first_part_height(row);
  if (need > pages_.space_left() && !pages_.at_page_top()) pages_.new_page();
  double top = pages_.cursor();
  const double box = picture_height(row);
  if (row.picture >= 0)  // centred in a box `box` high: the square's middle at the box's middle
    pages_.draw_picture(row.picture, row.aspect, picture_x, top + (box - tmpl_.picture_size) / 2,
                        tmpl_.picture_size, row.figure_node);
  double row_bottom = top + box;
  double text_top = top;
  for (const auto& g : row.groups) {
    // Only a row taller than a whole page gets here with too little room.
    if (text_top + group_height(g) > pages_.cursor() + pages_.space_left() + kRoundingSlack) {
      pages_.new_page();
      text_top = pages_.cursor();
      row_bottom = text_top;
    }
    draw_group(g, text_x, text_top, row_bottom);
  }
  pages_.advance(std::max(row_bottom, text_top) - pages_.cursor() + tmpl_.row_gap);
}

}  // namespace easyread::layout
