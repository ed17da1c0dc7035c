// The document model and the reader for easyread's XML markup.
#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/date.hpp"
#include "base/diagnostic.hpp"

namespace easyread::text {
class LineIndex;
}

namespace easyread::markup {

// A piece of text with one style. `source_offset` is the byte offset in the
// file where the text starts (for finding line and column later).
struct Run {
  enum class Style { plain, bold, hard, link };
  Style style = Style::plain;
  std::string text;  // as written, entities resolved, white space not yet folded
  std::string href;  // for links
  std::size_t source_offset = 0;
};

// Running text: sentences in runs of different styles.
struct Paragraph {
  std::vector<Run> runs;
  std::string plain_text() const;  // all runs joined
  bool empty() const;
};

// Picture reference as written: a file path, a symbol code or name, "none",
// or empty (let the tool choose).
struct PictureRef {
  std::string value;
  std::string alt;
  Span span;  // where the attribute is
};

struct Point {
  PictureRef picture;
  Paragraph text;
  std::vector<Paragraph> list;       // bullet items, if any
  std::vector<std::string> ignore;   // rule ids switched off here
  Span span;
};

struct Action {
  std::string who;
  std::optional<Date> by;
  PictureRef picture;
  Paragraph text;
  Span span;
};

struct Meeting {
  std::optional<Date> date;
  std::optional<ClockTime> time;
  std::string place;
  PictureRef picture;
  Paragraph text;
  Span span;
};

using Block = std::variant<Point, Action, Meeting>;

struct Section {
  std::string title;  // empty for points written outside any section
  std::vector<Block> blocks;
  Span span;
};

struct Word {
  std::string term;
  PictureRef picture;
  Paragraph explanation;
  Span span;
};

struct Cover {
  PictureRef picture;
  Paragraph text;
  Span span;
};

struct Checked {
  std::string by;
  std::optional<Date> date;
  Span span;
};

struct Document {
  std::string path;       // the file as the user named it
  std::string directory;  // folder of the file, for relative picture paths
  std::string source;     // the whole file, UTF-8
  std::string title;
  std::string lang = "en-GB";
  std::string template_name = "newsletter";
  std::optional<Date> date;
  std::string organisation;
  std::optional<Cover> cover;
  std::vector<Section> sections;
  std::vector<Word> words;
  std::optional<Checked> checked;
  Span title_span;
};

// Finds the entry of a word list that explains a hard word. Capitals and
// white space do not matter, and a plural is fine: "Buses" finds "bus".
class WordFinder {
 public:
  explicit WordFinder(const std::vector<Word>& words);
  // Index into `words` of the first entry that explains `hard_word`, or -1.
  int find(std::string_view hard_word) const;

 private:
  std::map<std::string, int, std::less<>> forms_;
};

// Reads a document. On bad input, adds errors to `diags` (with file, line and
// column) and returns nullopt. Warnings may be added either way.
std::optional<Document> read_file(const std::string& path, Diagnostics& diags);
std::optional<Document> read_string(std::string source, const std::string& path,
                                    Diagnostics& diags);

// Where `run.text[begin, end)` stands in the document's source.
Span locate(const Document& doc, const Run& run, std::size_t begin, std::size_t end);
// The same with a line index of `doc.source` that the caller made once: use it
// when locating many findings in one document.
Span locate(const Document& doc, const text::LineIndex& lines, const Run& run, std::size_t begin,
            std::size_t end);

}  // namespace easyread::markup
