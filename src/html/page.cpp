// The page's body: the content tree as semantic HTML5, in reading order.
#include "html/page.hpp"

#include <algorithm>
#include <cmath>
#include <variant>

namespace easyread::html {
namespace {

bool safe_link(std::string_view href) {
  return href.starts_with("https://") || href.starts_with("http://") || href.starts_with("mailto:");
}

// Around the pictures' <symbol>s.
constexpr std::string_view kSymbolsStart = "<svg class=\"symbols\" aria-hidden=\"true\">\n";
constexpr std::string_view kSymbolsEnd = "</svg>\n";

// The id of picture `index` in the hidden <svg>.
std::string symbol_id(std::size_t index) { return "p" + std::to_string(index); }

}  // namespace

// Pixels kept in a photo for each CSS pixel it is shown at. Phones draw 2
// or 3 device pixels for each CSS pixel; 1.5 looks nearly as sharp on them
// at the picture sizes Easy Read uses, and keeps a photo about half the
// size it would be at 2 (the 12-page sample's page: 72 KB, not 77 KB).
int photo_pixels(double points) {
  constexpr double kDevicePixelsPerCssPixel = 1.5;
  return static_cast<int>(std::ceil(px(points) * kDevicePixelsPerCssPixel));
}

PageWriter::PageWriter(const content::Document& doc, const Options& options)
    : doc_(doc), deadline_(options.deadline), photos_(doc.pictures.size()), early_(doc.pictures.size()) {
  plan_photo(doc.cover.picture, options.look.cover_picture_size);
  for (const content::Section& section : doc.sections)
    for (const content::Row& row : section.rows) plan_photo(row.picture, options.look.picture_size);
  for (const content::WordEntry& word : doc.words) plan_photo(word.picture, options.look.picture_size);
  start_photos(options.early_photos);
}

void PageWriter::start_photos(EarlyPhotos* early) {
  // Pixels on the longer side of each photo on the page still to pack; -1: none.
  std::vector<int> longest(photos_.size(), -1);
  bool any = false;
  for (std::size_t i = 0; i < photos_.size(); ++i)
    if (photos_[i].uses > 0 && std::holds_alternative<RasterImage>(doc_.pictures[i].content)) {
      const int pixels = photo_pixels(photos_[i].points);
      if (early && (early_[i] = early->take(doc_.pictures[i].key, pixels)).valid()) continue;  // packed ahead
      longest[i] = pixels;
      any = true;
    }
  if (!any) return;
  photo_data_ = std::async(std::launch::async, [this, longest = std::move(longest)] {
    std::vector<std::string> data(longest.size());
    for (std::size_t i = 0; i < longest.size(); ++i)
      if (longest[i] >= 0) data[i] = photo_data_url(std::get<RasterImage>(doc_.pictures[i].content), longest[i]);
    return data;
  });
}

void PageWriter::plan_photo(const content::PictureUse& use, double points) {
  if (!use.present() || use.picture >= static_cast<int>(doc_.pictures.size())) return;
  PhotoUse& photo = photos_[static_cast<std::size_t>(use.picture)];
  ++photo.uses;
  photo.points = std::max(photo.points, points);
}

void PageWriter::text(std::string_view words, Face face) {
  append_escaped(out_, words);
  collect_codes(words, face == Face::heading ? heading_codes : face == Face::bold ? bold_codes : body_codes);
}

void PageWriter::runs(const std::vector<content::Run>& runs) {
  for (const content::Run& run : runs) {
    const bool hard = run.word >= 0 && run.word < static_cast<int>(doc_.words.size());
    const bool link = !hard && !run.link.empty() && safe_link(run.link);
    // A run's leading space stays outside its bold and link, so the line under a link starts at its word.
    std::string_view words = run.text;
    if ((hard || link || run.bold) && words.starts_with(' ')) {
      text(" ", Face::body);
      words.remove_prefix(1);
    }
    if (hard) out_ += "<a class=\"hard\" href=\"#" + escaped(doc_.words[static_cast<std::size_t>(run.word)].anchor) + "\">";
    if (link) out_ += "<a href=\"" + escaped(run.link) + "\">";
    if (run.bold || hard) out_ += "<b>";
    text(words, run.bold || hard ? Face::bold : Face::body);
    if (run.bold || hard) out_ += "</b>";
    if (hard || link) out_ += "</a>";
  }
}

void PageWriter::sentences(const content::Sentences& block, const char* extra_class) {
  for (const content::Sentence& sentence : block.sentences) {
    out_ += std::string("<p class=\"s") + extra_class + "\">";
    runs(sentence.runs);
    out_ += "</p>";
  }
}

void PageWriter::picture(const content::PictureUse& use) {
  if (!use.present() || use.picture >= static_cast<int>(doc_.pictures.size())) return;
  const auto index = static_cast<std::size_t>(use.picture);
  const Picture& pic = doc_.pictures[index];
  out_ += "<span class=\"pic\">";
  if (std::holds_alternative<Drawing>(pic.content)) {
    if (use.alt.empty())
      out_ += "<svg aria-hidden=\"true\">";
    else
      out_ += "<svg role=\"img\" aria-label=\"" + escaped(use.alt) + "\">";
    out_ += "<use href=\"#" + symbol_id(index) + "\"/></svg>";
  } else {
    const auto& image = std::get<RasterImage>(pic.content);
    if (photos_[index].uses > 1) {  // stored once among the symbols
      out_ += use.alt.empty() ? "<svg aria-hidden=\"true\">" : "<svg role=\"img\" aria-label=\"" + escaped(use.alt) + "\">";
      out_ += "<use href=\"#" + symbol_id(index) + "\"/></svg>";
    } else {
      out_ += "<img src=\"";
      body_slots_.push_back({out_.size(), index});
      out_ += "\" alt=\"" + escaped(use.alt) + "\" width=\"" + std::to_string(image.shown_width()) + "\" height=\"" +
              std::to_string(image.shown_height()) + "\">";
    }
  }
  out_ += "</span>";
}

void PageWriter::row(const content::Row& row) {
  out_ += row.picture.present() ? "<div class=\"row\">" : "<div class=\"row no-pic\">";
  picture(row.picture);
  out_ += "<div class=\"text\">";
  for (const content::RowPart& part : row.parts) {
    std::visit(
        [&](const auto& p) {
          using T = std::decay_t<decltype(p)>;
          if constexpr (std::is_same_v<T, content::Sentences>) {
            sentences(p, "");
          } else if constexpr (std::is_same_v<T, content::BulletList>) {
            out_ += "<ul>";
            for (const content::Sentences& item : p.items) {
              out_ += "<li>";
              sentences(item, "");
              out_ += "</li>";
            }
            out_ += "</ul>";
          } else {
            static_assert(std::is_same_v<T, content::Fact>);
            out_ += "<p class=\"s fact\"><b>";
            text(p.label, Face::bold);
            out_ += "</b> ";
            text(p.value, Face::body);
            out_ += "</p>";
          }
        },
        part);
  }
  out_ += "</div></div>\n";
}

void PageWriter::cover() {
  const content::Cover& cover = doc_.cover;
  out_ += "<header class=\"cover\">\n";
  if (!cover.organisation.empty()) {
    out_ += "<p class=\"s organisation\">";
    text(cover.organisation, Face::body);
    out_ += "</p>\n";
  }
  auto date = [&] {
    if (cover.date.empty()) return;
    out_ += "<p class=\"s date\">";
    text(cover.date, Face::body);
    out_ += "</p>\n";
  };
  if (cover.date_first) date();
  out_ += "<h1 class=\"s\">";
  text(cover.title, Face::heading);
  out_ += "</h1>\n";
  if (!cover.date_first) date();
  if (cover.picture.present() || !cover.text.sentences.empty()) {
    out_ += "<div class=\"cover-text\">";
    picture(cover.picture);
    sentences(cover.text, " big");
    out_ += "</div>\n";
  }
  out_ += "</header>\n";
}

void PageWriter::section(const content::Section& section, int number) {
  if (section.title.empty()) {
    out_ += "<section>\n";
  } else {
    const std::string id = "section-" + std::to_string(number);
    out_ += "<section aria-labelledby=\"" + id + "\">\n<h2 class=\"s\" id=\"" + id + "\">";
    text(section.title, Face::heading);
    out_ += "</h2>\n";
  }
  for (const content::Row& r : section.rows) {
    deadline_.check();
    row(r);
  }
  out_ += "</section>\n";
}

void PageWriter::words() {
  if (doc_.words.empty()) return;
  out_ += "<section class=\"words\" aria-labelledby=\"words-to-know\">\n<h2 class=\"s\" id=\"words-to-know\">";
  text(doc_.labels.words_heading, Face::heading);
  out_ += "</h2>\n<dl>\n";
  for (const content::WordEntry& word : doc_.words) {
    deadline_.check();
    out_ += word.picture.present() ? "<div class=\"row\"" : "<div class=\"row no-pic\"";
    out_ += " id=\"" + escaped(word.anchor) + "\"><dt class=\"s\">";
    picture(word.picture);
    out_ += "<b>";
    text(word.term, Face::bold);
    out_ += "</b></dt><dd class=\"text\">";
    sentences(word.explanation, "");
    out_ += "</dd></div>\n";
  }
  out_ += "</dl>\n</section>\n";
}

void PageWriter::closing() {
  if (doc_.closing.empty()) return;
  out_ += "<footer>\n";
  for (const content::ClosingLine& line : doc_.closing) {
    out_ += line.kind == content::ClosingLine::Kind::credit ? "<p class=\"s credit\">" : "<p class=\"s\">";
    text(line.text, Face::body);
    out_ += "</p>\n";
  }
  out_ += "</footer>\n";
}

std::string PageWriter::body() {
  out_.clear();
  out_ += "<main>\n";
  cover();
  int number = 0;
  for (const content::Section& s : doc_.sections) section(s, ++number);
  words();
  out_ += "</main>\n";
  closing();
  return std::move(out_);
}

std::string PageWriter::symbols(PaintClasses& classes) {
  std::string out;
  for (std::size_t i = 0; i < doc_.pictures.size(); ++i) {
    if (const auto* drawing = std::get_if<Drawing>(&doc_.pictures[i].content))
      out += svg_symbol(*drawing, symbol_id(i), classes) + "\n";
    else if (photos_[i].uses > 1)
      symbol_slots_.push_back({out.size(), i});
  }
  symbols_wrapped_ = !out.empty();
  if (out.empty()) return out;
  for (PhotoSlot& slot : symbol_slots_) slot.offset += kSymbolsStart.size();
  return std::string(kSymbolsStart) + out + std::string(kSymbolsEnd);
}

void PageWriter::add_photos(std::string& body, std::string& symbols) {
  std::vector<std::string> data = photo_data_.valid() ? photo_data_.get() : std::vector<std::string>(early_.size());
  for (std::size_t i = 0; i < early_.size(); ++i)
    if (early_[i].valid()) data[i] = early_[i].get();
  // From the end, so that the places before stay where they were.
  for (auto slot = body_slots_.rbegin(); slot != body_slots_.rend(); ++slot)
    body.insert(slot->offset, data[slot->picture]);
  std::string photo_symbols;  // when there are no drawings, only these
  for (auto slot = symbol_slots_.rbegin(); slot != symbol_slots_.rend(); ++slot) {
    const std::string& url = data[slot->picture];
    if (url.empty()) continue;
    const auto& image = std::get<RasterImage>(doc_.pictures[slot->picture].content);
    const std::string w = std::to_string(image.shown_width()), h = std::to_string(image.shown_height());
    const std::string symbol = "<symbol id=\"" + symbol_id(slot->picture) + "\" viewBox=\"0 0 " + w + " " + h +
                               "\"><image href=\"" + url + "\" width=\"" + w + "\" height=\"" + h + "\"/></symbol>\n";
    if (symbols_wrapped_) symbols.insert(slot->offset, symbol);
    else photo_symbols.insert(0, symbol);
  }
  if (!symbols_wrapped_ && !photo_symbols.empty())
    symbols = std::string(kSymbolsStart) + photo_symbols + std::string(kSymbolsEnd);
}

}  // namespace easyread::html
