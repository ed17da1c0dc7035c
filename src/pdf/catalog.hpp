// Document-level entries: language, viewer preferences, the XMP
// metadata stream and the outline (bookmarks). Private to src/pdf.
#pragma once
#include <string>
#include <vector>

#include "layout/layout.hpp"
#include "pdf/hpdf_handle.hpp"

namespace easyread::pdf {

// The XMP packet: dc:title, dc:creator, dc:description, dc:language,
// dc:rights (credits), the producer and pdfuaid:part 1.
std::string xmp_packet(const layout::Metadata& meta);

// Sets /Lang, /ViewerPreferences <</DisplayDocTitle true>> and /Metadata.
void write_catalog_entries(const PdfHandle& pdf, const layout::Metadata& meta);

// Adds the bookmarks as outline entries nested by level, each pointing
// at its page and height. `pages` are the PDF pages in order.
void write_outline(const PdfHandle& pdf, const std::vector<layout::Bookmark>& bookmarks,
                   const std::vector<HPDF_Page>& pages);

}  // namespace easyread::pdf
