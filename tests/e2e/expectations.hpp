// What a reader expects to find in a built PDF: the template's numbers (read
// here from the template file itself, not through the program's own reader)
// and each row's sentences (found with the project's own sentence splitter).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "style/style.hpp"
#include "pdf_probe.hpp"

namespace e2e {

namespace style = easyread::style;

// The numbers of templates/NAME.xml, in points; what the file leaves out
// keeps style::Template's defaults.
style::Template read_template_numbers(const std::filesystem::path& file);

// The columns of a page, in pdftotext's coordinates (x from the left edge).
struct Columns {
  double picture_left = 0, picture_right = 0;
  double text_left = 0, text_right = 0;
};
Columns columns_of(const style::Template& t);

// One row of the document body: a picture and its text.
struct ExpectedRow {
  std::string kind;                    // "point", "action", "meeting" or "word"
  int section = -1;                    // index into ExpectedDocument::sections; -1 for words
  int line = 0;                        // where it starts in the XML file
  std::optional<bool> has_picture;     // unknown when the program chooses one
  std::string alt;                     // the author's words for the picture, if any
  std::vector<std::string> sentences;  // each with white space folded; a word's term first
  std::vector<std::string> list_items;
};

struct ExpectedDocument {
  std::string title;
  std::string lang;
  std::string template_name;
  std::vector<std::string> cover_sentences;
  std::string cover_alt;
  std::vector<std::string> sections;  // section titles (empty for points outside a section)
  std::vector<ExpectedRow> rows;  // in reading order
};

// Reads the XML with the project's markup reader. Throws if it has errors.
ExpectedDocument read_expected(const std::filesystem::path& xml);

// Where a run of text was found in the PDF's words: words[first..last].
struct Found {
  std::size_t first = 0, last = 0;
};

// Finds `text` in `words` at or after `from`, comparing without white space
// (so it does not matter where pdftotext split words or the layout broke lines).
std::optional<Found> find_text(const std::vector<Word>& words, const std::string& text,
                               std::size_t from);

}  // namespace e2e
