// Work done before any page is filled: every picture is found (or chosen),
// and every character is checked against the fonts.
#pragma once
#include <map>

#include "layout/fonts.hpp"
#include "layout/layout.hpp"
#include "markup/markup.hpp"

namespace easyread::layout {

struct PlacedPicture {
  int index = -1;  // into Document::pictures; -1 for no picture
  double aspect = 1;
  std::string alt;
};

// Resolves the document's pictures once, each distinct picture stored once.
class PictureTable {
 public:
  PictureTable(symbols::Library& library, const markup::Document& doc, Document& out,
               Diagnostics& diags)
      : library_(library), doc_(doc), out_(out), diags_(diags) {}

  // `text` lets the tool choose a picture when the author gave none.
  PlacedPicture resolve(const markup::PictureRef& ref, const markup::Paragraph* text, Span where);
  bool uses_openmoji() const { return uses_openmoji_; }

 private:
  symbols::Library& library_;
  const markup::Document& doc_;
  Document& out_;
  Diagnostics& diags_;
  std::map<std::string, int> by_key_;
  bool uses_openmoji_ = false;
};

// Adds an error for each character the fonts cannot draw, at its place in the file.
void check_characters(const markup::Document& doc, const FontSet& fonts, int regular, int bold,
                      Diagnostics& diags);

}  // namespace easyread::layout
