// Every character that will be shown must be one the fonts can draw. The
// check runs on the notes, so each error points at the character itself.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <variant>

#include "base/overloaded.hpp"
#include "content/content.hpp"
#include "markup/markup.hpp"
#include "text/text.hpp"

namespace easyread::content {
namespace {

void append_utf8(std::string& out, char32_t cp) {
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

class CharacterChecker {
 public:
  CharacterChecker(const markup::Document& notes, const CanDraw& can_draw, Diagnostics& diags)
      : notes_(notes), lines_(notes.source), can_draw_(can_draw), diags_(diags) {
    std::memset(ascii_, -1, sizeof ascii_);
  }

  void paragraph(const markup::Paragraph& p) {
    for (const auto& run : p.runs) {
      bool bold = run.style == markup::Run::Style::bold || run.style == markup::Run::Style::hard;
      // Characters the font cannot show, side by side, are one error: a
      // 5,000-letter word in another script is one problem, not 5,000.
      std::size_t first = 0, count = 0, after = 0;
      char32_t first_cp = 0;
      auto flush = [&] {
        if (count > 0) report(first_cp, markup::locate(notes_, lines_, run, first, after), count);
        count = 0;
      };
      for (std::size_t pos = 0; pos < run.text.size();) {
        std::size_t start = pos;
        char32_t cp = text::next_code_point(run.text, pos);
        if (cp < 0x20 || drawable(cp, bold)) {  // line ends and tabs are folded to spaces
          flush();
          continue;
        }
        if (count++ == 0) first = start, first_cp = cp;
        after = pos;
      }
      flush();
    }
  }

  void plain(const std::string& s, Span where) {
    for (std::size_t pos = 0; pos < s.size();) {
      char32_t cp = text::next_code_point(s, pos);
      if (cp >= 0x20 && !drawable(cp, true)) report(cp, where);
    }
  }

 private:
  // Asks the fonts once for each ASCII character: notes are mostly ASCII,
  // and each question goes through HarfBuzz.
  bool drawable(char32_t cp, bool bold) {
    if (cp >= 0x80) return can_draw_(cp, bold);
    std::int8_t& known = ascii_[bold][cp];
    if (known < 0) known = can_draw_(cp, bold) ? 1 : 0;
    return known == 1;
  }

  void report(char32_t cp, Span where, std::size_t count = 1) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    std::string shown;
    append_utf8(shown, cp);
    const std::string what = "the character \"" + shown + "\" (" + code + ")";
    diags_.error(notes_.path, where, "missing-character",
                 count == 1 ? "The font cannot show " + what + "."
                            : "The font cannot show these " + std::to_string(count) + " characters, starting with " +
                                  what + ".",
                 cp > 0xFFFF ? "Take out the emoji. Use a picture beside the text instead."
                             : "Take out this character, or choose a font that has it.");
  }

  const markup::Document& notes_;
  text::LineIndex lines_;
  const CanDraw& can_draw_;
  Diagnostics& diags_;
  std::int8_t ascii_[2][0x80];  // 1: drawable, 0: not, -1: not asked yet
};

}  // namespace

void check_characters(const markup::Document& notes, const CanDraw& can_draw, Diagnostics& diags) {
  CharacterChecker checker(notes, can_draw, diags);
  checker.plain(notes.title, notes.title_span);
  checker.plain(notes.organisation, notes.title_span);
  if (notes.cover) checker.paragraph(notes.cover->text);
  for (const auto& section : notes.sections) {
    checker.plain(section.title, section.span);
    for (const auto& block : section.blocks) {
      std::visit(Overloaded{
                     [&](const markup::Point& point) {
                       checker.paragraph(point.text);
                       for (const auto& item : point.list) checker.paragraph(item);
                     },
                     [&](const markup::Action& action) {
                       checker.paragraph(action.text);
                       checker.plain(action.who, action.span);
                     },
                     [&](const markup::Meeting& meeting) {
                       checker.paragraph(meeting.text);
                       checker.plain(meeting.place, meeting.span);
                     },
                 },
                 block);
    }
  }
  for (const auto& word : notes.words) {
    checker.plain(word.term, word.span);
    checker.paragraph(word.explanation);
  }
}

}  // namespace easyread::content
