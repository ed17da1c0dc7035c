// Running text for layout: a sentence (or a title, a label) in styled spans,
// broken into lines that fit a width. The content stage has already folded
// white space, found web addresses and split sentences.
#pragma once
#include <string>
#include <vector>

#include "layout/fonts.hpp"
#include "content/content.hpp"
#include "text/text.hpp"

namespace easyread::layout {

// Text with styles on byte ranges.
class StyledText {
 public:
  struct Span {
    std::size_t begin = 0, end = 0;
    bool bold = false;
    std::string link;
  };
  static StyledText from(const content::Sentence& sentence);
  // Adds text as it is; a span in the same style as the one before joins it.
  void add(std::string_view text, bool bold = false, std::string link = {});
  const std::string& text() const { return text_; }
  const std::vector<Span>& spans() const { return spans_; }
  bool empty() const { return text_.empty(); }

 private:
  std::string text_;
  std::vector<Span> spans_;
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

// The lines of one sentence (or title), none wider than `width` (a word
// wider than the whole column is cut).
std::vector<Line> set_lines(const StyledText& text, const text::Segmenter& segmenter,
                            const FontSet& fonts, const TextStyle& style, double width);

}  // namespace easyread::layout
