#include "pipeline/pipeline.hpp"

#include <filesystem>
#include <memory>

#include "html/html.hpp"
#include "layout/fonts.hpp"
#include "markup/markup.hpp"

namespace easyread::pipeline {
namespace {

// A sheet is in English and in the look of documents that choose nothing else.
constexpr const char* kSheetLanguage = "en-GB";
constexpr const char* kSheetTemplate = "newsletter";

// Errors in `diags` beyond the first `before`.
std::size_t errors_since(const Diagnostics& diags, std::size_t before) {
  std::size_t n = 0;
  for (const auto& d : diags.items()) n += d.severity == Severity::error;
  return n - before;
}

std::optional<style::Template> load_look(const markup::Document& notes, const Options& options,
                                         Diagnostics& diags) {
  // A template the document chose may only come from the folders the person
  // running easyread trusts; one given on the command line may come from anywhere.
  const bool chosen_by_document = options.template_name.empty();
  std::vector<std::filesystem::path> trusted = {notes.directory.empty() ? "." : notes.directory, options.data_home};
  trusted.insert(trusted.end(), options.allowed_folders.begin(), options.allowed_folders.end());
  const std::string& name = chosen_by_document ? notes.template_name : options.template_name;
  return style::load_template(name, options.data_home, notes.directory, diags, chosen_by_document ? &trusted : nullptr);
}

}  // namespace

std::optional<Prepared> prepare(const markup::Document& notes, symbols::Library& library,
                                const Options& options, Diagnostics& diags) {
  const std::size_t before = errors_since(diags, 0);
  auto look = load_look(notes, options, diags);
  if (!look) return std::nullopt;
  style::Strings strings = style::Strings::load(options.data_home, notes.lang, diags);
  content::Document content = content::build(notes, library, *look, strings, diags, options.pictures, options.deadline);
  if (errors_since(diags, before) > 0) return std::nullopt;
  return Prepared{std::move(*look), std::move(content)};
}

namespace {

// What a writer that draws with the template's fonts needs: the look, the
// fonts found, and the content, after every character has been checked
// against those fonts.
struct WithFonts {
  style::Template look;
  style::Strings strings;
  std::unique_ptr<layout::FontSet> fonts;  // FontSet does not move cheaply; keep it in place
  layout::Faces faces;
  content::Document content;
};

std::optional<WithFonts> prepare_with_fonts(const markup::Document& notes, symbols::Library& library,
                                            const Options& options, Diagnostics& diags,
                                            const content::PictureRead& on_read = {}) {
  const std::size_t before = errors_since(diags, 0);
  auto look = load_look(notes, options, diags);
  if (!look) return std::nullopt;
  style::Strings strings = style::Strings::load(options.data_home, notes.lang, diags);
  auto fonts = std::make_unique<layout::FontSet>(options.data_home);
  auto faces = layout::find_faces(*look, *fonts, diags);
  if (!faces) return std::nullopt;
  content::check_characters(
      notes, [&](char32_t cp, bool bold) { return layout::can_draw(*fonts, *faces, cp, bold); }, diags);
  content::Document content =
      content::build(notes, library, *look, strings, diags, options.pictures, options.deadline, on_read);
  if (errors_since(diags, before) > 0 || (options.stop && options.stop())) return std::nullopt;
  return WithFonts{std::move(*look), std::move(strings), std::move(fonts), *faces, std::move(content)};
}

}  // namespace

std::optional<layout::Document> lay_out(const markup::Document& notes, symbols::Library& library,
                                        const Options& options, Diagnostics& diags) {
  auto ready = prepare_with_fonts(notes, library, options, diags);
  if (!ready || !fits_in_pdf(ready->content, notes.path, diags)) return std::nullopt;
  layout::Document laid_out = layout::lay_out(std::move(ready->content), ready->look, *ready->fonts, ready->faces,
                                              options.deadline);
  if (!pages_fit_in_pdf(laid_out, notes.path, diags)) return std::nullopt;
  return laid_out;
}

std::optional<std::string> write_word(const markup::Document& notes, symbols::Library& library,
                                      const Options& options, word::Resources& resources,
                                      const std::string& file, Diagnostics& diags) {
  auto ready = prepare_with_fonts(notes, library, options, diags);
  if (!ready) return std::nullopt;
  std::vector<word::FontFile> files;
  for (const auto& f : ready->fonts->files()) files.push_back({f.family, f.bold, f.path});
  std::string bytes = word::write(ready->content, ready->look, files, resources, file, diags, options.deadline);
  if (bytes.empty()) return std::nullopt;
  return bytes;
}

std::optional<std::string> web_page(const markup::Document& notes, symbols::Library& library,
                                    const Options& options, const std::string& file, Diagnostics& diags) {
  html::EarlyPhotos photos;  // packed while the content is made
  auto ready = prepare_with_fonts(notes, library, options, diags, photos.picture_read());
  if (!ready) return std::nullopt;
  const auto path = [&](int face) { return ready->fonts->files().at(static_cast<std::size_t>(face)).path; };
  html::Options page;
  page.look = ready->look;
  page.fonts = {path(ready->faces.regular), path(ready->faces.bold), path(ready->faces.heading)};
  page.speech = {ready->strings.get("listen"), ready->strings.get("listen-all"), ready->strings.get("stop")};
  page.deadline = options.deadline;
  page.early_photos = &photos;
  std::string bytes = html::render(ready->content, page, file, diags);
  if (bytes.empty()) return std::nullopt;
  return bytes;
}

content::Sheet make_sheet(symbols::Library& library, const std::vector<std::string>& words,
                          const std::string& file, const Options& options, Diagnostics& diags) {
  style::Strings strings = style::Strings::load(options.data_home, kSheetLanguage, diags);
  content::Sheet sheet = content::build_sheet(library, words, strings, file, diags);
  sheet.metadata.lang = kSheetLanguage;
  return sheet;
}

std::optional<layout::Document> lay_out_sheet(const content::Sheet& sheet, const Options& options,
                                              Diagnostics& diags) {
  const std::string name = options.template_name.empty() ? kSheetTemplate : options.template_name;
  auto look = style::load_template(name, options.data_home, ".", diags);
  if (!look) return std::nullopt;
  layout::FontSet fonts(options.data_home);
  auto faces = layout::find_faces(*look, fonts, diags);
  if (!faces) return std::nullopt;
  return layout::lay_out_sheet(sheet, *look, fonts, *faces);
}

}  // namespace easyread::pipeline
