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
    } else {  // back to the last checkpoint before it
      const auto index = static_cast<std::size_t>((number - 1) / kCheckpointEvery);
      at_line_ = static_cast<int>(index) * kCheckpointEvery + 1;
      at_start_ = checkpoints_[index];
      recent_low_ = at_line_;
      recent_[static_cast<std::size_t>(at_line_ % kRecent)] = at_start_;
    }
  }
  const char* data = source_.data();
  while (at_line_ < number) {
    const void* end = at_start_ < source_.size() ? std::memchr(data + at_start_, '\n', source_.size() - at_start_) : nullptr;
    if (end == nullptr) return {};
    at_start_ = static_cast<std::size_t>(static_cast<const char*>(end) - data) + 1;
    ++at_line_;
    recent_[static_cast<std::size_t>(at_line_ % kRecent)] = at_start_;
    if (at_line_ - recent_low_ >= kRecent) recent_low_ = at_line_ - kRecent + 1;
    const auto index = static_cast<std::size_t>((at_line_ - 1) / kCheckpointEvery);
    if ((at_line_ - 1) % kCheckpointEvery == 0 && index == checkpoints_.size()) checkpoints_.push_back(at_start_);
  }
  std::string_view rest = source_.substr(at_start_);
  rest = rest.substr(0, rest.find('\n'));
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

void TextPrinter::print(const Diagnostic& d, std::string_view source, bool paragraphs) {
  if (indexed_ != source.data() || !lines_) {
    lines_.emplace(source);
    indexed_ = source.data();
  }
  // Added to one string and written in big pieces: big files have many findings.
  std::string& o = buffer_;
  // letter.txt:12:5: warning: message [rule]
  using namespace std::string_view_literals;  // appends that need no strlen: big files print a lot
  const std::string line_number = d.span.line > 0 ? std::to_string(d.span.line) : std::string();
  {
    // Written into room made once: an append for each piece cost more than the copying.
    const std::size_t start = o.size();
    o.resize(start + d.file.size() + d.message.size() + d.rule.size() + 128);  // the rest is under 90 bytes
    char* w = o.data() + start;
    auto put = [&w](std::string_view piece) { w = std::copy(piece.begin(), piece.end(), w); };
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
    o.resize(static_cast<std::size_t>(w - o.data()));
  }

  if (d.span.line > 0 && d.span.column > 0) {
    const std::string_view whole = lines_->line(d.span.line);
    int first = d.span.column;
    // Long lines: show a window around the words.
    int skipped = 0;
    if (first > kShownWidth / 2) skipped = first - 11;
    const std::size_t start = lines_->offset(d.span.line, skipped + 1);
    std::string_view line = whole.substr(start);
    const std::size_t cut = column_offset(line, kShownWidth + 1);
    const bool more = cut < line.size();
    line = line.substr(0, cut);
    first -= skipped;
    int last = d.span.end_line == d.span.line && d.span.end_column > d.span.column
                   ? d.span.end_column - skipped
                   : static_cast<int>(text::count_code_points(line)) + 1;
    last = std::min(last, kShownWidth + 1);
    ((o += "  "sv) += line_number) += " | "sv;
    if (skipped) o += "..."sv;
    const std::size_t shown_at = o.size();
    if (!may_need_escape(line) || escape_controls(line).size() == line.size()) {
      o += line;
    } else {
      const std::string escaped = escape_controls(line);  // control characters shown as \u202E: the marks move right by what each escape adds
      o += escaped;
      const int first_column = first, last_column = last;
      int column = 1;
      for (std::size_t pos = 0; pos < line.size(); ++column) {
        const std::size_t from = pos;
        text::next_code_point(line, pos);
        const std::string_view piece = line.substr(from, pos - from);
        const std::string shown = escape_controls(piece);
        if (shown == piece) continue;
        const int added = static_cast<int>(shown.size()) - 1;
        if (column < first_column) first += added;
        if (column < last_column) last += added;
      }
    }
    if (line.find('\t') != std::string_view::npos)
      std::replace(o.begin() + static_cast<std::ptrdiff_t>(shown_at), o.end(), '\t', ' ');
    if (more) o += "..."sv;
    o += "\n  "sv;
    o.append(line_number.size(), ' ');
    o += " | "sv;
    if (skipped) o += "   "sv;
    o.append(static_cast<std::size_t>(first - 1), ' ');
    if (color_) o += "\x1b[1;32m"sv;
    o += '^';
    o.append(static_cast<std::size_t>(std::max(0, last - first - 1)), '~');
    if (color_) o += kReset;
    o += '\n';
  }
  if (!d.suggestion.empty()) ((o += "  What to do: "sv) += d.suggestion) += '\n';
  if (o.size() >= (1u << 18)) flush();
}

void TextPrinter::flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
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
