// Pipeline: the stages in order for one document, from read notes to what a
// writer needs: the template and strings (style), what to show (content) and,
// for paged output, where it goes (layout).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "content/content.hpp"
#include "layout/layout.hpp"
#include "style/style.hpp"

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
  // Folders, besides the notes' own folder and data_home, from which a
  // document may read its template (--allow-folder).
  std::vector<std::string> allowed_folders;
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

}  // namespace easyread::pipeline
