// Text, JSON and SARIF output for `easyread check`.
#include "report/report.hpp"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <sstream>

#include "base/files.hpp"

#ifndef EASYREAD_VERSION
#define EASYREAD_VERSION "unknown"  // the unit tests build this file without the program
#endif

namespace easyread::report {
namespace {

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";

const char* severity_color(Severity s) {
  switch (s) {
    case Severity::error: return "\x1b[1;31m";
    case Severity::warning: return "\x1b[1;35m";
    case Severity::note: return "\x1b[1;36m";
  }
  return "";
}


std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// At most this many characters of a line are shown around a finding.
constexpr int kShownWidth = 100;

}  // namespace

std::string number(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

void Counts::add(Severity s) {
  if (s == Severity::error) ++errors;
  else if (s == Severity::warning) ++warnings;
  else ++notes;
}

std::size_t column_offset(std::string_view line, int column) {
  return column > 1 ? text::skip_code_points(line, 0, static_cast<std::size_t>(column - 1)) : 0;
}

std::string_view SourceLines::line(int number) {
  if (number < 1) return {};
  if (number < at_line_) {
    if (number >= recent_low_) {  // a line walked lately
      at_line_ = number;
      at_start_ = recent_[static_cast<std::size_t>(number % kRecent)];
      at_end_ = std::string_view::npos;
    } else {  // back to the last checkpoint before it
      const auto index = static_cast<std::size_t>((number - 1) / kCheckpointEvery);
      at_line_ = static_cast<int>(index) * kCheckpointEvery + 1;
      at_start_ = checkpoints_[index];
      at_end_ = std::string_view::npos;
      recent_low_ = at_line_;
      recent_[static_cast<std::size_t>(at_line_ % kRecent)] = at_start_;
    }
  }
  const char* data = source_.data();
  while (at_line_ < number) {
    if (at_end_ == std::string_view::npos) {
      const void* end = at_start_ < source_.size() ? std::memchr(data + at_start_, '\n', source_.size() - at_start_) : nullptr;
      at_end_ = end ? static_cast<std::size_t>(static_cast<const char*>(end) - data) : source_.size();
    }
    if (at_end_ >= source_.size()) return {};
    at_start_ = at_end_ + 1;
    at_end_ = std::string_view::npos;
    ++at_line_;
    recent_[static_cast<std::size_t>(at_line_ % kRecent)] = at_start_;
    if (at_line_ - recent_low_ >= kRecent) recent_low_ = at_line_ - kRecent + 1;
    const auto index = static_cast<std::size_t>((at_line_ - 1) / kCheckpointEvery);
    if ((at_line_ - 1) % kCheckpointEvery == 0 && index == checkpoints_.size()) checkpoints_.push_back(at_start_);
  }
  if (at_end_ == std::string_view::npos) {  // found once for the findings on a line
    const void* end = at_start_ < source_.size() ? std::memchr(data + at_start_, '\n', source_.size() - at_start_) : nullptr;
    at_end_ = end ? static_cast<std::size_t>(static_cast<const char*>(end) - data) : source_.size();
  }
  std::string_view rest = source_.substr(at_start_, at_end_ - std::min(at_start_, at_end_));
  while (!rest.empty() && (rest.back() == '\r' || rest.back() == '\n')) rest.remove_suffix(1);
  return rest;
}

std::size_t SourceLines::offset(int number, int column) {
  const std::string_view t = line(number);
  if (number != cached_line_ || column < cached_column_) {
    cached_line_ = number;
    cached_column_ = 1;
    cached_offset_ = 0;
  }
  if (cached_column_ < column && cached_offset_ < t.size()) {
    const auto wanted = static_cast<std::size_t>(column - cached_column_);
    const std::size_t to = text::skip_code_points(t, cached_offset_, wanted);
    const std::size_t skipped =
        to < t.size() ? wanted : text::count_code_points(t.substr(cached_offset_, to - cached_offset_));
    cached_column_ += static_cast<int>(skipped);
    cached_offset_ = to;
  }
  return cached_offset_;
}

std::string SourceLines::text(const Span& span) {
  std::string out;
  text_into(out, span);
  return out;
}

void SourceLines::text_into(std::string& out, const Span& span) {
  out.clear();
  if (span.line < 1) return;
  const int last = std::max(span.line, span.end_line);
  for (int number = span.line; number <= last; ++number) {
    const std::string_view t = line(number);
    // The start walks on from the last finding; the end from the start.
    const std::size_t from = number == span.line ? offset(number, span.column) : 0;
    std::size_t to = t.size();
    if (number == span.end_line && span.end_column > 0)
      to = number == span.line ? from + column_offset(t.substr(from), span.end_column - span.column + 1)
                               : column_offset(t, span.end_column);
    const std::string_view piece = to > from ? t.substr(from, to - from) : std::string_view();
    // White space folded on the way (the lines joined by spaces): one copy, not two.
    if (last > span.line || piece.find('\t') != std::string_view::npos) text::append_folded_white_space(out, piece);
    else out += piece;
  }
}

TextPrinter::TextPrinter(std::ostream& out, bool color, int sentence_words)
    : out_(out), color_(color), sentence_words_(sentence_words) {}

char* TextPrinter::room(std::size_t size) {
  if (buffer_.size() - used_ < size) buffer_.resize(std::max(used_ + size, 2 * buffer_.size()));
  return buffer_.data() + used_;
}

void TextPrinter::print(const Diagnostic& d, std::string_view source, bool paragraphs) {
  if (indexed_ != source.data() || !lines_) {
    lines_.emplace(source);
    indexed_ = source.data();
  }
  using namespace std::string_view_literals;
  char number_text[16];
  const std::string_view line_number(
      number_text, d.span.line > 0 ? static_cast<std::size_t>(std::to_chars(number_text, number_text + 16, d.span.line).ptr - number_text) : 0);

  // The line the words are on, worked out first, so that the room for the whole finding is known.
  const bool quote = d.span.line > 0 && d.span.column > 0;
  std::string_view line, shown;  // the part of the line shown, and the same escaped
  std::string escaped;
  int first = 0, last = 0, skipped = 0;
  bool more = false;
  if (quote) {
    const std::string_view whole = lines_->line(d.span.line);
    first = d.span.column;
    // Long lines: show a window around the words.
    if (first > kShownWidth / 2) skipped = first - 11;
    const std::size_t start = lines_->offset(d.span.line, skipped + 1);
    line = whole.substr(start);
    // A line of at most kShownWidth bytes has at most that many characters.
    const std::size_t cut = line.size() <= static_cast<std::size_t>(kShownWidth) ? line.size() : column_offset(line, kShownWidth + 1);
    more = cut < line.size();
    line = line.substr(0, cut);
    first -= skipped;
    last = d.span.end_line == d.span.line && d.span.end_column > d.span.column
               ? d.span.end_column - skipped
               : static_cast<int>(text::count_code_points(line)) + 1;
    last = std::min(last, kShownWidth + 1);
    shown = line;
    if (may_need_escape(line) && (escaped = escape_controls(line)).size() != line.size()) {
      shown = escaped;  // control characters shown as \u202E: the marks move right by what each escape adds
      const int first_column = first, last_column = last;
      int column = 1;
      for (std::size_t pos = 0; pos < line.size(); ++column) {
        const std::size_t from = pos;
        text::next_code_point(line, pos);
        const std::string_view piece = line.substr(from, pos - from);
        const std::string shown_piece = escape_controls(piece);
        if (shown_piece == piece) continue;
        const int added = static_cast<int>(shown_piece.size()) - 1;
        if (column < first_column) first += added;
        if (column < last_column) last += added;
      }
    }
  }
  const std::size_t spaces = quote ? static_cast<std::size_t>(first - 1) : 0,
                    tildes = quote ? static_cast<std::size_t>(std::max(0, last - first - 1)) : 0;
  // Written straight into room made once: big files have many findings, and
  // an append for each piece cost more than the copying.
  char* const begin = room(d.file.size() + d.message.size() + d.rule.size() + 128 +  // the rest is under 90 bytes
                           (quote ? 2 * line_number.size() + shown.size() + spaces + tildes + 64 : 0) +
                           d.suggestion.size() + 16);
  char* w = begin;
  auto put = [&w](std::string_view piece) { w = std::copy(piece.begin(), piece.end(), w); };
  // letter.txt:12:5: warning: message [rule]
  if (color_) put(kBold);
  put(d.file);
  if (d.span.line > 0) {
    put(paragraphs ? ": paragraph "sv : ":"sv);
    put(line_number);
    if (!paragraphs && d.span.column > 0) {
      *w++ = ':';
      w = std::to_chars(w, w + 12, d.span.column).ptr;
    }
  }
  put(": "sv);
  if (color_) put(severity_color(d.severity));
  put(severity_name(d.severity));
  *w++ = ':';
  if (color_) {
    put(kReset);
    put(kBold);
  }
  *w++ = ' ';
  put(d.message);
  if (color_) put(kReset);
  put(" ["sv);
  put(d.rule);
  put("]\n"sv);

  if (quote) {
    put("  "sv);
    put(line_number);
    put(" | "sv);
    if (skipped) put("..."sv);
    char* const shown_at = w;
    put(shown);
    if (line.find('\t') != std::string_view::npos) std::replace(shown_at, w, '\t', ' ');
    if (more) put("..."sv);
    put("\n  "sv);
    w = std::fill_n(w, line_number.size(), ' ');
    put(" | "sv);
    if (skipped) put("   "sv);
    w = std::fill_n(w, spaces, ' ');
    if (color_) put("\x1b[1;32m"sv);
    *w++ = '^';
    w = std::fill_n(w, tildes, '~');
    if (color_) put(kReset);
    *w++ = '\n';
  }
  if (!d.suggestion.empty()) {
    put("  What to do: "sv);
    put(d.suggestion);
    *w++ = '\n';
  }
  used_ += static_cast<std::size_t>(w - begin);
  if (used_ >= (1u << 18)) flush();
}

void TextPrinter::flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(used_));
  used_ = 0;
}

void TextPrinter::summary(const FileResult& file, const Counts& counts) {
  flush();
  const check::Stats& s = file.stats;
  if (color_) out_ << kBold;
  out_ << "Summary for " << escape_controls(file.path) << ":";
  if (color_) out_ << kReset;
  out_ << "\n  " << plural(counts.errors, "error", "errors") << ", " << plural(counts.warnings, "warning", "warnings")
       << ", " << plural(counts.notes, "note", "notes") << ".\n";
  if (s.sentences > 0) {
    const int short_ones = static_cast<int>(s.short_sentence_share * s.sentences + 0.5);
    out_ << "  " << plural(s.sentences, "sentence", "sentences") << " and " << plural(s.words, "word", "words")
         << ". On average " << number(s.average_sentence_words, 1) << " words a sentence.\n"
         << "  " << short_ones << " of " << s.sentences << " sentences (" << number(100 * s.short_sentence_share, 0)
         << "%) have " << sentence_words_ << " words or fewer.\n"
         << "  Reading ease: " << number(s.flesch_reading_ease, 0)
         << " (Flesch, 0 to 100: higher is easier). School grade: " << number(s.flesch_kincaid_grade, 1)
         << " (Flesch-Kincaid).\n";
  }
}

}  // namespace easyread::report
