// render(): the head (title, language, fonts, styles), the body and the script.
#include "html/html.hpp"

#include <future>
#include <optional>

#include "html/internal.hpp"
#include "html/page.hpp"

namespace easyread::html {

std::string render(const content::Document& doc, const Options& options, const std::string& file,
                   Diagnostics& diags) {
  PageWriter page(doc, options);
  std::string body = page.body();
  collect_codes(doc.metadata.title, page.heading_codes);
  // The read-aloud buttons' words, which the script writes on them.
  for (const std::string* label : {&options.speech.listen, &options.speech.listen_all, &options.speech.stop})
    collect_codes(*label, page.body_codes);

  // The fonts are cut down on another thread while the symbols are written.
  const FontFiles& fonts = options.fonts;
  // Headings set in the body's bold face need no font of their own.
  const bool shared_heading = fonts.heading == fonts.body_bold;
  std::set<char32_t> bold_codes = page.bold_codes;
  if (shared_heading) bold_codes.insert(page.heading_codes.begin(), page.heading_codes.end());
  Diagnostics font_diags;
  auto font_faces = std::async(std::launch::async, [&] {
    std::string faces;
    auto add_face = [&](const char* family, bool bold, const std::string& path, const std::set<char32_t>& codes) {
      if (path.empty()) return true;
      const std::string face = font_face(family, bold, path, codes, file, font_diags);
      faces += face;
      return !face.empty();
    };
    const bool ok = add_face("er-body", false, fonts.body, page.body_codes) &&
                    add_face("er-body", true, fonts.body_bold, bold_codes) &&
                    (shared_heading || add_face("er-heading", true, fonts.heading, page.heading_codes));
    return ok ? std::optional<std::string>(std::move(faces)) : std::nullopt;
  });
  PaintClasses paint;
  std::string symbols = page.symbols(paint);
  const std::optional<std::string> faces = font_faces.get();
  diags.append(font_diags);
  if (!faces) return {};

  page.add_photos(body, symbols);  // the one wait for the photos, after all else
  std::string out;
  out.reserve(body.size() + symbols.size() + faces->size() + 16384);
  out += "<!DOCTYPE html>\n<html lang=\"" + escaped(doc.metadata.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + escaped(doc.metadata.title) + "</title>\n";
  if (!doc.metadata.author.empty()) out += "<meta name=\"author\" content=\"" + escaped(doc.metadata.author) + "\">\n";
  if (!doc.metadata.credits.empty())
    out += "<meta name=\"dcterms.rights\" content=\"" + escaped(doc.metadata.credits) + "\">\n";
  out += "<style>\n" + *faces + style_sheet(options.look) + paint.style_sheet() + "</style>\n</head>\n";
  out += "<body data-listen=\"" + escaped(options.speech.listen) + "\" data-listen-all=\"" +
         escaped(options.speech.listen_all) + "\" data-stop=\"" + escaped(options.speech.stop) + "\">\n";
  out += symbols;
  out += body;
  out += "<script>\n";
  out += speech_script();
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace easyread::html
