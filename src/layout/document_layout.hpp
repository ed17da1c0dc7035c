// Lays out a whole document on pages (private to the layout stage).
#pragma once
#include <vector>

#include "base/deadline.hpp"
#include "content/content.hpp"
#include "layout/page_builder.hpp"
#include "layout/rows.hpp"
#include "style/style.hpp"

namespace easyread::layout {

struct Styles {
  TextStyle body, heading, subheading, cover_title, footer;
};
// A document with the template's page and the content's metadata and
// pictures, and no pages yet.
Document empty_document(const style::Template& look, const content::Metadata& metadata,
                        const std::vector<Picture>& pictures);

// The template's text styles in its fonts.
Styles styles_for(const style::Template& look, const Faces& faces);

// Draws a line of text outside rows (a cover line, a closing line) across the
// page as one P node under `parent`, with a little air after it.
void draw_paragraph(PageBuilder& pages, const text::Segmenter& segmenter, const FontSet& fonts,
                    const std::string& text, const TextStyle& style, const Color& color, int parent);

struct ContentsEntry {
  std::string title;
  int page = 0;  // index into pages
};

class DocumentLayout {
 public:
  // `deadline`: checked once a row; past it, run() throws OutOfTime.
  DocumentLayout(const content::Document& doc, const style::Template& tmpl, const FontSet& fonts,
                 Styles styles, Deadline deadline = {});

  // Fills `out` (pages, nodes, bookmarks). With `contents`, adds a contents page after the cover.
  void run(Document& out, const std::vector<ContentsEntry>* contents);
  // Where each section's heading landed in the last run.
  const std::vector<ContentsEntry>& sections() const { return sections_; }

 private:
  Document& out() { return pages_->out(); }
  double column_width() const;
  int figure(const content::PictureUse& picture, int parent);
  // Draws text that is not in a row (cover lines, closing lines) as one P node.
  void paragraph(const std::string& text, const TextStyle& style, const Color& color, int parent);
  void cover();
  void contents_pages(const std::vector<ContentsEntry>& entries);
  double heading_height(const std::string& title) const;
  double heading_after() const;
  void heading(const std::string& title, int h1_node);
  void section_with_rows(const std::string& title, std::vector<Row>& rows, int h1_node);
  void body_section(const content::Section& section);
  void word_list();
  void closing();

  const content::Document& doc_;
  const style::Template& tmpl_;
  const FontSet& fonts_;
  Styles styles_;
  text::Segmenter segmenter_;  // for line breaks
  Deadline deadline_;
  PageBuilder* pages_ = nullptr;
  int root_ = 0;
  std::vector<ContentsEntry> sections_;
};

}  // namespace easyread::layout
