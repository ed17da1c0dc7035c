// The PDF writer: turns a laid-out document into the bytes of a tagged PDF,
// using libharu. Nothing outside this folder touches libharu.
#pragma once
#include <memory>
#include <string>

#include "base/deadline.hpp"
#include "base/diagnostic.hpp"
#include "layout/layout.hpp"

namespace easyread::pdf {

// The catalogue's symbols made ready for a PDF (their drawing operators,
// compressed) the first time a document uses them, and kept for every later
// document. Only the catalogue's own symbols: never a person's pictures.
// Safe to share between threads.
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

// Returns the PDF file's bytes, or an empty string after adding errors to
// `diags`. The same document always gives the same bytes, with or without
// `kept` (symbols made ready by earlier documents).
// Past `deadline` (checked once a page) it throws OutOfTime.
std::string render(const layout::Document& doc, const std::string& file, Diagnostics& diags,
                   Resources* kept = nullptr, Deadline deadline = {});

}  // namespace easyread::pdf
