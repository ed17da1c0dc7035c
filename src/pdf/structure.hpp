// Tagged PDF: the structure tree (from layout::Node), the parent tree
// that maps marked content and annotations back to it, and the catalog
// entries PDF/UA asks for. Private to src/pdf.
#pragma once
#include <string>
#include <vector>

#include "layout/layout.hpp"
#include "pdf/hpdf_handle.hpp"

namespace easyread::pdf {

// The PDF standard structure type of a layout role.
const char* structure_role(layout::Role role);

class StructureWriter {
 public:
  StructureWriter(const PdfHandle& pdf, const layout::Document& doc) : pdf_(pdf), doc_(doc) {}

  // Call in drawing order. A new marked-content sequence with this MCID
  // on page `page` (index into the pages added so far) belongs to `node`.
  void add_content(int page, int mcid, int node);
  // A link annotation on `page` belongs to `node`; returns the key for
  // the annotation's /StructParent.
  int add_annotation(int page, HPDF_Annotation annotation, int node);
  // Every page, in order, once its content is written.
  void add_page(HPDF_Page page);

  // Builds the tree and sets /StructParents, /ParentTree, /MarkInfo and
  // /StructTreeRoot. Call after all pages.
  void finish();

  // The key of the first annotation (the pages take 0 .. pages-1).
  int first_annotation_key() const { return static_cast<int>(doc_.pages.size()); }

 private:
  struct Event {
    int page = 0;
    int mcid = -1;                        // marked content, or
    HPDF_Annotation annotation = nullptr;  // an annotation
    int node = 0;
  };
  // Alternative text for a Figure: its own, else its pictures' names.
  std::string alt_text(int node) const;

  const PdfHandle& pdf_;
  const layout::Document& doc_;
  std::vector<Event> events_;
  std::vector<HPDF_Page> pages_;
  int annotations_ = 0;
};

}  // namespace easyread::pdf
