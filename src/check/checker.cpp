// The Checker: loads the word lists once, then checks plain text and the XML
// markup sentence by sentence.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <filesystem>
#include <variant>

#include "base/overloaded.hpp"
#include "check/check.hpp"
#include "check/lexicon_cache.hpp"
#include "check/rules.hpp"
#include "text/text.hpp"

namespace easyread::check {

using detail::FileContext;


namespace {

void load_lists(const std::string& data_home, const Settings& settings, detail::Lexicons& lex,
                Diagnostics& errors) {
  namespace fs = std::filesystem;
  const fs::path folder = fs::path(data_home) / "wordlists";
  std::error_code error;
  std::vector<fs::path> files;
  for (const auto& item : fs::directory_iterator(folder, error))
    if (item.path().extension() == ".txt") files.push_back(item.path());
  if (error || files.empty()) {
    errors.error(folder.string(), {}, "word-list",
                 "easyread could not find its word lists in \"" + folder.string() + "\".",
                 "Set EASYREAD_HOME to the folder that holds easyread.");
    return;
  }
  auto path = [&](const char* name) { return (folder / name).string(); };
  // The verbs first: the jargon lists use them for "undertook" and "withdrawn".
  detail::load_verb_file(path("irregular-verbs.txt"), lex.verbs, errors);
  std::sort(files.begin(), files.end());  // the same order every time
  for (const fs::path& file : files) {
    const std::string name = file.filename().string();
    if (name.starts_with("jargon-"))
      detail::load_phrase_file(file.string(), detail::ListKind::jargon, lex.phrases, errors, &lex.verbs);
    else if (name == "disability-language.txt")
      detail::load_phrase_file(file.string(), detail::ListKind::disability, lex.phrases, errors);
  }
  detail::load_word_file(path("familiar-words.txt"), lex.familiar, errors);
  detail::load_word_file(path("common-words.txt"), lex.common, errors);
  detail::load_frequency_file(path("word-frequency.txt"), settings.hard_word_frequency, lex.frequent, errors);
  auto load_fast = [&](const char* name, detail::FastWords& into) {
    detail::WordSet words;
    detail::load_word_file(path(name), words, errors, false);
    std::vector<std::string> sorted(words.begin(), words.end());
    std::sort(sorted.begin(), sorted.end());
    for (const std::string& word : sorted) into.add(word);
  };
  load_fast("passive-be.txt", lex.be);
  load_fast("passive-between.txt", lex.between);
  detail::load_word_file(path("passive-describing.txt"), lex.describing, errors, false);
  detail::load_pair_file(path("contractions.txt"), lex.contractions, errors);
  detail::load_word_file(path("exact-number-words.txt"), lex.exact_before, errors, false);
  detail::load_word_file(path("explaining-words.txt"), lex.explaining, errors, false);
  detail::load_word_file(path("group-name-words.txt"), lex.after_group, errors, false);
  detail::load_word_file(path("participle-helpers.txt"), lex.participle_helpers, errors, false);
  detail::load_word_file(path("used-to-things.txt"), lex.used_to_things, errors, false);
  detail::load_words_in_order(path("month-names.txt"), 12, "january, then february, and so on to december",
                              lex.month_names, errors);
  detail::load_words_in_order(path("day-names.txt"), 7, "sunday, then monday, and so on to saturday",
                              lex.day_names, errors);
  std::vector<std::pair<std::string, std::string>> pairs;
  detail::load_pair_file(path("number-words.txt"), pairs, errors);
  lex.number_keys.assign(10 * 26 * 26, false);
  for (const auto& [word, digits] : pairs) {
    const bool letters = std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!letters || word.size() < 3 || word.size() > 9) continue;  // the quick test needs small letters
    lex.number_words.emplace_back(word, std::atoi(digits.c_str()));
    lex.number_keys[(word.size() * 26 + static_cast<std::size_t>(word.front() - 'a')) * 26 +
                    static_cast<std::size_t>(word.back() - 'a')] = true;
  }
  pairs.clear();
  detail::load_pair_file(path("date-short-forms.txt"), pairs, errors);
  for (const auto& [short_form, full] : pairs)
    (full.ends_with("day") ? lex.short_days : lex.short_months).insert(short_form);
  // One word a line; ", which" (a comma first) counts only after a comma.
  if (std::ifstream in(path("joining-words.txt")); in) {
    for (std::string line; std::getline(in, line);) {
      const std::size_t start = line.find_first_not_of(", \t");
      if (start == std::string::npos || line[0] == '#') continue;
      const std::string word = text::fold_case(line.substr(start, line.find_last_not_of(" \t\r") + 1 - start));
      (line[0] == ',' ? lex.joining_after_comma : lex.joining).add(word);
    }
  } else {
    errors.error(path("joining-words.txt"), {}, "word-list", "easyread cannot open this word list.",
                 "Check that the file is there and that you may read it.");
  }
  for (const std::string& file : settings.word_files)
    detail::load_phrase_file(file, detail::ListKind::user, lex.phrases, errors, &lex.verbs);
}

// Line and column of byte offsets that mostly move forward: counts from the
// start of the current sentence, so no offset is counted twice over and no
// index of every line is needed (the printer has one already).
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  void move_to(std::size_t offset) { last_ = last_end_ = anchor_ = at(offset); }
  Span span(std::size_t begin, std::size_t end) const {
    // A sentence's findings often share its words (a long sentence with many ideas).
    if (begin != last_.offset || end != last_end_.offset) {
      last_ = at(begin);
      last_end_ = walk(last_, end);
    }
    return {last_.line, last_.column, last_end_.line, last_end_.column};
  }

 private:
  using Place = text::TextPlace;
  Place walk(Place from, std::size_t to) const { return text::walk_to(text_, from, to); }
  Place at(std::size_t offset) const {
    if (offset >= last_.offset) return walk(last_, offset);  // from the last finding
    if (offset >= anchor_.offset) return walk(anchor_, offset);
    return walk(Place{}, offset);  // before the sentence: does not happen, but stay right
  }
  std::string_view text_;
  Place anchor_;             // start of the current sentence
  mutable Place last_;       // start of the last finding (never before anchor_)
  mutable Place last_end_;   // end of the last finding
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

// A Markdown heading starts a new section: jargon is counted again from there.
bool markdown_heading(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\n')) ++pos;
  return pos < text.size() && text[pos] == '#';
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
  const detail::LexiconCache cache(data_home, impl_->settings);
  if (cache.load(impl_->lexicons)) return;
  Diagnostics problems;
  load_lists(data_home, impl_->settings, impl_->lexicons, problems);
  if (problems.items().empty()) cache.keep(impl_->lexicons);  // lists with problems are read again each time
  load_errors.append(problems);
}

Checker::~Checker() = default;
Checker::Checker(Checker&&) noexcept = default;
Checker& Checker::operator=(Checker&&) noexcept = default;

const Settings& Checker::settings() const { return impl_->settings; }

Stats Checker::check_text(std::string_view original, const std::string& file, const Sink& sink,
                          Format format) const {
  const std::string lang = impl_->settings.lang.empty() ? "en-GB" : impl_->settings.lang;
  FileContext ctx(impl_->lexicons, impl_->settings, file, sink, lang);
  std::string blanked;
  if (format == Format::markdown) blanked = blank_markdown(original);
  const std::string_view text = format == Format::markdown ? std::string_view(blanked) : original;
  Cursor cursor(original);
  ctx.locate = [&cursor](std::size_t b, std::size_t e) { return cursor.span(b, e); };
  const text::Segmenter segmenter(lang);
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = block_end(original, begin, format);
    if (format == Format::markdown && markdown_heading(original, begin)) ctx.end_section();
    const std::string_view block = text.substr(begin, end - begin);
    if (block.find_first_not_of(" \t\r\n") != std::string_view::npos) {
      for (const text::Range& r : segmenter.sentences(block)) {
        cursor.move_to(begin + r.begin);
        ctx.check_sentence(text, begin + r.begin, begin + r.end);
      }
    }
    begin = end;
  }
  ctx.end_section();
  return ctx.finish_stats();
}

Report Checker::check_text(std::string_view text, const std::string& file, Format format) const {
  Report report;
  report.stats = check_text(
      text, file, [&report](Diagnostic&& d) { report.diagnostics.add(std::move(d)); }, format);
  return report;
}

}  // namespace easyread::check
