#include "layout/lines.hpp"

#include <algorithm>

namespace easyread::layout {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Sets a sentence's lines: fits as many words on a line as the width allows.
class LineSetter {
 public:
  LineSetter(const StyledText& text, const FontSet& fonts, const TextStyle& style, double width)
      : text_(text), fonts_(fonts), style_(style), width_(width) {}

  std::vector<Line> set(std::size_t begin, std::size_t end, const std::vector<std::size_t>& breaks) {
    std::vector<Line> lines;
    std::size_t start = begin;
    std::size_t last_fit = 0;
    for (std::size_t at : breaks) {
      if (at <= start) continue;
      if (measure(start, at) <= width_) {
        last_fit = at;
        continue;
      }
      if (last_fit > start) {
        lines.push_back(make_line(start, last_fit));
        start = last_fit;
      }
      while (start < at && measure(start, at) > width_) {  // one word wider than the column
        std::size_t cut = longest_fit(start, at);
        lines.push_back(make_line(start, cut));
        start = cut;
      }
      last_fit = at;
    }
    if (start < end) lines.push_back(make_line(start, end));
    return lines;
  }

  double width_of(std::size_t begin, std::size_t end) const { return measure(begin, end); }
  double width() const { return width_; }

 private:
  std::size_t trimmed_end(std::size_t begin, std::size_t end) const {
    while (end > begin && is_space(text_.text()[end - 1])) --end;
    return end;
  }

  double measure(std::size_t begin, std::size_t end) const {
    double total = 0;
    end = trimmed_end(begin, end);
    for (const auto& span : text_.spans()) {
      std::size_t b = std::max(begin, span.begin), e = std::min(end, span.end);
      if (b < e)
        total += fonts_.width(span.bold ? style_.bold : style_.regular,
                              std::string_view(text_.text()).substr(b, e - b), style_.size);
    }
    return total;
  }

  // The longest start of [begin, end) that fits the width, cut between
  // characters; at least one character. The step doubles while pieces fit
  // and halves when one does not, so a very long word costs little.
  std::size_t longest_fit(std::size_t begin, std::size_t end) const {
    std::string_view s = text_.text();
    auto advance = [&](std::size_t pos, std::size_t count) {
      while (count-- > 0 && pos < end) text::next_code_point(s, pos);
      return std::min(pos, end);
    };
    std::size_t fit = begin, step = 1;
    while (fit < end) {
      const std::size_t next = advance(fit, step);
      if (measure(begin, next) <= width_) {
        fit = next;
        step *= 2;
      } else if (step == 1) {
        break;
      } else {
        step /= 2;
      }
    }
    return fit > begin ? fit : advance(begin, 1);  // not even one character fits: take one anyway
  }

  Line make_line(std::size_t begin, std::size_t end) const {
    Line line;
    end = trimmed_end(begin, end);
    for (const auto& span : text_.spans()) {
      std::size_t b = std::max(begin, span.begin), e = std::min(end, span.end);
      if (b >= e) continue;
      Piece piece{text_.text().substr(b, e - b), span.bold, span.link, 0};
      piece.width = fonts_.width(span.bold ? style_.bold : style_.regular, piece.text, style_.size);
      line.width += piece.width;
      line.pieces.push_back(std::move(piece));
    }
    return line;
  }

  const StyledText& text_;
  const FontSet& fonts_;
  TextStyle style_;
  double width_;
};

}  // namespace

StyledText StyledText::from(const content::Sentence& sentence) {
  StyledText out;
  for (const auto& run : sentence.runs) out.add(run.text, run.bold, run.link);
  return out;
}

void StyledText::add(std::string_view text, bool bold, std::string link) {
  if (text.empty()) return;
  std::size_t begin = text_.size();
  text_ += text;
  if (!spans_.empty() && spans_.back().bold == bold && spans_.back().link == link &&
      spans_.back().end == begin) {
    spans_.back().end = text_.size();
  } else {
    spans_.push_back({begin, text_.size(), bold, std::move(link)});
  }
}

namespace {

// Line breaks inside a group that must stay on one line are dropped, unless the
// group is wider than a whole line.
void keep_groups_together(const std::vector<text::Range>& groups, const LineSetter& setter,
                          std::vector<std::size_t>& breaks) {
  for (const auto& g : groups) {
    if (setter.width_of(g.begin, g.end) > setter.width()) continue;
    std::erase_if(breaks, [&](std::size_t at) { return at > g.begin && at < g.end; });
  }
}

// A sentence should not end with one short word alone on its last line
// ("bus / company."): take one more word down with it, if that makes no new line.
std::vector<Line> without_lonely_last_word(std::vector<Line> lines, LineSetter& setter, std::string_view s,
                                           text::Range sentence, std::vector<std::size_t> breaks) {
  // The last place to break before the sentence's end: where its last word starts.
  auto last = std::find_if(breaks.rbegin(), breaks.rend(), [&](std::size_t at) { return at < sentence.end; });
  if (lines.size() < 2 || last == breaks.rend()) return lines;
  const std::size_t last_start = *last;
  const std::string_view last_word = s.substr(last_start, sentence.end - last_start);
  std::string last_line;
  for (const auto& piece : lines.back().pieces) last_line += piece.text;
  const bool alone = last_line == last_word && last_word.find(' ') == std::string_view::npos;
  if (!alone || lines.back().width > setter.width() / 3) return lines;
  breaks.erase(std::next(last).base());
  auto again = setter.set(sentence.begin, sentence.end, breaks);
  const bool fits = std::all_of(again.begin(), again.end(), [&](const Line& l) { return l.width <= setter.width(); });
  return again.size() == lines.size() && fits ? again : lines;
}

}  // namespace

std::vector<Line> set_lines(const StyledText& text, const text::Segmenter& segmenter,
                            const FontSet& fonts, const TextStyle& style, double width) {
  LineSetter setter(text, fonts, style, width);
  const std::string& s = text.text();
  std::vector<std::size_t> breaks = segmenter.line_breaks(s);
  keep_groups_together(text::unbreakable_ranges(s), setter, breaks);
  return without_lonely_last_word(setter.set(0, s.size(), breaks), setter, s, {0, s.size()}, breaks);
}

}  // namespace easyread::layout
