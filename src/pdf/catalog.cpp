#include "pdf/catalog.hpp"

#include <algorithm>

namespace easyread::pdf {

namespace {

std::string xml_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

std::string language_alternative(const std::string& name, const std::string& text) {
  return "   <" + name + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(text) +
         "</rdf:li></rdf:Alt></" + name + ">\n";
}

}  // namespace

std::string xmp_packet(const layout::Metadata& meta) {
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
      "   <dc:format>application/pdf</dc:format>\n";
  x += language_alternative("dc:title", meta.title);
  if (!meta.author.empty())
    x += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escaped(meta.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!meta.subject.empty()) x += language_alternative("dc:description", meta.subject);
  if (!meta.credits.empty()) x += language_alternative("dc:rights", meta.credits);
  x += "   <dc:language><rdf:Bag><rdf:li>" + xml_escaped(meta.lang) + "</rdf:li></rdf:Bag></dc:language>\n";
  x += "   <xmp:CreatorTool>easyread</xmp:CreatorTool>\n";
  // The same producer libharu writes into the information dictionary.
  x += "   <pdf:Producer>Haru Free PDF Library " HPDF_VERSION_TEXT "</pdf:Producer>\n";
  x += "   <pdfuaid:part>1</pdfuaid:part>\n";
  x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
  return x;
}

void write_catalog_entries(const PdfHandle& pdf, const layout::Metadata& meta) {
  HPDF_Dict catalog = pdf.get()->catalog;
  HPDF_Dict_Add(catalog, "Lang", ascii_string(pdf.mmgr(), meta.lang.empty() ? "en-GB" : meta.lang));
  HPDF_Dict preferences = HPDF_Dict_New(pdf.mmgr());
  HPDF_Dict_Add(catalog, "ViewerPreferences", preferences);
  HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE);
  // Left uncompressed so that tools which only scan for XMP find it.
  HPDF_Dict metadata = pdf.new_stream(false);
  if (metadata == nullptr) return;
  HPDF_Dict_AddName(metadata, "Type", "Metadata");
  HPDF_Dict_AddName(metadata, "Subtype", "XML");
  write_raw(metadata->stream, xmp_packet(meta));
  HPDF_Dict_Add(catalog, "Metadata", metadata);
}

void write_outline(const PdfHandle& pdf, const std::vector<layout::Bookmark>& bookmarks,
                   const std::vector<HPDF_Page>& pages) {
  std::vector<HPDF_Outline> open_levels;  // the last entry made at each level
  for (const layout::Bookmark& mark : bookmarks) {
    if (mark.page < 0 || mark.page >= static_cast<int>(pages.size())) continue;
    const std::size_t level = static_cast<std::size_t>(std::clamp(mark.level, 0, 16));
    if (open_levels.size() > level) open_levels.resize(level);
    HPDF_Outline parent = open_levels.empty() ? nullptr : open_levels.back();
    HPDF_Outline entry = HPDF_CreateOutline(pdf.get(), parent, "", nullptr);
    if (entry == nullptr) return;
    HPDF_Dict_Add(entry, "Title", text_string(pdf.mmgr(), mark.title));
    HPDF_Outline_SetOpened(entry, HPDF_TRUE);
    // [page /XYZ left top zoom] with null zoom: keep the reader's zoom.
    HPDF_Destination target = HPDF_Page_CreateDestination(pages[mark.page]);
    if (target == nullptr) return;
    HPDF_Array_Clear(target);
    HPDF_Array_Add(target, pages[mark.page]);
    HPDF_Array_AddName(target, "XYZ");
    HPDF_Array_AddReal(target, 0);
    HPDF_Array_AddReal(target, static_cast<HPDF_REAL>(mark.y));
    HPDF_Array_Add(target, HPDF_Null_New(pdf.mmgr()));
    HPDF_Outline_SetDestination(entry, target);
    while (open_levels.size() < level) open_levels.push_back(entry);  // skipped levels
    open_levels.push_back(entry);
  }
  if (!bookmarks.empty()) HPDF_SetPageMode(pdf.get(), HPDF_PAGE_MODE_USE_OUTLINE);
}

}  // namespace easyread::pdf
