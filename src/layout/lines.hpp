// Running text for layout: styled text with white space folded, split into
// sentences with ICU, and each sentence broken into lines that fit a width.
#pragma once
#include <string>
#include <vector>

#include "layout/fonts.hpp"
#include "markup/markup.hpp"
#include "text/text.hpp"

namespace easyread::layout {

// Text with styles on byte ranges. White space is folded to single spaces.
class StyledText {
 public:
  struct Span {
    std::size_t begin = 0, end = 0;
    bool bold = false;
    std::string link;
  };
  static StyledText from(const markup::Paragraph& paragraph);
  void add(std::string_view text, bool bold = false, std::string link = {});
  const std::string& text() const { return text_; }
  const std::vector<Span>& spans() const { return spans_; }
  bool empty() const { return text_.empty(); }

 private:
  void find_web_addresses();
  std::string text_;
  std::vector<Span> spans_;
  bool pending_space_ = false;
};

// One piece of a line in one font.
struct Piece {
  std::string text;
  bool bold = false;
  std::string link;
  double width = 0;
};

struct Line {
  std::vector<Piece> pieces;
  double width = 0;
};

// Fonts and size to set running text in.
struct TextStyle {
  int regular = 0, bold = 0;
  double size = 16;
};

// Each sentence of `text` as its own list of lines, none wider than `width`
// (a word wider than the whole column is cut).
std::vector<std::vector<Line>> set_sentences(const StyledText& text, const text::Segmenter& segmenter,
                                             const FontSet& fonts, const TextStyle& style,
                                             double width);

}  // namespace easyread::layout
