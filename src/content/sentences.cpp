// Running text as written becomes sentences of styled runs: white space
// folded, web addresses made links, hard words linked to the word list.
#include <algorithm>

#include "content/internal.hpp"

namespace easyread::content::detail {
namespace {

// The markup reader's limit for a link's address (browsers stop near 2,000).
constexpr std::size_t kLongestAddress = 2000;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// A byte range of the folded text in one style.
struct Piece {
  std::size_t begin = 0, end = 0;
  bool bold = false;
  std::string link;
  int word = -1;
};

// Where a byte of the folded text came from: a run of the paragraph and a
// byte of its text as written. A folded space points at the letter after it.
struct Origin {
  std::size_t run = 0, offset = 0;
};

// A paragraph's text with white space folded, and its styles by byte range.
class FoldedText {
 public:
  void add(const markup::Run& run, std::size_t run_index, int word) {
    bool bold = run.style == markup::Run::Style::bold || run.style == markup::Run::Style::hard;
    std::string link = run.style == markup::Run::Style::link ? run.href : std::string();
    std::size_t begin = text_.size();
    for (std::size_t i = 0; i < run.text.size(); ++i) {
      char c = run.text[i];
      if (is_space(c)) {
        pending_space_ = true;
        continue;
      }
      // A space between two runs goes to the later one, so a bold word keeps
      // the space before it (this is what the PDF has always drawn).
      if (pending_space_ && !text_.empty()) append(' ', {run_index, i});
      pending_space_ = false;
      append(c, {run_index, i});
    }
    if (text_.size() == begin) return;
    if (!pieces_.empty() && pieces_.back().end == begin && pieces_.back().bold == bold &&
        pieces_.back().link == link && pieces_.back().word == word) {
      pieces_.back().end = text_.size();
    } else {
      pieces_.push_back({begin, text_.size(), bold, std::move(link), word});
    }
  }

  // Web addresses written in plain text become links, so a reader can follow them.
  void find_web_addresses() {
    std::vector<Piece> out;
    for (const auto& piece : pieces_) {
      if (!piece.link.empty()) {
        out.push_back(piece);
        continue;
      }
      std::size_t pos = piece.begin;
      while (pos < piece.end) {
        std::size_t found = std::string::npos;
        for (const char* start : {"https://", "http://", "www."}) {
          std::size_t f = text_.find(start, pos);
          if (f < piece.end && (f == piece.begin || is_space(text_[f - 1])) && f < found) found = f;
        }
        if (found == std::string::npos) break;
        std::size_t end = found;
        while (end < piece.end && !is_space(text_[end])) ++end;
        while (end > found && std::string_view(".,;:!?)").find(text_[end - 1]) != std::string_view::npos)
          --end;
        // A "web address" of thousands of letters is no real page: keep it
        // as words only, as each line of a link holds the whole address.
        if (end - found > kLongestAddress) {
          out.push_back({pos, end, piece.bold, {}, piece.word});
          pos = end;
          continue;
        }
        if (found > pos) out.push_back({pos, found, piece.bold, {}, piece.word});
        std::string address = text_.substr(found, end - found);
        if (address.starts_with("www.")) address = "https://" + address;
        out.push_back({found, end, piece.bold, address, piece.word});
        pos = end;
      }
      if (pos < piece.end) out.push_back({pos, piece.end, piece.bold, {}, piece.word});
    }
    pieces_ = std::move(out);
  }

  const std::string& text() const { return text_; }
  const std::vector<Piece>& pieces() const { return pieces_; }
  const Origin& origin(std::size_t byte) const { return origins_.at(byte); }

 private:
  void append(char c, Origin origin) {
    text_.push_back(c);
    origins_.push_back(origin);
  }

  std::string text_;
  std::vector<Piece> pieces_;
  std::vector<Origin> origins_;
  bool pending_space_ = false;
};

}  // namespace

SentenceMaker::SentenceMaker(const markup::Document& notes, const std::string& lang)
    : notes_(notes), segmenter_(lang), lines_(notes.source), words_(notes.words) {}

Sentences SentenceMaker::sentences(const markup::Paragraph& paragraph) const {
  FoldedText folded;
  for (std::size_t i = 0; i < paragraph.runs.size(); ++i) {
    const markup::Run& run = paragraph.runs[i];
    folded.add(run, i, run.style == markup::Run::Style::hard ? words_.find(run.text) : -1);
  }
  folded.find_web_addresses();
  Sentences out;
  const std::string& text = folded.text();
  for (text::Range range : segmenter_.sentences(text)) {
    if (range.begin >= range.end) continue;
    Sentence sentence;
    for (const Piece& piece : folded.pieces()) {
      std::size_t b = std::max(range.begin, piece.begin), e = std::min(range.end, piece.end);
      if (b < e) sentence.runs.push_back({text.substr(b, e - b), piece.bold, piece.link, piece.word});
    }
    const Origin& first = folded.origin(range.begin);
    const Origin& last = folded.origin(range.end - 1);
    Span start = markup::locate(notes_, lines_, paragraph.runs[first.run], first.offset, first.offset);
    Span end = markup::locate(notes_, lines_, paragraph.runs[last.run], last.offset + 1, last.offset + 1);
    sentence.span = {start.line, start.column, end.line, end.column};
    out.sentences.push_back(std::move(sentence));
  }
  return out;
}

}  // namespace easyread::content::detail
