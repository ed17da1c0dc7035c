// JSON and SARIF output for `easyread check`.
#include "report/report.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <new>
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

void append_json_string(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  // Eight bytes at a time: is any a control byte, '"' or '\\'? (Texts are long.)
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto has_zero = [&](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
  for (std::size_t i = 0; i < s.size(); ++i) {
    while (i + 8 <= s.size()) {
      std::uint64_t eight;
      std::memcpy(&eight, s.data() + i, 8);
      const bool control = ((eight - ones * 0x20) & ~eight & highs) != 0;
      // DEL and every byte above it: the first bytes of C1 controls and the
      // right-to-left marks are among them (the bytes below look closer).
      const bool del_or_above = (((eight + ones) | eight) & highs) != 0;
      if (control || del_or_above || has_zero(eight ^ (ones * '"')) || has_zero(eight ^ (ones * '\\'))) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0x7F || c == 0xC2 || c == 0xD8 || c == 0xE2) {
      // Written as \u escapes: the JSON means the same, and a terminal that
      // shows it is not turned round by a right-to-left override.
      std::size_t length = c == 0xE2 ? 3 : c == 0x7F ? 1 : 2;
      if (i + length > s.size()) continue;
      const std::string_view piece = s.substr(i, length);
      if (escape_controls(piece) == piece) continue;
      out.append(s, run, i - run);
      const char32_t cp = c == 0x7F ? 0x7F
                          : c == 0xE2 ? (char32_t(0x2000) | char32_t(s[i + 1] & 0x3F) << 6 | char32_t(s[i + 2] & 0x3F))
                                      : (char32_t(c & 0x1F) << 6 | char32_t(s[i + 1] & 0x3F));
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(cp));
      out += buffer;
      i += length - 1;
      run = i + 1;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
        out += buffer;
      }
    }
  }
  out.append(s, run, s.size() - run);
  out += '"';
}

std::string json_file_start(const FileResult& file) {
  return "{\"path\":" + json_string(file.path) + ",\"read\":" + (file.read ? "true" : "false") + ",\"diagnostics\":[";
}

void append_json_diagnostic(std::string& o, const Diagnostic& d, SourceLines& lines) {
  // Straight into `o`: no string is made per field (a big file has many findings).
  using namespace std::string_view_literals;
  o += "\n {\"rule\":"sv;
  append_json_string(o, d.rule);
  o += ",\"severity\":"sv;
  append_json_string(o, severity_name(d.severity));
  (o += ",\"line\":"sv) += std::to_string(d.span.line);
  (o += ",\"column\":"sv) += std::to_string(d.span.column);
  (o += ",\"end_line\":"sv) += std::to_string(d.span.end_line);
  (o += ",\"end_column\":"sv) += std::to_string(d.span.end_column);
  o += ",\"text\":"sv;
  append_json_string(o, lines.text(d.span));
  o += ",\"message\":"sv;
  append_json_string(o, d.message);
  o += ",\"suggestion\":"sv;
  append_json_string(o, d.suggestion);
  o += '}';
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

void write_sarif(std::ostream& out, const std::vector<FileResult>& files) {
  const auto& all = check::rules();
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
