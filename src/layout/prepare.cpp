#include "layout/prepare.hpp"

#include <cstdio>

#include "symbols/symbols.hpp"
#include "text/text.hpp"

namespace easyread::layout {

PlacedPicture PictureTable::resolve(const markup::PictureRef& ref, const markup::Paragraph* text,
                                    Span where) {
  if (ref.value == "none") return {};
  Span span = ref.span.line ? ref.span : where;
  std::string value = ref.value;
  if (value.empty()) {
    if (!text) return {};
    auto match = library_.suggest(text->plain_text());
    if (!match) return {};
    value = match->code;
    diags_.add({Severity::note, "picture-chosen", doc_.path, where,
                "I chose the picture \"" + match->name + "\" for this part.",
                "If it is not right, write picture=\"...\" here. For no picture, write picture=\"none\"."});
  }
  auto picture = library_.resolve(value, doc_.directory, doc_.path, span, diags_);
  if (!picture) return {};
  PlacedPicture placed;
  placed.aspect = picture->aspect();
  placed.alt = !ref.alt.empty() ? ref.alt : picture->name;
  bool is_photo = std::holds_alternative<RasterImage>(picture->content);
  if (is_photo && ref.alt.empty())
    diags_.warning(doc_.path, span, "missing-alt", "This photo has no words to say what it shows.",
                   "Add alt=\"...\" with a few words about the photo. Screen readers read them out.");
  if (picture->is_openmoji) uses_openmoji_ = true;
  auto [it, added] = by_key_.emplace(picture->key, static_cast<int>(out_.pictures.size()));
  if (added) out_.pictures.push_back(std::move(*picture));
  placed.index = it->second;
  return placed;
}

namespace {

class CharacterChecker {
 public:
  CharacterChecker(const markup::Document& doc, const FontSet& fonts, int regular, int bold,
                   Diagnostics& diags)
      : doc_(doc), lines_(doc.source), fonts_(fonts), regular_(regular), bold_(bold), diags_(diags) {}

  void paragraph(const markup::Paragraph& p) {
    for (const auto& run : p.runs) {
      bool bold = run.style == markup::Run::Style::bold || run.style == markup::Run::Style::hard;
      for (std::size_t pos = 0; pos < run.text.size();) {
        std::size_t start = pos;
        char32_t cp = text::next_code_point(run.text, pos);
        if (cp < 0x20) continue;  // line ends and tabs are folded to spaces
        if (!drawable(cp, bold)) report(cp, markup::locate(doc_, lines_, run, start, pos));
      }
    }
  }

  void plain(const std::string& s, Span where) {
    for (std::size_t pos = 0; pos < s.size();) {
      char32_t cp = text::next_code_point(s, pos);
      if (cp >= 0x20 && !drawable(cp, true)) report(cp, where);
    }
  }

 private:
  // libharu draws only the Basic Multilingual Plane; emoji beyond it would become blanks.
  bool drawable(char32_t cp, bool bold) const {
    return cp <= 0xFFFF && fonts_.has_glyph(bold ? bold_ : regular_, cp);
  }

  void report(char32_t cp, Span where) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    std::string shown;
    append_utf8(shown, cp);
    diags_.error(doc_.path, where, "missing-character",
                 "The font cannot show the character \"" + shown + "\" (" + code + ").",
                 cp > 0xFFFF ? "Take out the emoji. Use a picture beside the text instead."
                             : "Take out this character, or choose a font that has it.");
  }

  static void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
      return;
    }
    if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }

  const markup::Document& doc_;
  text::LineIndex lines_;
  const FontSet& fonts_;
  int regular_, bold_;
  Diagnostics& diags_;
};

}  // namespace

void check_characters(const markup::Document& doc, const FontSet& fonts, int regular, int bold,
                      Diagnostics& diags) {
  CharacterChecker checker(doc, fonts, regular, bold, diags);
  checker.plain(doc.title, doc.title_span);
  checker.plain(doc.organisation, doc.title_span);
  if (doc.cover) checker.paragraph(doc.cover->text);
  for (const auto& section : doc.sections) {
    checker.plain(section.title, section.span);
    for (const auto& block : section.blocks) {
      if (const auto* point = std::get_if<markup::Point>(&block)) {
        checker.paragraph(point->text);
        for (const auto& item : point->list) checker.paragraph(item);
      } else if (const auto* action = std::get_if<markup::Action>(&block)) {
        checker.paragraph(action->text);
        checker.plain(action->who, action->span);
      } else if (const auto* meeting = std::get_if<markup::Meeting>(&block)) {
        checker.paragraph(meeting->text);
        checker.plain(meeting->place, meeting->span);
      }
    }
  }
  for (const auto& word : doc.words) {
    checker.plain(word.term, word.span);
    checker.paragraph(word.explanation);
  }
}

}  // namespace easyread::layout
