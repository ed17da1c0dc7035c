// Helpers for the PDF writer's tests: sample documents, a temporary
// folder, and running poppler/qpdf on the result.
#pragma once
#include <string>
#include <vector>

#include "layout/layout.hpp"

namespace pdftest {

inline const std::string andika_regular = "/usr/share/fonts/truetype/andika/Andika-Regular.ttf";
inline const std::string andika_bold = "/usr/share/fonts/truetype/andika/Andika-Bold.ttf";

// A folder under the temporary folder, removed with everything in it
// (kept when PDFTEST_KEEP is set, to look at the files by hand).
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  // Writes bytes to a file in this folder and returns its path.
  std::string write(const std::string& name, const std::string& bytes) const;

 private:
  std::string path_;
};

struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs a shell command; stdout and stderr are kept apart.
CommandResult run(const std::string& command);

// Wraps a path in single quotes for the shell.
std::string quoted(const std::string& path);

// A one-page document: a heading in bold, two lines of text in a
// paragraph, and a coloured band behind the heading (decoration).
easyread::layout::Document text_document();

// Renders and fails the test on any error diagnostic.
std::string render_ok(const easyread::layout::Document& doc);

// The words pdftotext finds, with their boxes (top-down coordinates).
struct Word {
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  std::string text;
};
std::vector<Word> words_of(const std::string& pdf_path);

// Advance width in points of UTF-8 `text`, summed glyph by glyph with
// HarfBuzz (no kerning, as the PDF writer draws it).
double advance_width(const std::string& font_path, const std::string& text, double size);
// The font's ascent and descent as fractions of the size (descent < 0).
std::pair<double, double> ascent_descent(const std::string& font_path);

}  // namespace pdftest
