// The web page: turns the content tree (the same one the PDF reads) into one
// self-contained, accessible HTML5 file that looks like the PDF. Styles,
// fonts, symbols and photos are inside the file; no script is needed to read
// it, and the only script (read aloud) sends nothing anywhere.
#pragma once
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <utility>

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

// Photos packed for the page while the content tree is still being made:
// give picture_read() to content::build, then this to render() in Options.
// Each photo is packed on a thread of its own from the moment it is read.
class EarlyPhotos {
 public:
  EarlyPhotos() = default;
  EarlyPhotos(const EarlyPhotos&) = delete;
  EarlyPhotos& operator=(const EarlyPhotos&) = delete;
  ~EarlyPhotos();  // waits for any packing still going on

  content::PictureRead picture_read();
  // The data: address of the photo with this key, packed for `longest`
  // pixels, to wait for; not valid() if it is not packed so.
  std::future<std::string> take(const std::string& key, int longest);

 private:
  void add(const Picture& picture, double largest_points);
  std::mutex lock_;  // add() runs on the content stage's reading thread
  std::map<std::pair<std::string, int>, std::future<std::string>> packing_;
};

struct Options {
  style::Template look;  // the same template file as the PDF
  FontFiles fonts;
  SpeechLabels speech;
  Deadline deadline = {};  // checked once a row; past it, render() throws OutOfTime
  EarlyPhotos* early_photos = nullptr;  // photos packed ahead, if any
};

// The page's bytes. The same document and options always give the same
// bytes. Returns an empty string after adding errors to `diags` (`file`
// names the notes in them), for example when a font will not load.
std::string render(const content::Document& doc, const Options& options, const std::string& file,
                   Diagnostics& diags);

}  // namespace easyread::html
