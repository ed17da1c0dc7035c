// JSON and SARIF output for `easyread check`.
#include "report/report.hpp"

#include <unistd.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <new>
#include <sstream>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/files.hpp"

#ifndef EASYREAD_VERSION
#define EASYREAD_VERSION "unknown"  // the unit tests build this file without the program
#endif

namespace easyread::report {

std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

namespace {

// The code point of a 2- or 3-byte letter at `at` (`length` bytes), or 0 when
// its bytes are not a whole UTF-8 letter (escape_controls leaves those as they are).
char32_t letter_at(std::string_view s, std::size_t at, std::size_t length) {
  if (at + length > s.size()) return 0;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[at + k]); };
  if ((byte(1) & 0xC0) != 0x80) return 0;
  if (length == 2) return char32_t(byte(0) & 0x1F) << 6 | char32_t(byte(1) & 0x3F);
  if ((byte(2) & 0xC0) != 0x80) return 0;
  return char32_t(byte(0) & 0x0F) << 12 | char32_t(byte(1) & 0x3F) << 6 | char32_t(byte(2) & 0x3F);
}

// What escape_controls escapes among the letters that start with 0xC2,
// 0xD8 or 0xE2 (its own test is private to it): C1 controls, U+061C and the
// marks that turn text round.
bool control_letter(char32_t c) {
  return (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

void append_unicode_escape(std::string& out, char32_t c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
  out += buffer;
}

// The high bit of each of 8 bytes that needs a look: a control byte, '"',
// '\\', DEL or a byte above it (the first bytes of C1 controls and of the
// right-to-left marks are among them). The first byte marked really needs
// it; one after it may be marked without need (a borrow or carry).
std::uint64_t bytes_to_look_at(const char* at) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  std::uint64_t eight;
  std::memcpy(&eight, at, 8);
  const std::uint64_t quote = eight ^ (ones * '"'), backslash = eight ^ (ones * '\\');
  const std::uint64_t below_space = (eight - ones * 0x20) & ~eight;
  const std::uint64_t is_quote = (quote - ones) & ~quote, is_backslash = (backslash - ones) & ~backslash;
  const std::uint64_t del_or_above = (eight + ones) | eight;
  return (below_space | is_quote | is_backslash | del_or_above) & highs;
}

#if defined(__SSE2__)
// The same for 16 bytes, exactly: bit k is set when byte k needs a look.
int bytes_to_look_at_16(const char* at) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  // Signed bytes: those above 0x7F are below zero, so below 0x20 too.
  const __m128i control_or_above = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
  const __m128i quote_or_backslash = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
  return _mm_movemask_epi8(_mm_or_si128(control_or_above, quote_or_backslash));
}
#endif

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    // Sixteen or eight bytes at a time while all are plain (texts are
    // long), then straight to the first byte that needs a look.
#if defined(__SSE2__)
    while (i + 16 <= n) {
      const int marked = bytes_to_look_at_16(s.data() + i);
      if (marked == 0) {
        i += 16;
        continue;
      }
      i += static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(marked)));
      break;
    }
#endif
    while (i + 8 <= n) {
      const std::uint64_t marked = bytes_to_look_at(s.data() + i);
      if (marked == 0) {
        i += 8;
        continue;
      }
      if constexpr (std::endian::native == std::endian::little) i += static_cast<std::size_t>(std::countr_zero(marked)) / 8;
      break;
    }
    if (i >= n) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x7F) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      // Written as \u escapes: the JSON means the same, and a terminal that
      // shows it is not turned round by a right-to-left override.
      const std::size_t length = c == 0xE2 ? 3 : 2;
      const char32_t letter = c == 0xC2 || c == 0xD8 || c == 0xE2 ? letter_at(s, i, length) : 0;
      if (!control_letter(letter)) {  // a letter as it is: on past its other bytes
        for (++i; i < n && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;) ++i;
        continue;
      }
      out.append(s, run, i - run);
      append_unicode_escape(out, letter);
      i += length;
      run = i;
      continue;
    }
    out.append(s, run, i - run);
    run = ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: append_unicode_escape(out, c);  // other controls and DEL
    }
  }
  out.append(s, run, n - run);
  out += '"';
}

std::string json_file_start(const FileResult& file) {
  return "{\"path\":" + json_string(file.path) + ",\"read\":" + (file.read ? "true" : "false") + ",\"diagnostics\":[";
}

namespace {

// The strings of one finding, each already written as a JSON string.
struct JsonFields {
  std::string_view rule, severity, text, message, suggestion;
};

void append_json_fields(std::string& o, const Span& span, const JsonFields& f) {
  // Written straight into room made once: a big file has many findings,
  // and each append has a cost.
  using namespace std::string_view_literals;
  const std::size_t start = o.size();
  o.resize(start + f.rule.size() + f.severity.size() + f.text.size() + f.message.size() + f.suggestion.size() + 160);
  char* const begin = o.data() + start;
  char* w = begin;
  auto put = [&w](std::string_view s) { w = std::copy(s.begin(), s.end(), w); };
  auto number = [&w](int value) { w = std::to_chars(w, w + 12, value).ptr; };
  put("\n {\"rule\":"sv);
  put(f.rule);
  put(",\"severity\":"sv);
  put(f.severity);
  put(",\"line\":"sv);
  number(span.line);
  put(",\"column\":"sv);
  number(span.column);
  put(",\"end_line\":"sv);
  number(span.end_line);
  put(",\"end_column\":"sv);
  number(span.end_column);
  put(",\"text\":"sv);
  put(f.text);
  put(",\"message\":"sv);
  put(f.message);
  put(",\"suggestion\":"sv);
  put(f.suggestion);
  *w++ = '}';
  o.resize(start + static_cast<std::size_t>(w - begin));
}

}  // namespace

void append_json_diagnostic(std::string& o, const Diagnostic& d, SourceLines& lines) {
  const std::string rule = json_string(d.rule), severity = json_string(severity_name(d.severity)),
                    text = json_string(lines.text(d.span)), message = json_string(d.message),
                    suggestion = json_string(d.suggestion);
  append_json_fields(o, d.span, {rule, severity, text, message, suggestion});
}

const std::string& JsonFindings::quoted(std::string_view s, std::size_t first_slot, std::size_t slots) {
  // A slot for each (length, first, middle and last letter): the same
  // message or suggestion comes back to the same slot.
  std::size_t key = s.size();
  if (!s.empty())
    key = key * 31 + static_cast<unsigned char>(s.front()) * 7 + static_cast<unsigned char>(s[s.size() / 2]) * 131 +
          static_cast<unsigned char>(s.back());
  Quoted& slot = quoted_[first_slot + key % slots];
  if (!slot.json.empty() && slot.text == s) return slot.json;
  slot.text.assign(s);
  slot.json.clear();
  append_json_string(slot.json, s);
  return slot.json;
}

void JsonFindings::append(std::string& o, const Diagnostic& d) {
  const bool same_words = d.span.line == last_span_.line && d.span.column == last_span_.column &&
                          d.span.end_line == last_span_.end_line && d.span.end_column == last_span_.end_column &&
                          !last_text_.empty();
  if (!same_words) {
    lines_.text_into(words_, d.span);
    last_text_.clear();
    append_json_string(last_text_, words_);
    last_span_ = d.span;
  }
  // Findings one after another often share a rule and a severity: quoted once for them all.
  if (d.rule != last_rule_ || rule_json_.empty()) {
    last_rule_ = d.rule;
    rule_json_.clear();
    append_json_string(rule_json_, d.rule);
  }
  if (d.severity != last_severity_ || severity_json_.empty()) {
    last_severity_ = d.severity;
    severity_json_.clear();
    append_json_string(severity_json_, severity_name(d.severity));
  }
  // Each field has slots of its own, so one field never takes the slot of another.
  const std::string_view message = quoted(d.message, 0, 24), suggestion = quoted(d.suggestion, 24, 28);
  append_json_fields(o, d.span, {rule_json_, severity_json_, last_text_, message, suggestion});
}

std::string json_diagnostic(const Diagnostic& d, SourceLines& lines) {
  std::string o;
  append_json_diagnostic(o, d, lines);
  return o;
}

std::string json_file_end(const check::Stats& s) {
  std::ostringstream out;
  out << "],\"stats\":{\"sentences\":" << s.sentences << ",\"words\":" << s.words
      << ",\"average_sentence_words\":" << number(s.average_sentence_words, 2)
      << ",\"short_sentence_share\":" << number(s.short_sentence_share, 3)
      << ",\"flesch_reading_ease\":" << number(s.flesch_reading_ease, 1)
      << ",\"flesch_kincaid_grade\":" << number(s.flesch_kincaid_grade, 1) << "}}";
  return out.str();
}

std::string to_json(const std::vector<FileResult>& files) {
  std::string out = "{\"files\":[";
  for (std::size_t f = 0; f < files.size(); ++f) {
    SourceLines lines(files[f].source);
    out += (f ? ",\n" : "\n") + json_file_start(files[f]);
    for (std::size_t i = 0; i < files[f].diagnostics.size(); ++i)
      out += (i ? "," : "") + json_diagnostic(files[f].diagnostics[i], lines);
    out += json_file_end(files[f].stats);
  }
  return out + "\n]}\n";
}

void write_sarif_start(std::ostream& out) {
  const auto& all = check::rules();
  out << "{\"$schema\":\"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\","
         "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"easyread\",\"version\":"
      << json_string(EASYREAD_VERSION) << ",\"rules\":[";
  for (std::size_t i = 0; i < all.size(); ++i)
    out << (i ? "," : "") << "\n{\"id\":" << json_string(all[i].id) << ",\"shortDescription\":{\"text\":"
        << json_string(all[i].summary) << "},\"defaultConfiguration\":{\"level\":"
        << json_string(severity_name(all[i].severity)) << "}}";
  out << "]}},\"columnKind\":\"unicodeCodePoints\",\"results\":[";
}

void append_sarif_result(std::string& out, const Diagnostic& d, bool first) {
  const auto& all = check::rules();
  std::size_t index = 0;
  while (index < all.size() && all[index].id != d.rule) ++index;
  out += first ? "\n{\"ruleId\":" : ",\n{\"ruleId\":";
  append_json_string(out, d.rule);
  if (index < all.size()) out += ",\"ruleIndex\":" + std::to_string(index);
  out += ",\"level\":";
  append_json_string(out, severity_name(d.severity));
  out += ",\"message\":{\"text\":";
  append_json_string(out, d.suggestion.empty() ? d.message : d.message + " " + d.suggestion);
  out += "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":";
  append_json_string(out, d.file);
  out += "}";
  if (d.span.line > 0) {
    out += ",\"region\":{\"startLine\":" + std::to_string(d.span.line);
    if (d.span.column > 0) out += ",\"startColumn\":" + std::to_string(d.span.column);
    if (d.span.end_line > 0) out += ",\"endLine\":" + std::to_string(d.span.end_line);
    if (d.span.end_column > 0) out += ",\"endColumn\":" + std::to_string(d.span.end_column);
    out += "}";
  }
  out += "}}],\"properties\":{\"suggestion\":";
  append_json_string(out, d.suggestion);
  out += "}}";
}

void write_sarif_end(std::ostream& out) { out << "\n]}]}\n"; }

void write_sarif(std::ostream& out, const std::vector<FileResult>& files) {
  write_sarif_start(out);
  std::string results;
  bool first = true;
  for (const FileResult& file : files)
    for (const Diagnostic& d : file.diagnostics) {
      append_sarif_result(results, d, first);
      first = false;
    }
  out << results;
  write_sarif_end(out);
}

std::string to_sarif(const std::vector<FileResult>& files) {
  std::ostringstream out;
  write_sarif(out, files);
  if (!out) throw std::bad_alloc();  // never half a report
  return out.str();
}

void print_findings(std::ostream& out, const Diagnostics& diags, const std::string& file,
                    const std::string& source) {
  const bool color = &out == &std::cerr ? isatty(STDERR_FILENO) != 0 : isatty(STDOUT_FILENO) != 0;
  print_findings(out, diags, file, source, color);
}

void print_findings(std::ostream& out, const Diagnostics& diags, const std::string& file, const std::string& source,
                    bool color) {
  TextPrinter printer(out, color, check::Settings{}.sentence_words);
  std::map<std::string, std::string> other_files;
  for (const auto& d : diags.items()) {
    const std::string* text = &source;
    if (d.file != file) {
      auto it = other_files.find(d.file);
      if (it == other_files.end()) it = other_files.emplace(d.file, read_text_or_empty(d.file)).first;
      text = &it->second;
    }
    printer.print(d, *text, false);
  }
}

}  // namespace easyread::report
