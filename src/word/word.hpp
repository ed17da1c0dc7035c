// The Word writer: turns a document's content tree into a .docx file that
// Word and LibreOffice open and that people can still edit (named styles,
// real lists, a table row per picture and its sentences).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "base/deadline.hpp"
#include "base/diagnostic.hpp"
#include "content/content.hpp"
#include "style/style.hpp"

namespace easyread::word {

// A font file to embed, as found for the template.
struct FontFile {
  std::string family;
  bool bold = false;
  std::string path;
};

// Picture fallbacks drawn once per process: a symbol used in many documents
// is turned into PNG only the first time. Safe to share between threads.
class Resources {
 public:
  Resources();
  ~Resources();
  Resources(const Resources&) = delete;
  Resources& operator=(const Resources&) = delete;

  struct Impl;
  Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Returns the .docx file's bytes, or an empty string after adding errors to
// `diags`. The same document always gives the same bytes. `file` names the
// output in messages. Past `deadline` (checked once a row) it throws OutOfTime.
std::string write(const content::Document& doc, const style::Template& look,
                  const std::vector<FontFile>& fonts, Resources& cache, const std::string& file,
                  Diagnostics& diags, Deadline deadline = {});

}  // namespace easyread::word
