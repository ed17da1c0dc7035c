// Helpers for the end-to-end tests: run a program, and read a PDF back with
// the poppler and qpdf command-line tools (words with their boxes, font sizes
// from the content streams, rendered pixels, fonts, document info).
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace e2e {

// ---- Running programs -------------------------------------------------------

struct CommandResult {
  int exit_code = -1;  // -1 when the program could not start or was killed
  std::string out;     // everything it wrote to standard output
  std::string err;     // everything it wrote to standard error
};

// Runs a program with its arguments (no shell, so no quoting troubles) and
// waits for it. `arguments[0]` is the program, found on PATH if it has no '/'.
CommandResult run_command(const std::vector<std::string>& arguments,
                          const std::filesystem::path& working_dir = {});

// Runs the easyread program built with these tests.
CommandResult run_easyread(const std::vector<std::string>& arguments,
                           const std::filesystem::path& working_dir = {});

// A fresh folder under the system's temporary folder, removed with all it
// holds when this object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Names of the files and folders directly in `dir`, sorted.
std::vector<std::string> list_dir(const std::filesystem::path& dir);
std::string read_bytes(const std::filesystem::path& file);

// The project's source tree (for samples, templates and test inputs).
std::filesystem::path source_dir();

// ---- Words and their boxes (pdftotext -bbox-layout) --------------------------

// A box in PDF points measured from the page's top-left corner, y down (as
// pdftotext reports it).
struct Box {
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  double height() const { return y_max - y_min; }
};

struct Word {
  int page = 0;   // from 1
  int line = 0;   // number of the <line> pdftotext put it in, over the whole file
  Box box;
  std::string text;
};

struct PageSize {
  double width = 0, height = 0;
};

struct TextLayout {
  std::vector<PageSize> pages;
  std::vector<Word> words;  // page by page, top to bottom, then left to right
  std::string warnings;     // what pdftotext wrote to standard error
};

TextLayout read_words(const std::filesystem::path& pdf);

// True when two words sit on the same line of text (same page, boxes overlap
// by more than half their height).
bool same_line(const Word& a, const Word& b);

// ---- Text drawing operators from the content streams -------------------------

// One text-showing operator (Tj, TJ, ' or ") with the font size in effect.
struct TextShow {
  int page = 0;        // from 1
  double size = 0;     // font size times the scaling of the text and graphics matrices
  double x = 0, y = 0; // start of the text in PDF points, y up from the bottom
  double red = 0, green = 0, blue = 0;  // fill colour (0 to 1) the text is painted in
};

// Reads every page's decoded content streams (qpdf in QDF mode).
std::vector<TextShow> read_text_shows(const std::filesystem::path& pdf);

// ---- Rendered pages (pdftoppm) ----------------------------------------------

// A rendered page: 1 channel (grey) or 3 channels (RGB), rows top to bottom.
struct Image {
  int width = 0, height = 0, channels = 1;
  std::vector<std::uint8_t> pixels;
  std::uint8_t at(int x, int y, int channel = 0) const {
    return pixels[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                   static_cast<std::size_t>(x)) * static_cast<std::size_t>(channels) +
                  static_cast<std::size_t>(channel)];
  }
};

// Renders every page at `dpi` (72 gives one pixel per point). Grey unless
// `colour` is true.
std::vector<Image> render_pages(const std::filesystem::path& pdf, int dpi, bool colour = false);

// ---- Fonts and document information -----------------------------------------

struct FontInfo {
  std::string name;
  bool embedded = false, subset = false, has_unicode_map = false;
};

std::vector<FontInfo> read_fonts(const std::filesystem::path& pdf);
// pdfinfo's "Key: value" lines.
std::map<std::string, std::string> read_info(const std::filesystem::path& pdf);
// The document catalog as qpdf prints it, e.g. "<< /Lang (en-GB) ... >>".
std::string read_catalog(const std::filesystem::path& pdf);
// The dc:language entry of the XMP metadata, if there is one.
std::optional<std::string> read_xmp_language(const std::filesystem::path& pdf);

// ---- Tagged structure (what a screen reader reads) ---------------------------

// An element of the structure tree with the text poppler finds inside it.
struct TaggedText {
  std::string role;  // "P", "H1", "LBody", ...
  std::string text;
};

// Elements that hold text, in the tree's reading order (pdfinfo -struct-text).
std::vector<TaggedText> read_tagged_text(const std::filesystem::path& pdf);

// The /Alt text of every Figure element, as UTF-8; empty when it has none.
std::vector<std::string> read_figure_alts(const std::filesystem::path& pdf);

}  // namespace e2e
