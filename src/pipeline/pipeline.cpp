#include "pipeline/pipeline.hpp"

#include <filesystem>

#include "layout/fonts.hpp"
#include "markup/markup.hpp"

namespace easyread::pipeline {
namespace {

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
  content::Document content = content::build(notes, library, *look, strings, diags);
  if (errors_since(diags, before) > 0) return std::nullopt;
  return Prepared{std::move(*look), std::move(content)};
}

std::optional<layout::Document> lay_out(const markup::Document& notes, symbols::Library& library,
                                        const Options& options, Diagnostics& diags) {
  const std::size_t before = errors_since(diags, 0);
  auto look = load_look(notes, options, diags);
  if (!look) return std::nullopt;
  style::Strings strings = style::Strings::load(options.data_home, notes.lang, diags);
  layout::FontSet fonts(options.data_home);
  auto faces = layout::find_faces(*look, fonts, diags);
  if (!faces) return std::nullopt;
  content::check_characters(
      notes, [&](char32_t cp, bool bold) { return layout::can_draw(fonts, *faces, cp, bold); }, diags);
  content::Document content = content::build(notes, library, *look, strings, diags);
  if (errors_since(diags, before) > 0) return std::nullopt;
  return layout::lay_out(content, *look, fonts, *faces);
}

}  // namespace easyread::pipeline
