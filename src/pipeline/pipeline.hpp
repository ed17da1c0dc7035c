// Pipeline: the stages in order for one document, from read notes to what a
// writer needs: the template and strings (style), what to show (content) and,
// for paged output, where it goes (layout).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "content/content.hpp"
#include "layout/layout.hpp"
#include "style/style.hpp"
#include "symbols/symbols.hpp"
#include "word/word.hpp"

namespace easyread::markup {
struct Document;
}
namespace easyread::symbols {
class Library;
}

namespace easyread::pipeline {

struct Options {
  std::string data_home;      // where templates/, fonts/ and symbols/ are
  std::string template_name;  // overrides the document's own choice when not empty
  symbols::GivenPictures pictures = {};  // picture files given as bytes (a server's), and whether the disk may be read
  // Folders, besides the notes' own folder and data_home, from which a
  // document may read its template (--allow-folder).
  std::vector<std::string> allowed_folders = {};
  // Asked after the content is made, before the layout or the writer: true
  // stops the build (a server's deadline; it says why in the diagnostics).
  std::function<bool()> stop = {};
  // Checked inside the long loops (rows, pages): past it, the stages throw OutOfTime.
  Deadline deadline = {};
};

// A document's look and content, ready for any writer.
struct Prepared {
  style::Template look;
  content::Document content;
};

// Loads the template and strings and builds the content. Returns nullopt
// after adding errors to `diags`; notes (pictures chosen) and warnings may be
// added either way.
std::optional<Prepared> prepare(const markup::Document& notes, symbols::Library& library,
                                const Options& options, Diagnostics& diags);

// prepare(), then checks that the fonts can draw every character and lays
// the content out on pages.
std::optional<layout::Document> lay_out(const markup::Document& notes, symbols::Library& library,
                                        const Options& options, Diagnostics& diags);

// Whether a PDF file can hold the content (libharu stops at 32,767 parts of
// a section, items of a list, words of the word list) and then its pages; if
// not, an error that says where and what to do.
bool fits_in_pdf(const content::Document& doc, const std::string& file, Diagnostics& diags);
bool pages_fit_in_pdf(const layout::Document& doc, const std::string& file, Diagnostics& diags);

// prepare(), then checks the characters like lay_out() and writes a Word
// file with the template's fonts in it. Returns the bytes, or nullopt after
// adding errors to `diags`. `resources` keeps drawn pictures between calls.
std::optional<std::string> write_word(const markup::Document& notes, symbols::Library& library,
                                      const Options& options, word::Resources& resources,
                                      const std::string& file, Diagnostics& diags);
// prepare(), then checks the characters like lay_out() and writes the web
// page, with the same fonts as the PDF cut down inside it. Returns the bytes,
// or nullopt after adding errors to `diags` (`file` names the output in them).
std::optional<std::string> web_page(const markup::Document& notes, symbols::Library& library,
                                    const Options& options, const std::string& file, Diagnostics& diags);

// The content of a contact sheet of pictures for `words` (every catalogue
// picture when there are none). Problems go to `diags`, about `file`.
content::Sheet make_sheet(symbols::Library& library, const std::vector<std::string>& words,
                          const std::string& file, const Options& options, Diagnostics& diags);

// Lays out a contact sheet; nullopt after adding errors to `diags`.
std::optional<layout::Document> lay_out_sheet(const content::Sheet& sheet, const Options& options,
                                              Diagnostics& diags);

}  // namespace easyread::pipeline
