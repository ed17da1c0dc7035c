// The web page: turns the content tree (the same one the PDF reads) into one
// self-contained, accessible HTML5 file that looks like the PDF. Styles,
// fonts, symbols and photos are inside the file; no script is needed to read
// it, and the only script (read aloud) sends nothing anywhere.
#pragma once
#include <string>

#include "base/deadline.hpp"
#include "base/diagnostic.hpp"
#include "content/content.hpp"
#include "style/style.hpp"

namespace easyread::html {

// The TrueType files of the template's fonts, as the PDF uses them. An empty
// path leaves that face to the reader's browser.
struct FontFiles {
  std::string body;       // regular
  std::string body_bold;  // bold words and hard words
  std::string heading;    // bold, for the title and section headings
};

// The words on the read-aloud buttons, in the document's language.
struct SpeechLabels {
  std::string listen = "Listen";          // beside each row
  std::string listen_all = "Listen to all of it";
  std::string stop = "Stop";
};

struct Options {
  style::Template look;  // the same template file as the PDF
  FontFiles fonts;
  SpeechLabels speech;
  Deadline deadline = {};  // checked once a row; past it, render() throws OutOfTime
};

// The page's bytes. The same document and options always give the same
// bytes. Returns an empty string after adding errors to `diags` (`file`
// names the notes in them), for example when a font will not load.
std::string render(const content::Document& doc, const Options& options, const std::string& file,
                   Diagnostics& diags);

}  // namespace easyread::html
