// easyread new --from: turns an ordinary document (Word, Markdown or plain
// text) into easyread notes that build at once and that a person then
// improves. It makes no sentence up and drops nothing: every word of the
// document is in the notes, and what needs a person's judgement is marked
// with a comment.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "check/check.hpp"
#include "symbols/symbols.hpp"

namespace easyread::draft {

// A picture inside the document (Word's word/media/...).
struct Image {
  std::string name;   // file name inside the document, like "image1.jpeg"
  std::string bytes;  // the picture file as it is
  std::string alt;    // Word's alternative text (may be empty)
};

enum class BlockKind { title, heading, paragraph, list_item, table_row };

// One paragraph-like part of the document, in reading order.
struct Block {
  BlockKind kind = BlockKind::paragraph;
  int level = 0;                       // heading: 1 is the biggest; list_item: 0 is the outside list
  bool numbered = false;               // list_item: a numbered list
  int group = 0;                       // list_item, table_row: the same number for one list or table
  std::string text;                    // plain text (table_row: empty)
  std::vector<std::string> cells;      // table_row: the text of each cell
  std::vector<Image> images;           // pictures in this paragraph
  std::vector<std::string> footnotes;  // the text of footnotes this paragraph points to
};

struct SourceDocument {
  std::string title;  // the document's own title (Word's properties), if any
  std::vector<Block> blocks;
};

// Reads a Word document: headings, paragraphs, lists, tables, tracked
// changes (deleted text left out), fields, footnotes and pictures with their
// alternative text. Comments are left out. Errors go to `diags`.
std::optional<SourceDocument> read_docx(const std::string& path, Diagnostics& diags);
// Markdown: # headings, lists, | tables |, paragraphs.
SourceDocument read_markdown(std::string_view text);
// Plain text: a blank line ends a paragraph; short lines alone are headings;
// lines that start with "-", "*" or "1." are lists; lines with tabs are table rows.
SourceDocument read_plain_text(std::string_view text);

// A file to save beside the notes.
struct SavedFile {
  std::string path;  // relative to the notes' folder
  std::string bytes;
};

struct Draft {
  std::string xml;                 // the notes, UTF-8
  std::vector<SavedFile> pictures; // the document's own pictures, which the notes use
};

struct Options {
  std::string lang = "en-GB";
  // Pictures from the document are saved as PREFIX + their own name, like
  // "notes-pictures/image1.jpeg".
  std::string picture_prefix = "pictures/";
};

// Makes the notes. The checker marks jargon and rule breaks; the library
// suggests a picture for each point.
Draft make_draft(const SourceDocument& doc, const check::Checker& checker, symbols::Library& library,
                 const Options& options);

}  // namespace easyread::draft
