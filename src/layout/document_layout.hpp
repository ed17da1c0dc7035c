// Lays out a whole document on pages (private to the layout stage).
#pragma once
#include <vector>

#include "layout/page_builder.hpp"
#include "layout/prepare.hpp"
#include "layout/rows.hpp"
#include "layout/template.hpp"
#include "markup/markup.hpp"

namespace easyread::layout {

struct Styles {
  TextStyle body, heading, subheading, cover_title, footer;
};

struct ContentsEntry {
  std::string title;
  int page = 0;  // index into pages
};

class DocumentLayout {
 public:
  // `pictures` holds the resolved pictures in document order: the cover's,
  // then each block's, then each word's (see lay_out).
  DocumentLayout(const markup::Document& doc, const Template& tmpl, const Strings& strings,
                 const FontSet& fonts, Styles styles, const std::vector<PlacedPicture>& pictures);

  // Fills `out` (pages, nodes, bookmarks). With `contents`, adds a contents page after the cover.
  void run(Document& out, const std::vector<ContentsEntry>* contents);
  // Where each section's heading landed in the last run.
  const std::vector<ContentsEntry>& sections() const { return sections_; }
  bool uses_openmoji = false;

 private:
  Document& out() { return pages_->out(); }
  double column_width() const;
  const PlacedPicture& take_picture();
  void cover();
  void contents_pages(const std::vector<ContentsEntry>& entries);
  double heading_height(const std::string& title) const;
  double heading_after() const;
  void heading(const std::string& title, int h1_node);
  void section_with_rows(const std::string& title, std::vector<Row>& rows, int h1_node);
  void body_section(const markup::Section& section);
  Row block_row(const markup::Block& block, RowMaker& maker, int sect);
  void word_list();
  void closing();
  void footers(Document& out);

  const markup::Document& doc_;
  const Template& tmpl_;
  const Strings& strings_;
  const FontSet& fonts_;
  Styles styles_;
  const std::vector<PlacedPicture>& pictures_;
  text::Segmenter segmenter_;
  text::DateWriter dates_;
  PageBuilder* pages_ = nullptr;
  int root_ = 0;
  std::size_t next_picture_ = 0;
  std::vector<ContentsEntry> sections_;
};

}  // namespace easyread::layout
