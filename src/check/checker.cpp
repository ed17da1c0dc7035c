// The Checker: loads the word lists once, then checks plain text and the XML
// markup sentence by sentence.
#include <algorithm>
#include <cstring>
#include <filesystem>

#include "check/check.hpp"
#include "check/rules.hpp"
#include "text/text.hpp"

namespace easyread::check {

using detail::FileContext;

struct Checker::Impl {
  Settings settings;
  detail::Lexicons lexicons;
};

namespace {

void load_lists(const std::string& data_home, const Settings& settings, detail::Lexicons& lex,
                Diagnostics& errors) {
  namespace fs = std::filesystem;
  const fs::path folder = fs::path(data_home) / "wordlists";
  std::error_code error;
  std::vector<fs::path> files;
  for (const auto& item : fs::directory_iterator(folder, error))
    if (item.path().extension() == ".txt") files.push_back(item.path());
  if (error || files.empty())
    errors.error(folder.string(), {}, "word-list",
                 "easyread could not find its word lists in \"" + folder.string() + "\".",
                 "Set EASYREAD_HOME to the folder that holds easyread.");
  std::sort(files.begin(), files.end());  // the same order every time
  for (const fs::path& file : files) {
    const std::string name = file.filename().string();
    if (name.starts_with("jargon-"))
      detail::load_phrase_file(file.string(), detail::ListKind::jargon, lex.phrases, errors);
    else if (name == "disability-language.txt")
      detail::load_phrase_file(file.string(), detail::ListKind::disability, lex.phrases, errors);
    else if (name == "familiar-words.txt")
      detail::load_word_file(file.string(), lex.familiar, errors);
    else if (name == "common-words.txt")
      detail::load_word_file(file.string(), lex.common, errors);
  }
  for (const std::string& file : settings.word_files)
    detail::load_phrase_file(file, detail::ListKind::user, lex.phrases, errors);
}

// Line and column of byte offsets that mostly move forward: counts from the
// start of the current sentence, so no offset is counted twice over and no
// index of every line is needed (the printer has one already).
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  void move_to(std::size_t offset) { last_ = anchor_ = at(offset); }
  Span span(std::size_t begin, std::size_t end) const {
    const Place b = at(begin);
    const Place e = walk(b, end);
    last_ = b;
    return {b.line, b.column, e.line, e.column};
  }

 private:
  struct Place {
    std::size_t offset = 0;
    int line = 1, column = 1;
  };
  Place walk(Place from, std::size_t to) const {
    to = std::min(to, text_.size());
    const char* p = text_.data();
    std::size_t i = std::min(from.offset, to);
    // Whole lines first, with memchr; then count the characters on the last.
    for (const void* found; i < to && (found = std::memchr(p + i, '\n', to - i));) {
      i = static_cast<std::size_t>(static_cast<const char*>(found) - p) + 1;
      ++from.line;
      from.column = 1;
    }
    from.column += static_cast<int>(text::count_code_points(text_.substr(i, to - i)));
    from.offset = to;
    return from;
  }
  Place at(std::size_t offset) const {
    if (offset >= last_.offset) return walk(last_, offset);  // from the last finding
    if (offset >= anchor_.offset) return walk(anchor_, offset);
    return walk(Place{}, offset);  // before the sentence: does not happen, but stay right
  }
  std::string_view text_;
  Place anchor_;         // start of the current sentence
  mutable Place last_;   // start of the last finding (never before anchor_)
};

bool blank_from(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r')) ++pos;
  return pos >= text.size() || text[pos] == '\n';
}

// A Markdown line that stands on its own: a heading, list item, quote or table row.
bool markdown_item(std::string_view text, std::size_t pos) {
  for (int i = 0; i < 3 && pos < text.size() && text[pos] == ' '; ++i) ++pos;
  if (pos >= text.size()) return false;
  const char c = text[pos];
  if (c == '#' || c == '>' || c == '|') return true;
  if ((c == '-' || c == '*' || c == '+') && pos + 1 < text.size() && text[pos + 1] == ' ') return true;
  std::size_t digits = pos;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  return digits > pos && digits + 1 < text.size() && (text[digits] == '.' || text[digits] == ')') &&
         text[digits + 1] == ' ';
}

// Splits text into blocks that no sentence crosses (at most about 64 KB each,
// cut after a full stop at a line end), so no copy or list gets big.
std::size_t block_end(std::string_view text, std::size_t begin, Format format) {
  constexpr std::size_t kMaxBlock = 64 * 1024, kMinBlock = 16 * 1024;
  bool item = format == Format::markdown && markdown_item(text, begin);
  // A Markdown table row: each cell is a block of its own.
  if (item) {
    std::size_t first = begin;
    while (first < text.size() && (text[first] == ' ' || text[first] == '\n')) ++first;
    if (first < text.size() && text[first] == '|') {
      const std::size_t stop = text.find_first_of("|\n", first + 1);
      return stop == std::string_view::npos ? text.size() : stop + (text[stop] == '|' ? 0 : 1);
    }
  }
  std::size_t pos = begin;
  while (pos < text.size()) {
    const std::size_t newline = text.find('\n', pos);
    if (newline == std::string_view::npos) return text.size();
    const std::size_t next = newline + 1;
    if (format == Format::lines) return next;
    // ICU ends sentences at blank lines itself, so plain text goes in pieces
    // of at least 16 KB: fewer calls, same sentences.
    if (blank_from(text, next) && (format != Format::plain || next - begin >= kMinBlock)) return next;
    if (format == Format::markdown) {
      const bool next_item = markdown_item(text, next);
      if (item || next_item) return next;
    }
    if (newline - begin > kMaxBlock && newline > 0 &&
        (text[newline - 1] == '.' || text[newline - 1] == '!' || text[newline - 1] == '?'))
      return next;
    pos = next;
  }
  return text.size();
}

}  // namespace

Checker::Checker(const std::string& data_home, Settings settings, Diagnostics& load_errors)
    : impl_(std::make_unique<Impl>()) {
  impl_->settings = std::move(settings);
  load_lists(data_home, impl_->settings, impl_->lexicons, load_errors);
}

Checker::~Checker() = default;
Checker::Checker(Checker&&) noexcept = default;
Checker& Checker::operator=(Checker&&) noexcept = default;

const Settings& Checker::settings() const { return impl_->settings; }

Stats Checker::check_text(std::string_view original, const std::string& file, const Sink& sink,
                          Format format) const {
  FileContext ctx(impl_->lexicons, impl_->settings, file, sink, "en-GB");
  std::string blanked;
  if (format == Format::markdown) blanked = blank_markdown(original);
  const std::string_view text = format == Format::markdown ? std::string_view(blanked) : original;
  Cursor cursor(original);
  ctx.locate = [&cursor](std::size_t b, std::size_t e) { return cursor.span(b, e); };
  const text::Segmenter segmenter("en-GB");
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = block_end(original, begin, format);
    const std::string_view block = text.substr(begin, end - begin);
    if (block.find_first_not_of(" \t\r\n") != std::string_view::npos) {
      for (const text::Range& r : segmenter.sentences(block)) {
        cursor.move_to(begin + r.begin);
        ctx.check_sentence(text, begin + r.begin, begin + r.end);
      }
    }
    begin = end;
  }
  return ctx.finish_stats();
}

Report Checker::check_text(std::string_view text, const std::string& file, Format format) const {
  Report report;
  report.stats = check_text(
      text, file, [&report](Diagnostic&& d) { report.diagnostics.add(std::move(d)); }, format);
  return report;
}

Report Checker::check_document(const markup::Document& doc) const {
  Report report;
  const Sink sink = [&report](Diagnostic&& d) { report.diagnostics.add(std::move(d)); };
  FileContext ctx(impl_->lexicons, impl_->settings, doc.path, sink, doc.lang);
  ctx.is_markup = true;
  detail::PhraseList own_words;
  for (const markup::Word& word : doc.words) own_words.add(word.term, "explained", detail::ListKind::user);
  std::vector<bool> used(doc.words.size(), false);
  ctx.document_words = &own_words;
  ctx.used_words = &used;
  const text::Segmenter segmenter(doc.lang);
  // One index of line starts for the whole file: counting lines from the
  // start for each finding made 100,000 points take minutes.
  const text::LineIndex lines(doc.source);

  // Checks a paragraph; returns its number of sentences.
  auto check_paragraph = [&](const markup::Paragraph& paragraph) -> int {
    std::string plain;
    std::vector<std::size_t> starts;  // where each run starts in `plain`
    for (const markup::Run& run : paragraph.runs) {
      starts.push_back(plain.size());
      plain += run.text;
    }
    if (plain.find_first_not_of(" \t\r\n") == std::string::npos) return 0;
    auto run_at = [&](std::size_t offset) {
      const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
      return static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, it - starts.begin() - 1));
    };
    ctx.locate = [&](std::size_t b, std::size_t e) {
      const std::size_t first = run_at(b), last = run_at(e > b ? e - 1 : b);
      if (first == last) return markup::locate(doc, lines, paragraph.runs[first], b - starts[first], e - starts[first]);
      const Span s =
          markup::locate(doc, lines, paragraph.runs[first], b - starts[first], paragraph.runs[first].text.size());
      const Span t = markup::locate(doc, lines, paragraph.runs[last], 0, e - starts[last]);
      return Span{s.line, s.column, t.end_line, t.end_column};
    };
    const std::vector<text::Range> sentences = segmenter.sentences(plain);
    for (const text::Range& r : sentences) ctx.check_sentence(plain, r.begin, r.end);
    return static_cast<int>(sentences.size());
  };
  auto picture_rules = [&](int sentences, const markup::PictureRef& picture, const Span& where, bool is_point) {
    if (sentences > impl_->settings.sentences_per_picture)
      ctx.report(detail::picture_sentences, where,
                 "There are " + std::to_string(sentences) + " sentences beside this picture. Try to keep it to " +
                     std::to_string(impl_->settings.sentences_per_picture) + " or fewer.",
                 "Split it into 2 points, each with its own picture.");
    if (is_point && picture.value.empty())
      ctx.report(detail::no_picture, where, "This point has no picture. easyread will choose one for you.",
                 "To choose your own, add picture=\"...\" to the point.");
  };

  if (doc.cover) check_paragraph(doc.cover->text);
  for (const markup::Section& section : doc.sections) {
    for (const markup::Block& block : section.blocks) {
      if (const auto* point = std::get_if<markup::Point>(&block)) {
        ctx.ignore = point->ignore;
        const int sentences = check_paragraph(point->text);
        for (const markup::Paragraph& item : point->list) check_paragraph(item);
        picture_rules(sentences, point->picture, point->span, true);
        ctx.ignore.clear();
      } else if (const auto* action = std::get_if<markup::Action>(&block)) {
        picture_rules(check_paragraph(action->text), action->picture, action->span, false);
      } else if (const auto* meeting = std::get_if<markup::Meeting>(&block)) {
        picture_rules(check_paragraph(meeting->text), meeting->picture, meeting->span, false);
      }
    }
  }
  // The word list's own explanations are checked too, but do not count as use.
  ctx.count_word_use = false;
  for (const markup::Word& word : doc.words) check_paragraph(word.explanation);
  for (std::size_t i = 0; i < doc.words.size(); ++i)
    if (!used[i])
      ctx.report(detail::unused_word, doc.words[i].span,
                 "The word list explains \"" + doc.words[i].term + "\", but the text never uses it.",
                 "Use it in the text, or take it out of the word list.");
  report.stats = ctx.finish_stats();
  return report;
}

}  // namespace easyread::check
