// render(): turns a laid-out document into PDF bytes with libharu.
#include <algorithm>
#include <cmath>
#include <variant>
#include <vector>

#include "base/overloaded.hpp"
#include "pdf/catalog.hpp"
#include "pdf/deflate.hpp"
#include "pdf/font_set.hpp"
#include "pdf/hpdf_handle.hpp"
#include "pdf/page_content.hpp"
#include "pdf/pictures.hpp"
#include "pdf/structure.hpp"
#include "pdf/pdf.hpp"

namespace easyread::pdf {

namespace {

// The tag for a node's marked content: its structure role.
const char* role_of(const layout::Document& doc, int node) {
  if (node < 0 || node >= static_cast<int>(doc.nodes.size())) return "Span";
  return structure_role(doc.nodes[node].role);
}

// URIs in PDF are 7-bit ASCII: other bytes (UTF-8 in a web address)
// and spaces are written as %XX.
std::string ascii_uri(const std::string& uri) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : uri) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F) {
      out += '%';
      out += hex[byte >> 4];
      out += hex[byte & 0x0F];
    } else {
      out += c;
    }
  }
  return out;
}

// Items whose node is out of range count as decoration.
int checked_node(const layout::Document& doc, int node) {
  return node >= 0 && node < static_cast<int>(doc.nodes.size()) ? node : -1;
}

void fill_rect(HPDF_Page page, double x, double y, double w, double h, const Color& color) {
  HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(color.r), static_cast<HPDF_REAL>(color.g),
                       static_cast<HPDF_REAL>(color.b));
  HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y),
                      static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
  HPDF_Page_Fill(page);
}

void draw_text(HPDF_Page page, HPDF_Font font, const layout::TextItem& text, bool trailing_space) {
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, font, static_cast<HPDF_REAL>(text.size));
  HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(text.color.r),
                       static_cast<HPDF_REAL>(text.color.g), static_cast<HPDF_REAL>(text.color.b));
  HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(text.x), static_cast<HPDF_REAL>(text.y),
                    trailing_space ? (text.text + " ").c_str() : text.text.c_str());
  HPDF_Page_EndText(page);
}

// The text's advance width: the layout's, else measured by libharu.
double text_width(HPDF_Font font, const layout::TextItem& text) {
  if (text.width > 0) return text.width;
  const auto measured = HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(text.text.c_str()),
                                            static_cast<HPDF_UINT>(text.text.size()));
  return measured.width * text.size / 1000.0;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Screen readers join the text of one structure element, so where the
// element goes on to a new line (or leaves a gap, as before a page
// number in a contents list) the first piece needs a trailing space:
// otherwise "spring" and "news" on two lines are read as "springnews".
// The space is drawn at the line's end, where it shows nothing.
bool needs_space_after(const layout::TextItem& text, double width, const layout::TextItem* next) {
  if (next == nullptr || next->node != text.node || text.node < 0) return false;
  if (text.text.empty() || next->text.empty()) return false;
  if (is_space(text.text.back()) || is_space(next->text.front())) return false;
  const bool new_line = std::abs(next->y - text.y) > 0.5 * std::min(text.size, next->size);
  const bool gap = next->x - (text.x + width) > 0.15 * text.size;
  return new_line || gap;
}

// A link annotation over the text's box, so a reader can follow it.
HPDF_Annotation add_link(HPDF_Page page, HPDF_Font font, const layout::TextItem& text,
                         HPDF_MMgr mmgr) {
  const double width = text_width(font, text);
  const double ascent = HPDF_Font_GetAscent(font) * text.size / 1000.0;
  const double descent = HPDF_Font_GetDescent(font) * text.size / 1000.0;
  const HPDF_Rect box{static_cast<HPDF_REAL>(text.x), static_cast<HPDF_REAL>(text.y + descent),
                      static_cast<HPDF_REAL>(text.x + width), static_cast<HPDF_REAL>(text.y + ascent)};
  HPDF_Annotation link = HPDF_Page_CreateURILinkAnnot(page, box, ascii_uri(text.link).c_str());
  if (link == nullptr) return nullptr;
  HPDF_LinkAnnot_SetBorderStyle(link, 0, 0, 0);
  HPDF_Dict_Add(link, "Contents", text_string(mmgr, text.text));
  return link;
}

bool is_white(const Color& c) { return c.r >= 1 && c.g >= 1 && c.b >= 1; }

// Sets up the document: compression first (it only applies to objects
// made after it), PDF 1.7, the information dictionary, and UTF-8 text.
void start_document(const PdfHandle& pdf, const layout::Document& doc) {
  HPDF_Doc d = pdf.get();
  HPDF_SetCompressionMode(d, HPDF_COMP_ALL);
  d->pdf_version = HPDF_VER_17;
  // Creator first, while no encoder is set, so the string stays plain.
  HPDF_SetInfoAttr(d, HPDF_INFO_CREATOR, "easyread");
  if (d->info != nullptr) {
    const layout::Metadata& meta = doc.metadata;
    if (!meta.title.empty()) HPDF_Dict_Add(d->info, "Title", text_string(pdf.mmgr(), meta.title));
    if (!meta.author.empty())
      HPDF_Dict_Add(d->info, "Author", text_string(pdf.mmgr(), meta.author));
    if (!meta.subject.empty())
      HPDF_Dict_Add(d->info, "Subject", text_string(pdf.mmgr(), meta.subject));
  }
  HPDF_UseUTFEncodings(d);
  HPDF_SetCurrentEncoder(d, "UTF-8");
}

// Writes the pages one by one; holds what the pages share.
class PageWriter {
 public:
  PageWriter(const PdfHandle& pdf, const layout::Document& doc, const FontSet& fonts,
             PictureStore& pictures, StructureWriter& structure)
      : pdf_(pdf), doc_(doc), fonts_(fonts), pictures_(pictures), structure_(structure) {
    for (const layout::Page& page : doc.pages)
      for (const layout::Item& item : page.items)
        if (const auto* text = std::get_if<layout::TextItem>(&item)) texts_.push_back(text);
  }

  // Adds one page with its items; false after an error.
  bool write(const layout::Page& items) {
    const int page_index = static_cast<int>(pages_.size());
    HPDF_Page page = HPDF_AddPage(pdf_.get());
    if (page == nullptr) return false;
    pages_.push_back(page);
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(doc_.page_width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(doc_.page_height));
    HPDF_Dict_AddName(page, "Tabs", "S");  // tab through links in structure order
    PageContent content(page);
    if (!is_white(doc_.background)) {
      content.mark(-1, {});
      fill_rect(page, 0, 0, doc_.page_width, doc_.page_height, doc_.background);
    }
    for (const layout::Item& item : items.items) {
      const bool written = std::visit(
          Overloaded{
              [&](const layout::TextItem& text) { return write_text(content, page_index, text); },
              [&](const layout::PictureItem& picture) {
                mark(content, page_index, picture.node);
                return pictures_.draw(content, picture);
              },
              [&](const layout::RectItem& rect) {
                mark(content, page_index, rect.node);
                fill_rect(page, rect.x, rect.y, rect.width, rect.height, rect.fill);
                return true;
              },
          },
          item);
      if (!written) return false;
    }
    content.close_mark();
    structure_.add_page(page);
    return pdf_.ok();
  }

  const std::vector<HPDF_Page>& pages() const { return pages_; }

 private:
  // Opens the item's marked content and tells the structure about it.
  int mark(PageContent& content, int page_index, int item_node) {
    const int node = checked_node(doc_, item_node);
    const int mcid = content.mark(node, role_of(doc_, node));
    if (mcid >= 0) structure_.add_content(page_index, mcid, node);
    return node;
  }

  bool write_text(PageContent& content, int page_index, const layout::TextItem& text) {
    const int node = mark(content, page_index, text.node);
    HPDF_Font font = fonts_.font(text.font);
    ++text_index_;
    const layout::TextItem* next = text_index_ < texts_.size() ? texts_[text_index_] : nullptr;
    draw_text(content.page(), font, text, needs_space_after(text, text_width(font, text), next));
    if (text.link.empty()) return true;
    HPDF_Annotation link = add_link(content.page(), font, text, pdf_.mmgr());
    if (link == nullptr) return false;
    if (node >= 0)
      HPDF_Dict_AddNumber(link, "StructParent", structure_.add_annotation(page_index, link, node));
    return true;
  }

  const PdfHandle& pdf_;
  const layout::Document& doc_;
  const FontSet& fonts_;
  PictureStore& pictures_;
  StructureWriter& structure_;
  std::vector<const layout::TextItem*> texts_;  // every TextItem in reading order
  std::size_t text_index_ = 0;                   // how many of them are drawn
  std::vector<HPDF_Page> pages_;
};

}  // namespace

std::string render(const layout::Document& doc, const std::string& file, Diagnostics& diags, Resources* kept,
                   Deadline deadline) {
  if (doc.pages.empty()) {
    diags.error(file, {}, "pdf-empty", "There is nothing to put in the PDF: it would have no pages.",
                "Check that the notes have some text in them.");
    return {};
  }
  if (doc.metadata.title.empty())
    diags.warning(file, {}, "pdf-no-title",
                  "The PDF has no title. Screen readers say the title first.",
                  "Give the notes a title.");
  ErrorSink sink{file, &diags, 0};
  PdfHandle pdf(sink);
  if (!pdf.ok()) return {};
  start_document(pdf, doc);

  FontSet fonts;
  if (!fonts.load(pdf, doc, file, diags) || !pdf.ok()) return {};
  PictureStore pictures(pdf, doc, file, diags, kept);
  StructureWriter structure(pdf, doc);
  PageWriter writer(pdf, doc, fonts, pictures, structure);
  for (const layout::Page& page : doc.pages) {
    deadline.check();
    if (!writer.write(page)) return {};
  }

  structure.finish();
  write_catalog_entries(pdf, doc.metadata);
  write_outline(pdf, doc.bookmarks, writer.pages());
  fonts.finish(pdf);
  if (!pdf.ok()) return {};
  // libharu ends a text or path object left open on a page by appending
  // to its content stream while saving; the streams are compressed
  // before that, so end any such object now (drawing never leaves one).
  for (HPDF_Page page : writer.pages()) {
    if (HPDF_Page_GetGMode(page) == HPDF_GMODE_TEXT_OBJECT) HPDF_Page_EndText(page);
    if (HPDF_Page_GetGMode(page) == HPDF_GMODE_PATH_OBJECT) HPDF_Page_EndPath(page);
  }
  if (!deflate_remaining_streams(pdf, stream_level)) {
    diags.error(file, {}, "pdf-writer", "There was not enough memory to make the PDF file.",
                "Close other programs and try again.");
    return {};
  }
  std::string bytes = pdf.save();
  if (!pdf.ok()) return {};
  return bytes;
}

}  // namespace easyread::pdf
