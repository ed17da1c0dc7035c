// lay_out(): the fonts and styles of a template, then pages.
#include "layout/layout.hpp"

#include "content/content.hpp"
#include "layout/document_layout.hpp"
#include "layout/fonts.hpp"

namespace easyread::layout {
namespace {

// Guides ask for a contents page in longer documents.
constexpr std::size_t kPagesBeforeContents = 8;

}  // namespace

Styles styles_for(const style::Template& look, const Faces& faces) {
  Styles styles;
  styles.body = {faces.regular, faces.bold, look.body_size};
  styles.heading = {faces.heading, faces.heading, look.heading_size};
  styles.subheading = {faces.regular, faces.bold, look.subheading_size};
  styles.cover_title = {faces.heading, faces.heading, look.cover_title_size};
  styles.footer = {faces.regular, faces.bold, look.footer_size};
  return styles;
}

Document empty_document(const style::Template& look, const content::Metadata& metadata,
                        const std::vector<Picture>& pictures) {
  Document out;
  out.page_width = look.page_width;
  out.page_height = look.page_height;
  out.background = look.background;
  out.metadata.title = metadata.title;
  out.metadata.lang = metadata.lang;
  out.metadata.author = metadata.author;
  out.metadata.credits = metadata.credits;
  out.pictures = pictures;
  return out;
}

std::optional<Faces> find_faces(const style::Template& look, FontSet& fonts, Diagnostics& diags) {
  Faces faces;
  faces.regular = fonts.find(look.body_family, false, look.path, diags);
  faces.bold = fonts.find(look.body_family, true, look.path, diags);
  faces.heading = fonts.find(look.heading_family, true, look.path, diags);
  if (faces.regular < 0 || faces.bold < 0 || faces.heading < 0) return std::nullopt;
  return faces;
}

bool can_draw(const FontSet& fonts, const Faces& faces, char32_t code_point, bool bold) {
  // libharu draws only the Basic Multilingual Plane; emoji beyond it would become blanks.
  return code_point <= 0xFFFF && fonts.has_glyph(bold ? faces.bold : faces.regular, code_point);
}

Document lay_out(content::Document content, const style::Template& look,
                 const FontSet& fonts, const Faces& faces, Deadline deadline) {
  const Styles styles = styles_for(look, faces);
  Document out = empty_document(look, content.metadata, {});

  DocumentLayout layout(content, look, fonts, styles, deadline);
  layout.run(out, nullptr);
  if (out.pages.size() > kPagesBeforeContents && layout.sections().size() > 1) {
    // A second run with a contents page after the cover. The body starts on a
    // new page either way, so it only moves by the contents' own pages: one,
    // unless the contents are long.
    const std::vector<ContentsEntry> first = layout.sections();
    const std::size_t pages_without = out.pages.size();
    int shift = 1;
    for (int attempt = 0; attempt < 3; ++attempt) {
      std::vector<ContentsEntry> entries = first;
      for (auto& e : entries) e.page += shift;
      layout.run(out, &entries);
      int actual = static_cast<int>(out.pages.size() - pages_without);
      if (actual == shift) break;
      shift = actual;
    }
  }
  out.fonts = fonts.files();
  out.pictures = std::move(content.pictures);  // the layout only needs their indexes
  return out;
}

}  // namespace easyread::layout
