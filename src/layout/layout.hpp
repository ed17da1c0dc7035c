// Layout: places a document's content (see content/content.hpp) on pages
// using a template. It decides only where things go, never what to show.
// Its output (layout::Document) is all the PDF writer needs.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/deadline.hpp"
#include "base/diagnostic.hpp"
#include "base/graphics.hpp"

namespace easyread::content {
struct Document;
struct Sheet;
}
namespace easyread::style {
struct Template;
}

namespace easyread::layout {

// A TrueType font file used by the document.
struct FontFile {
  std::string family;
  bool bold = false;
  std::string path;
};

// Page coordinates are PDF points (1/72 inch) from the page's bottom-left
// corner, y pointing up.

// One line (or part of a line) of text in one font. `y` is the baseline.
struct TextItem {
  int font = 0;  // index into Document::fonts
  double size = 16;
  Color color;
  double x = 0, y = 0;
  double width = 0;      // measured advance width
  std::string text;      // UTF-8, no line ends
  std::string link;      // web address, if this text is a link
  int node = -1;         // structure node it belongs to; -1 means artifact
};

struct PictureItem {
  int picture = 0;  // index into Document::pictures
  double x = 0, y = 0, width = 0, height = 0;  // the picture's own box (bottom-left corner)
  int node = -1;
};

struct RectItem {
  double x = 0, y = 0, width = 0, height = 0;
  Color fill;
  int node = -1;  // usually -1: decoration
};

using Item = std::variant<TextItem, PictureItem, RectItem>;

struct Page {
  std::vector<Item> items;  // in reading order
};

// What a structure node is. The PDF writer maps each to a standard structure
// type (Document, Sect, H1, H2, P, Figure, L, LI, Lbl, LBody, Link, Span, TOC,
// TOCI).
enum class Role {
  document, sect, h1, h2, paragraph, figure, list, list_item, label, list_body, link, span, toc,
  toc_item
};

// A node of the structure tree for tagged PDF. Children are listed in
// reading order; content belongs to a node through the items' `node` field.
struct Node {
  Role role = Role::span;
  std::string alt;  // alternative text, for Figure
  int parent = -1;
  std::vector<int> children;
};

// A bookmark in the PDF's outline.
struct Bookmark {
  std::string title;
  int page = 0;  // index into pages
  double y = 0;  // top of the target
  int level = 0;
};

struct Metadata {
  std::string title;
  std::string lang = "en-GB";
  std::string author;
  std::string subject;
  std::string credits;  // e.g. "Pictures: OpenMoji, CC BY-SA 4.0"
};

struct Document {
  double page_width = 595.276, page_height = 841.89;  // A4
  Color background{1, 1, 1};
  Metadata metadata;
  std::vector<FontFile> fonts;
  std::vector<Picture> pictures;
  std::vector<Page> pages;
  std::vector<Node> nodes;  // nodes[0] is the Document root
  std::vector<Bookmark> bookmarks;
};

class FontSet;

// The fonts a template asks for, found in a FontSet.
struct Faces {
  int regular = 0, bold = 0, heading = 0;
};

// Finds the template's fonts; nullopt after adding errors to `diags`.
std::optional<Faces> find_faces(const style::Template& look, FontSet& fonts, Diagnostics& diags);

// Whether the PDF can draw a character in these fonts.
bool can_draw(const FontSet& fonts, const Faces& faces, char32_t code_point, bool bold);

// Lays out a document's content on pages. The content's pictures move into
// the result (a photo can be megabytes: pass the content with std::move).
// Past `deadline` (checked once a row) it throws OutOfTime.
Document lay_out(content::Document content, const style::Template& look,
                 const FontSet& fonts, const Faces& faces, Deadline deadline = {});

// Lays out a contact sheet: pictures in a grid, each with its names and code under it.
Document lay_out_sheet(const content::Sheet& sheet, const style::Template& look,
                       const FontSet& fonts, const Faces& faces);

}  // namespace easyread::layout
