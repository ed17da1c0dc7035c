// One self-contained web page: the document with each problem marked, and
// what to do beside it, for people who never use a terminal.
#include <algorithm>
#include <cstdio>
#include <map>
#include <new>
#include <set>
#include <sstream>

#include "report/report.hpp"

namespace easyread::report {

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// HTML text; control characters and right-to-left marks shown as "\u202E",
// so that a stranger's text cannot turn round what the report shows.
std::string escape(std::string_view text) { return html_escape(escape_controls(text)); }

// Sizes in rem are 18 px (html), the smallest text we show. Long words,
// file names and web addresses break anywhere, and the grid columns may
// shrink below their content, so nothing scrolls sideways on a small phone
// (WCAG 1.4.10), also with wider text spacing (WCAG 1.4.12).
constexpr const char* kStyle = R"(
html { font-size: 18px; }
body { font-family: Arial, "Liberation Sans", sans-serif; font-size: 1rem; line-height: 1.5;
       color: #111; background: #fff; margin: 0 auto; max-width: 72rem; padding: 1rem clamp(0.5rem, 3vw, 1.5rem);
       overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2.5rem; border-top: 3px solid #333; padding-top: 1rem; }
.summary { background: #f3f3f3; padding: 0.75rem 1rem; border-radius: 6px; }
.row { display: grid; grid-template-columns: auto minmax(0, 1fr) minmax(0, 1fr); gap: 1rem;
       border-bottom: 1px solid #ddd; padding: 0.25rem 0; }
.num { color: #595959; text-align: right; min-width: 2.5rem; }
.text { white-space: pre-wrap; min-width: 0; }
.notes { min-width: 0; }
mark { background: #ffe066; color: #000; border-bottom: 3px solid #c08000; padding: 0 1px; }
mark.error { background: #ffc9c9; border-bottom-color: #c00000; }
mark.note { background: #d0ebff; border-bottom-color: #1c6fb8; }
.note-box { background: #fffbe6; border-left: 5px solid #c08000; padding: 0.25rem 0.6rem; margin-bottom: 0.4rem; }
.note-box.error { background: #fff0f0; border-left-color: #c00000; }
.note-box.note { background: #eef6ff; border-left-color: #1c6fb8; }
.what { font-weight: bold; }
.rule { color: #595959; }
@media (max-width: 50rem) { .row { grid-template-columns: auto minmax(0, 1fr); gap: 0.5rem; } .notes { grid-column: 2; } }
)";

const char* kind(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "warning";
}

const char* plain_kind(Severity s) {
  switch (s) {
    case Severity::error: return "Must fix";
    case Severity::warning: return "Should fix";
    case Severity::note: return "To think about";
  }
  return "";
}

// One line of text with the parts that findings cover marked.
std::string marked_line(std::string_view line, int line_number, const std::vector<const Diagnostic*>& covering,
                        const std::map<const Diagnostic*, int>& numbers) {
  const int width = static_cast<int>(text::count_code_points(line)) + 1;
  std::set<int> cuts = {1, width};
  struct Piece {
    int from, to;
    const Diagnostic* d;
  };
  std::vector<Piece> pieces;
  for (const Diagnostic* d : covering) {
    const int from = d->span.line == line_number ? std::max(1, d->span.column) : 1;
    const int to = d->span.end_line == line_number && d->span.end_column > 0 ? d->span.end_column : width;
    if (to <= from) continue;
    pieces.push_back({from, std::min(to, width), d});
    cuts.insert(from);
    cuts.insert(std::min(to, width));
  }
  std::string out;
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
    const int from = *it, to = *std::next(it);
    const std::size_t b = column_offset(line, from), e = column_offset(line, to);
    const std::string words = escape(line.substr(b, e - b));
    const Diagnostic* strongest = nullptr;
    std::string title, ending;  // ending: the problems whose marked words end here
    for (const Piece& p : pieces)
      if (p.from <= from && p.to >= to) {
        if (!strongest || p.d->severity > strongest->severity) strongest = p.d;
        const std::string number = std::to_string(numbers.at(p.d));
        title += (title.empty() ? "" : ", ") + number;
        if (p.to == to) ending += (ending.empty() ? "" : ", ") + number;
      }
    if (strongest)
      out += std::string("<mark class=\"") + kind(strongest->severity) + "\" title=\"Problem " + title + "\">" + words +
             (ending.empty() ? "" : "<sup>" + ending + "</sup>") + "</mark>";
    else
      out += words;
  }
  return out;
}

}  // namespace

void write_html_start(std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>easyread check: what to fix</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
      << "<h1>easyread check: what to fix</h1>\n"
      << "<p>This page shows your writing. Colour marks the parts that may be hard to read. "
      << "Beside each one, it says what to do.</p>\n";
}

void write_html_end(std::ostream& out) { out << "</body>\n</html>\n"; }

void write_html(std::ostream& out, const std::vector<FileResult>& files) {
  write_html_start(out);
  for (const FileResult& file : files) {
    Counts counts;
    for (const Diagnostic& d : file.diagnostics) counts.add(d.severity);
    write_html_file(out, file, counts);
  }
  write_html_end(out);
}

void write_html_file(std::ostream& out, const FileResult& file, const Counts& counts) {
  out << "<section>\n<h2>" << escape(file.path) << "</h2>\n";
  if (!file.read) {
    out << "<p class=\"summary\">easyread could not read this file.</p>\n";
    for (const Diagnostic& d : file.diagnostics) out << "<p>" << escape(d.message) << " " << escape(d.suggestion) << "</p>\n";
    out << "</section>\n";
    return;
  }
  const check::Stats& s = file.stats;
  char share[32];
  std::snprintf(share, sizeof share, "%.0f", 100 * s.short_sentence_share);
  out << "<div class=\"summary\"><p>" << counts.errors << " must fix, " << counts.warnings << " should fix, "
      << counts.notes << " to think about.</p>";
  if (s.sentences > 0)
    out << "<p>" << s.sentences << " sentences and " << s.words << " words. " << share << "% of sentences have "
        << file.sentence_words << " words or fewer.</p>";
  const int shown = int(file.diagnostics.size()), all = counts.errors + counts.warnings + counts.notes;
  if (shown < all)
    out << "<p>This page shows the first " << shown << " of them. To see them all, check the file with "
        << "<code>--format text</code> or <code>--format json</code>.</p>";
  out << "</div>\n";
  // Which findings touch which line.
  std::map<int, std::vector<const Diagnostic*>> by_line, starting;
  std::map<const Diagnostic*, int> numbers;
  std::vector<const Diagnostic*> no_place;
  int n = 0;
  for (const Diagnostic& d : file.diagnostics) {
    numbers[&d] = ++n;
    if (d.span.line < 1) {
      no_place.push_back(&d);
      continue;
    }
    starting[d.span.line].push_back(&d);
    const int last = std::max(d.span.line, d.span.end_line);
    for (int line = d.span.line; line <= last && line - d.span.line < 50; ++line) by_line[line].push_back(&d);
  }
  const text::LineIndex lines(file.source);
  const bool markup = file.path.ends_with(".xml");
  if (markup) out << "<p>Only the lines with something to look at are shown.</p>\n";
  for (int line = 1;; ++line) {
    const std::string_view t = lines.line_text(line);
    if (t.data() == nullptr && line > 1) break;
    const auto covering = by_line.find(line);
    if (markup && covering == by_line.end()) continue;
    out << "<div class=\"row\"><div class=\"num\">" << (file.paragraphs ? "para " : "") << line
        << "</div><div class=\"text\">"
        << (covering == by_line.end() ? escape(t) : marked_line(t, line, covering->second, numbers))
        << "</div><div class=\"notes\">";
    if (const auto here = starting.find(line); here != starting.end())
      for (const Diagnostic* d : here->second)
        out << "<div class=\"note-box " << kind(d->severity) << "\"><span class=\"what\">" << numbers[d] << ". "
            << plain_kind(d->severity) << ":</span> " << escape(d->message) << "<br>" << escape(d->suggestion)
            << " <span class=\"rule\">(" << escape(d->rule) << ")</span></div>";
    out << "</div></div>\n";
  }
  for (const Diagnostic* d : no_place)
    out << "<div class=\"note-box " << kind(d->severity) << "\"><span class=\"what\">" << numbers[d] << ". "
        << plain_kind(d->severity) << ":</span> " << escape(d->message) << "<br>" << escape(d->suggestion) << "</div>\n";
  out << "</section>\n";
}

std::string to_html(const std::vector<FileResult>& files) {
  std::ostringstream out;
  write_html(out, files);
  if (!out) throw std::bad_alloc();  // never half a page
  return out.str();
}

}  // namespace easyread::report
