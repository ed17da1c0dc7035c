// Printing what `easyread check` found: like a compiler on a terminal, or as
// JSON, SARIF 2.1.0 (for code-review tools) or one self-contained web page.
#pragma once
#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "check/check.hpp"
#include "text/text.hpp"

namespace easyread::report {

// Everything found in one file: the library's result of a check.
using FileResult = CheckResult;

struct Counts {
  int errors = 0, warnings = 0, notes = 0;
  void add(Severity s);
};

// The lines of one source, indexed once, and where a column is in a line.
// Columns are found by walking on from the last one asked for, so a file
// that is one long line is not walked from its start for every finding.
// Lines of a file's text, found as the findings ask for them. Findings come
// mostly in order, so this walks forward from the last line asked for and
// keeps only the start of every 1,024th line: memory does not grow with the
// file the way an index of every line would.
class SourceLines {
 public:
  explicit SourceLines(std::string_view source) : source_(source), checkpoints_{0} {}
  // Line `number` (from 1), without its line end; empty past the end.
  std::string_view line(int number);
  // Byte offset of a 1-based column (in code points) within line `number`.
  std::size_t offset(int number, int column);
  // The words a span covers (for JSON).
  std::string text(const Span& span);
  // The same, in `out` (what was there is replaced; its memory is kept).
  void text_into(std::string& out, const Span& span);

 private:
  static constexpr int kCheckpointEvery = 1024;
  static constexpr int kRecent = 256;
  std::string_view source_;
  int at_line_ = 1;          // the line the walk has reached,
  std::size_t at_start_ = 0;  // where it starts,
  std::size_t at_end_ = std::string_view::npos;  // and its line end, once it is looked for
  std::vector<std::size_t> checkpoints_;  // starts of lines 1, 1025, 2049, ...
  // Starts of the last lines walked (line n at n % kRecent), from line recent_low_ on:
  // a finding that spans lines is followed by findings that start on its first line.
  std::array<std::size_t, kRecent> recent_{};
  int recent_low_ = 1;
  int cached_line_ = 0, cached_column_ = 1;
  std::size_t cached_offset_ = 0;
};

// Prints lines and columns for `source`; built once a file.
class TextPrinter {
 public:
  TextPrinter(std::ostream& out, bool color, int sentence_words);
  ~TextPrinter() { flush(); }
  TextPrinter(const TextPrinter&) = delete;
  TextPrinter& operator=(const TextPrinter&) = delete;
  // One finding: the message line, the source line with the words marked, the suggestion.
  void print(const Diagnostic& d, std::string_view source, bool paragraphs);
  // A short summary after a file.
  void summary(const FileResult& file, const Counts& counts);
  // Writes what print() has kept back (it writes in big pieces).
  void flush();

 private:
  std::ostream& out_;
  bool color_;
  int sentence_words_;
  // Room for `size` more bytes at the end of what is kept back.
  char* room(std::size_t size);

  const char* indexed_ = nullptr;
  std::optional<SourceLines> lines_;
  // Findings not written yet: big files have many, so they go out in big
  // pieces. Only the first `used_` bytes are findings; the rest is room.
  std::string buffer_;
  std::size_t used_ = 0;
};

// Byte offset of a 1-based column (in code points) within one line.
std::size_t column_offset(std::string_view line, int column);

// Prints findings like a compiler, each with the line it is on, to a
// terminal in colour. `source` is the text of `file`; findings in other files
// (a template, an SVG picture) are read from disk.
void print_findings(std::ostream& out, const Diagnostics& diags, const std::string& file = {},
                    const std::string& source = {});
// The same, in colour or not as asked (for output kept to print later).
void print_findings(std::ostream& out, const Diagnostics& diags, const std::string& file, const std::string& source,
                    bool color);

std::string to_json(const std::vector<FileResult>& files);
// Pieces of the JSON, so big files can be written as they are checked.
// `value` with this many digits after the point ("12.5"), as every report shows figures.
std::string number(double value, int decimals);

std::string json_file_start(const FileResult& file);  // {"path":..,"read":..,"diagnostics":[
std::string json_diagnostic(const Diagnostic& d, SourceLines& lines);
// The same, added to the end of `out`.
void append_json_diagnostic(std::string& out, const Diagnostic& d, SourceLines& lines);
std::string json_file_end(const check::Stats& stats);  // ],"stats":{..}}

// Writes one file's findings as JSON, as append_json_diagnostic does, but
// quotes a span's words only once when findings one after another share it
// (a long sentence is often also one with many ideas).
class JsonFindings {
 public:
  explicit JsonFindings(std::string_view source) : lines_(source) {}
  void append(std::string& out, const Diagnostic& d);

 private:
  // `s` as a JSON string, from slots [first_slot, first_slot + slots) of a
  // small table of the strings written lately (most messages and
  // suggestions come again and again).
  const std::string& quoted(std::string_view s, std::size_t first_slot, std::size_t slots);

  struct Quoted {
    std::string text, json;
  };
  SourceLines lines_;
  Span last_span_{};
  std::string last_text_;  // the words of last_span_, as a JSON string
  std::string words_;      // reused for each finding's words
  std::string last_rule_, rule_json_;  // the last finding's rule, and as a JSON string
  Severity last_severity_ = Severity::error;
  std::string severity_json_;  // last_severity_ as a JSON string
  std::array<Quoted, 52> quoted_;  // 24 for messages, 28 for suggestions
};
std::string to_sarif(const std::vector<FileResult>& files);
std::string to_html(const std::vector<FileResult>& files);
// The same, written straight to `out`: a big report needs no copy in
// memory, and a failure to write shows in `out`'s state.
void write_sarif(std::ostream& out, const std::vector<FileResult>& files);
void write_html(std::ostream& out, const std::vector<FileResult>& files);
// Pieces of the SARIF, so that findings are written as they come: the start
// (the tool and its rules), each result (after a comma unless `first`), the end.
void write_sarif_start(std::ostream& out);
void append_sarif_result(std::string& out, const Diagnostic& d, bool first);
void write_sarif_end(std::ostream& out);
// Pieces of the web page: the top, one file's section, the end. `counts` are
// all the findings in the file; `file.diagnostics` may hold only the first
// of them, and the page then says so.
void write_html_start(std::ostream& out);
void write_html_file(std::ostream& out, const FileResult& file, const Counts& counts);
void write_html_end(std::ostream& out);

// Text for HTML, with & < > " escaped.
std::string html_escape(std::string_view s);

// JSON string with quotes and escapes.
std::string json_string(std::string_view s);
void append_json_string(std::string& out, std::string_view s);  // the same, added to `out`

}  // namespace easyread::report
