// Private helpers of the content stage.
#pragma once
#include <future>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "content/content.hpp"
#include "markup/markup.hpp"
#include "style/style.hpp"
#include "symbols/symbols.hpp"
#include "text/text.hpp"

namespace easyread::content::detail {

// Turns a paragraph as written into sentences of runs: folds white space,
// makes web addresses links, links hard words to the word list, and splits
// sentences with ICU.
class SentenceMaker {
 public:
  SentenceMaker(const markup::Document& notes, const std::string& lang);

  Sentences sentences(const markup::Paragraph& paragraph) const;

 private:
  const markup::Document& notes_;
  text::Segmenter segmenter_;
  text::LineIndex lines_;
  markup::WordFinder words_;
};

// Finds (or chooses) each picture once, each distinct picture stored once.
class PictureTable {
 public:
  // Starts reading the picture files the notes name (photos) on another
  // thread, so that they are decoded while this one finds the symbols.
  PictureTable(symbols::Library& library, const markup::Document& notes, const symbols::GivenPictures& given,
               const style::Template& look, const PictureRead& on_read, std::vector<Picture>& pictures,
               Diagnostics& diags);

  // `text` lets the tool choose a picture when the author gave none.
  PictureUse resolve(const markup::PictureRef& ref, const markup::Paragraph* text, Span where);
  bool uses_openmoji() const { return uses_openmoji_; }

 private:
  symbols::Library& library_;
  symbols::Suggester suggester_;  // one idea, one picture, all through the document
  const markup::Document& notes_;
  symbols::GivenPictures given_;
  std::vector<Picture>& pictures_;
  Diagnostics& diags_;
  std::map<std::string, int> by_key_;
  bool uses_openmoji_ = false;
  // A picture file read ahead: the attribute that names it first, its
  // largest size on the page (points), and its reading.
  struct Ahead {
    const markup::PictureRef* ref;
    double largest_points;
    std::promise<symbols::Library::ReadAhead> promise;
    std::future<symbols::Library::ReadAhead> reading;
  };
  std::vector<Ahead> ahead_;  // never resized while reader_ runs
  std::jthread reader_;       // declared last, so it stops and ends first
};

// A stable id for links to a word list entry: "word-care-pathway".
std::string anchor_for(const std::string& term, const std::vector<WordEntry>& earlier);

}  // namespace easyread::content::detail
