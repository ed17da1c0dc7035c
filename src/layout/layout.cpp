// lay_out(): template, fonts, pictures and character checks, then pages.
#include "layout/layout.hpp"

#include "layout/document_layout.hpp"
#include "symbols/symbols.hpp"

namespace easyread::layout {
namespace {

// Guides ask for a contents page in longer documents.
constexpr std::size_t kPagesBeforeContents = 8;

std::vector<PlacedPicture> resolve_pictures(const markup::Document& doc, PictureTable& table) {
  std::vector<PlacedPicture> out;  // in the order DocumentLayout takes them
  if (doc.cover) out.push_back(table.resolve(doc.cover->picture, &doc.cover->text, doc.cover->span));
  for (const auto& section : doc.sections)
    for (const auto& block : section.blocks)
      std::visit([&](const auto& b) { out.push_back(table.resolve(b.picture, &b.text, b.span)); }, block);
  for (const auto& word : doc.words)  // a word gets a picture only if the author gives one
    out.push_back(table.resolve(word.picture, nullptr, word.span));
  return out;
}

}  // namespace

std::optional<Document> lay_out(const markup::Document& doc, symbols::Library& library,
                                const Options& options, Diagnostics& diags) {
  std::size_t errors_before = 0;
  for (const auto& d : diags.items()) errors_before += d.severity == Severity::error;
  auto count_errors = [&] {
    std::size_t n = 0;
    for (const auto& d : diags.items()) n += d.severity == Severity::error;
    return n - errors_before;
  };

  const std::string& template_name = options.template_name.empty() ? doc.template_name : options.template_name;
  auto tmpl = load_template(template_name, options.data_home, doc.directory, diags);
  if (!tmpl) return std::nullopt;
  Strings strings = Strings::load(options.data_home, doc.lang, diags);

  FontSet fonts(options.data_home);
  Styles styles;
  int regular = fonts.find(tmpl->body_family, false, tmpl->path, diags);
  int bold = fonts.find(tmpl->body_family, true, tmpl->path, diags);
  int heading = fonts.find(tmpl->heading_family, true, tmpl->path, diags);
  if (regular < 0 || bold < 0 || heading < 0) return std::nullopt;
  styles.body = {regular, bold, tmpl->body_size};
  styles.heading = {heading, heading, tmpl->heading_size};
  styles.subheading = {regular, bold, tmpl->subheading_size};
  styles.cover_title = {heading, heading, tmpl->cover_title_size};
  styles.footer = {regular, bold, tmpl->footer_size};
  check_characters(doc, fonts, regular, bold, diags);

  Document out;
  out.page_width = tmpl->page_width;
  out.page_height = tmpl->page_height;
  out.background = tmpl->background;
  out.metadata.title = doc.title;
  out.metadata.lang = doc.lang;
  out.metadata.author = doc.organisation;
  PictureTable table(library, doc, out, diags);
  std::vector<PlacedPicture> pictures = resolve_pictures(doc, table);
  if (count_errors() > 0) return std::nullopt;
  if (table.uses_openmoji()) out.metadata.credits = strings.get("credit-openmoji");

  DocumentLayout layout(doc, *tmpl, strings, fonts, styles, pictures);
  layout.uses_openmoji = table.uses_openmoji();
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
  return out;
}

}  // namespace easyread::layout
