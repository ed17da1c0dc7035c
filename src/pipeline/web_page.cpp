// pipeline::web_page(): the same content as the PDF, written as a web page.
#include "html/html.hpp"
#include "layout/fonts.hpp"
#include "markup/markup.hpp"
#include "pipeline/pipeline.hpp"

namespace easyread::pipeline {

std::optional<std::string> web_page(const markup::Document& notes, symbols::Library& library,
                                    const Options& options, const std::string& file, Diagnostics& diags) {
  auto prepared = prepare(notes, library, options, diags);
  if (!prepared) return std::nullopt;
  layout::FontSet fonts(options.data_home);
  const auto faces = layout::find_faces(prepared->look, fonts, diags);
  if (!faces) return std::nullopt;
  const auto path = [&](int face) { return fonts.files().at(static_cast<std::size_t>(face)).path; };
  const style::Strings strings = style::Strings::load(options.data_home, notes.lang, diags);
  html::Options page;
  page.look = prepared->look;
  page.fonts = {path(faces->regular), path(faces->bold), path(faces->heading)};
  page.speech = {strings.get("listen"), strings.get("listen-all"), strings.get("stop")};
  std::string bytes = html::render(prepared->content, page, file, diags);
  if (bytes.empty()) return std::nullopt;
  return bytes;
}

}  // namespace easyread::pipeline
