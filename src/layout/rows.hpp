// Rows: a picture and the sentences beside it. A row is measured first and
// then placed whole; only a row taller than a page is split, between sentences.
#pragma once
#include <optional>
#include <vector>

#include "layout/page_builder.hpp"

namespace easyread::layout {

// One line of a row's text column.
struct RowLine {
  Line line;
  bool heading_style = false;  // drawn in the heading colour
  double indent = 0;           // from the text column's left edge
  std::string label;           // a bullet drawn before the line, if any
  int node = -1;               // structure node of the text
  int label_node = -1;         // structure node of the bullet (Lbl)
};

// Lines that stay together: one sentence.
struct RowGroup {
  std::vector<RowLine> lines;
};

struct Row {
  int picture = -1;        // index into the output pictures, or -1 for none
  double aspect = 1;
  int figure_node = -1;
  std::vector<RowGroup> groups;
};

// Builds rows' text and structure. Structure nodes are made here, in reading order.
class RowMaker {
 public:
  RowMaker(PageBuilder& pages, const text::Segmenter& segmenter, const FontSet& fonts,
           TextStyle body, double column_width)
      : pages_(pages), segmenter_(segmenter), fonts_(fonts), body_(body), width_(column_width) {}

  // Each sentence as its own group, each a P node under `parent`.
  void add_sentences(Row& row, const content::Sentences& text, int parent);
  // Bullet points: an L node with LI, Lbl and LBody nodes.
  void add_list(Row& row, const content::BulletList& list, int parent);
  // A one-line fact such as "Who will do it: Sam", label in bold.
  void add_fact(Row& row, const content::Fact& fact, int parent);
  // Any part of a row's text column.
  void add_part(Row& row, const content::RowPart& part, int parent);

 private:
  PageBuilder& pages_;
  const text::Segmenter& segmenter_;
  const FontSet& fonts_;
  TextStyle body_;
  double width_;
};

// Places rows on pages, keeping each row whole where it can.
class RowPlacer {
 public:
  RowPlacer(PageBuilder& pages, const style::Template& tmpl, TextStyle body)
      : pages_(pages), tmpl_(tmpl), body_(body) {}

  double height(const Row& row) const;
  // Height of the row's first unbreakable part (to keep a heading with it).
  double first_part_height(const Row& row) const;
  void place(const Row& row);

 private:
  double group_height(const RowGroup& g) const;
  double text_height(const Row& row) const;
  double picture_height(const Row& row) const;
  void draw_group(const RowGroup& g, double text_x, double& top, double& row_bottom);

  PageBuilder& pages_;
  const style::Template& tmpl_;
  TextStyle body_;
};

}  // namespace easyread::layout
