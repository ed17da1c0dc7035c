// JSON and SARIF output for `easyread check`.
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

// True when none of 8 bytes needs a look: no control byte, '"', '\\', DEL or byte above it.
bool plain_eight(const char* at) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto has_zero = [&](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
  std::uint64_t eight;
  std::memcpy(&eight, at, 8);
  const bool control = ((eight - ones * 0x20) & ~eight & highs) != 0;
  // DEL and every byte above it: the first bytes of C1 controls and the
  // right-to-left marks are among them (the bytes below look closer).
  const bool del_or_above = (((eight + ones) | eight) & highs) != 0;
  return !control && !del_or_above && !has_zero(eight ^ (ones * '"')) && !has_zero(eight ^ (ones * '\\'));
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    // Eight bytes at a time while all are plain (texts are long); then the
    // next eight one by one, so no byte is looked at twice.
    while (i + 8 <= n && plain_eight(s.data() + i)) i += 8;
    for (const std::size_t stop = std::min(n, i + 8); i < stop; ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\' && c < 0x7F) continue;
      if (c >= 0x80) {
        if (c != 0xC2 && c != 0xD8 && c != 0xE2) continue;
        // Written as \u escapes: the JSON means the same, and a terminal that
        // shows it is not turned round by a right-to-left override.
        const std::size_t length = c == 0xE2 ? 3 : 2;
        const char32_t letter = letter_at(s, i, length);
        if (!control_letter(letter)) continue;
        out.append(s, run, i - run);
        append_unicode_escape(out, letter);
        i += length - 1;
        run = i + 1;
        continue;
      }
      out.append(s, run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: append_unicode_escape(out, c);  // other controls and DEL
      }
    }
  }
  out.append(s, run, n - run);
  out += '"';
}

std::string json_file_start(const FileResult& file) {
  return "{\"path\":" + json_string(file.path) + ",\"read\":" + (file.read ? "true" : "false") + ",\"diagnostics\":[";
}

namespace {

void append_number(std::string& o, int value) {
  char digits[16];
  const auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  o.append(digits, end);
}

// One finding, with its words already written as a JSON string.
void append_json_fields(std::string& o, const Diagnostic& d, std::string_view json_words) {
  // Straight into `o`: no string is made per field (a big file has many findings).
  using namespace std::string_view_literals;
  o += "\n {\"rule\":"sv;
  append_json_string(o, d.rule);
  o += ",\"severity\":"sv;
  append_json_string(o, severity_name(d.severity));
  o += ",\"line\":"sv;
  append_number(o, d.span.line);
  o += ",\"column\":"sv;
  append_number(o, d.span.column);
  o += ",\"end_line\":"sv;
  append_number(o, d.span.end_line);
  o += ",\"end_column\":"sv;
  append_number(o, d.span.end_column);
  (o += ",\"text\":"sv) += json_words;
  o += ",\"message\":"sv;
  append_json_string(o, d.message);
  o += ",\"suggestion\":"sv;
  append_json_string(o, d.suggestion);
  o += '}';
}

}  // namespace

void append_json_diagnostic(std::string& o, const Diagnostic& d, SourceLines& lines) {
  append_json_fields(o, d, json_string(lines.text(d.span)));
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
  append_json_fields(o, d, last_text_);
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

std::string to_sarif(const std::vector<FileResult>& files) {
  const auto& all = check::rules();
  std::ostringstream out;
  out << "{\"$schema\":\"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\","
         "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"easyread\",\"version\":"
      << json_string(EASYREAD_VERSION) << ",\"rules\":[";
  for (std::size_t i = 0; i < all.size(); ++i)
    out << (i ? "," : "") << "\n{\"id\":" << json_string(all[i].id) << ",\"shortDescription\":{\"text\":"
        << json_string(all[i].summary) << "},\"defaultConfiguration\":{\"level\":"
        << json_string(severity_name(all[i].severity)) << "}}";
  out << "]}},\"columnKind\":\"unicodeCodePoints\",\"results\":[";
  bool first = true;
  for (const FileResult& file : files) {
    for (const Diagnostic& d : file.diagnostics) {
      std::size_t index = 0;
      while (index < all.size() && all[index].id != d.rule) ++index;
      out << (first ? "" : ",") << "\n{\"ruleId\":" << json_string(d.rule);
      if (index < all.size()) out << ",\"ruleIndex\":" << index;
      out << ",\"level\":" << json_string(severity_name(d.severity)) << ",\"message\":{\"text\":"
          << json_string(d.suggestion.empty() ? d.message : d.message + " " + d.suggestion)
          << "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":" << json_string(d.file) << "}";
      if (d.span.line > 0) {
        out << ",\"region\":{\"startLine\":" << d.span.line;
        if (d.span.column > 0) out << ",\"startColumn\":" << d.span.column;
        if (d.span.end_line > 0) out << ",\"endLine\":" << d.span.end_line;
        if (d.span.end_column > 0) out << ",\"endColumn\":" << d.span.end_column;
        out << "}";
      }
      out << "}}],\"properties\":{\"suggestion\":" << json_string(d.suggestion) << "}}";
      first = false;
    }
  }
  out << "\n]}]}\n";
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
