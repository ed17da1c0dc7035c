// word/document.xml: the cover, the sections as tables of rows, the word
// list and the closing lines, with the page set-up.
#pragma once
#include <string>

#include "base/deadline.hpp"
#include "base/diagnostic.hpp"
#include "content/content.hpp"
#include "style/style.hpp"
#include "word/package.hpp"
#include "word/xml.hpp"

namespace easyread::word {

class Resources;

struct BodyResult {
  std::string xml;
  bool ok = true;
};

// Writes document.xml. Pictures are added to `package` under word/media/
// (each distinct picture once) and to `relations`, with the footer's
// relationship already in it as `footer_relation`.
BodyResult write_body(const content::Document& doc, const style::Template& look, Package& package,
                      Relations& relations, const std::string& footer_relation, Resources& cache,
                      const std::string& file, Diagnostics& diags, Deadline deadline = {});

}  // namespace easyread::word
