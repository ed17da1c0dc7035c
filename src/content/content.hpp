// Content: what a document says, decided once for every output. It turns a
// read document, its resolved pictures and its language's strings into a
// format-neutral tree. The paged layout (PDF), the web page and the Word file
// all read this tree and decide only *where* things go, never *what* to show.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/deadline.hpp"
#include "base/diagnostic.hpp"
#include "base/graphics.hpp"
#include "symbols/symbols.hpp"

namespace easyread::markup {
struct Document;
}
namespace easyread::symbols {
class Library;
}
namespace easyread::style {
struct Template;
class Strings;
}

namespace easyread::content {

// A piece of a sentence in one style. White space is already folded to
// single spaces; web addresses written in plain text are already links. A
// space between two runs belongs to the run after it.
struct Run {
  std::string text;
  bool bold = false;   // <b> and hard words
  std::string link;    // web address, or empty
  int word = -1;       // a hard word: index into Document::words, or -1
};

// One sentence: it always starts on a new line, in every output.
struct Sentence {
  std::vector<Run> runs;
  Span span;                   // where it stands in the notes (start and end)
  std::string plain() const;   // the runs' text joined
};

// A picture beside a row, on the cover or on a sheet, already found (or chosen).
struct PictureUse {
  int picture = -1;  // index into Document::pictures, or -1 for none
  std::string alt;   // alternative text (the author's, or the picture's name)
  double aspect = 1; // width / height as shown
  bool present() const { return picture >= 0; }
};

// The parts of a row's text column, in reading order.
struct Sentences {
  std::vector<Sentence> sentences;
};
struct BulletList {
  std::vector<Sentences> items;
};
// An extra line of an action or a meeting: "Who will do it: Sam".
struct Fact {
  enum class Kind { who, by_when, date, time, place };
  Kind kind = Kind::who;
  std::string label;  // in the document's language, with its colon
  std::string value;  // dates and times already written out
};
using RowPart = std::variant<Sentences, BulletList, Fact>;

// A picture and the text beside it: a point, an action or a meeting.
struct Row {
  enum class Kind { point, action, meeting };
  Kind kind = Kind::point;
  PictureUse picture;
  std::vector<RowPart> parts;
  Span span;
};

struct Section {
  std::string title;  // empty for points written outside any section
  std::vector<Row> rows;
  Span span;
};

// One entry of the word list ("Words to know").
struct WordEntry {
  std::string term;
  std::string anchor;  // a stable id for links to it ("word-care-pathway")
  PictureUse picture;
  Sentences explanation;
  Span span;
};

struct Cover {
  std::string organisation;      // may be empty
  std::string date;              // written out ("Wednesday 10 March 2027"), may be empty
  bool date_first = false;       // the template puts the date above the title
  std::string title;
  PictureUse picture;
  Sentences text;
  bool has_part = false;         // the notes have a <cover> part (its picture and text)
};

// A closing line: who checked the document, and the pictures' credit.
struct ClosingLine {
  enum class Kind { checked_by, credit };
  Kind kind = Kind::checked_by;
  std::string text;
};

// The words an output adds around the content, in the document's language.
struct Labels {
  std::string words_heading;     // "Words to know"
  std::string contents_heading;  // "What is in this document"
  // "Page {page} of {pages}" cut around its two numbers, so that Word can put
  // its own fields between them: before + page + between + pages + after.
  std::string page_before, page_between, page_after;
  std::string page_number(int page, int pages) const;
  // Cuts `page_number` ("Page {page} of {pages}") into the three parts.
  static void split_page_number(const std::string& pattern, Labels& into);
};

struct Metadata {
  std::string title;
  std::string lang = "en-GB";
  std::string author;   // the organisation
  std::string credits;  // the pictures' credit, if any
};

struct Document {
  Metadata metadata;
  Labels labels;
  Cover cover;
  std::vector<Section> sections;
  std::vector<WordEntry> words;  // in the order written; Run::word points here
  std::vector<ClosingLine> closing;
  std::vector<Picture> pictures;  // each distinct picture once
};

// A contact sheet (easyread symbols sheet): pictures with their names, so a
// group can choose pictures together on paper.
struct SheetEntry {
  PictureUse picture;  // its alt is every name that leads to the picture
  std::string names;   // "bus, coach"
  std::string code;    // as people should read it: an OpenMoji code or a file name
};

struct Sheet {
  Metadata metadata;
  Labels labels;
  std::vector<SheetEntry> entries;
  std::vector<ClosingLine> closing;  // the pictures' credit, if any
  std::vector<Picture> pictures;     // each distinct picture once
};

// The pictures for `words` (every catalogue picture when there are none),
// each once. Problems go to `diags`, about `file` (the sheet).
Sheet build_sheet(symbols::Library& library, const std::vector<std::string>& words,
                  const style::Strings& strings, const std::string& file, Diagnostics& diags);

// A picture's code as people should read it: OpenMoji codes as they are,
// own pictures by their file name rather than a long path.
std::string shown_code(const std::string& code);

// Builds the content of a read document: dates written out, the words around
// facts and closing lines in the document's language, each picture found (or
// chosen, with a note) once. Picture problems go to `diags`.
// `given`: picture files given as bytes by their name in the notes. Past
// `deadline` (checked once a point) it throws OutOfTime.
// Picture files the notes name are read on a second thread while the
// symbols are found; `on_read` (if any) is told of each one there as soon as
// it is read, with the largest size (points) the template shows it at, so
// that a writer can start work on a photo before the tree is done. It must
// copy what it keeps, and be quick: the build waits for it.
using PictureRead = std::function<void(const Picture& picture, double largest_points)>;
Document build(const markup::Document& notes, symbols::Library& library,
               const style::Template& look, const style::Strings& strings, Diagnostics& diags,
               const symbols::GivenPictures& given = {}, Deadline deadline = {}, const PictureRead& on_read = {});

// Whether the fonts can draw a character, in bold or not (see check_characters).
using CanDraw = std::function<bool(char32_t code_point, bool bold)>;

// Adds an error, at its place in the notes, for each character of the text
// that will be shown but cannot be drawn.
void check_characters(const markup::Document& notes, const CanDraw& can_draw, Diagnostics& diags);

}  // namespace easyread::content
