// RAII ownership of a libharu document, and the small helpers that build
// PDF objects with libharu's internal object API. Private to src/pdf.
#pragma once
#include <hpdf.h>

#include <string>
#include <string_view>

#include "base/diagnostic.hpp"

namespace easyread::pdf {

// Collects libharu errors; libharu calls `on_error` from C, so nothing
// may throw across it.
struct ErrorSink {
  std::string file;
  Diagnostics* diags = nullptr;
  int count = 0;
};

// Owns one HPDF_Doc. Not copyable; the document dies with the handle.
class PdfHandle {
 public:
  explicit PdfHandle(ErrorSink& sink);
  ~PdfHandle();
  PdfHandle(const PdfHandle&) = delete;
  PdfHandle& operator=(const PdfHandle&) = delete;

  HPDF_Doc get() const { return doc_; }
  HPDF_MMgr mmgr() const { return doc_->mmgr; }
  HPDF_Xref xref() const { return doc_->xref; }
  bool ok() const { return doc_ != nullptr && sink_.count == 0; }

  // A new dictionary, written as its own object (so others refer to it).
  HPDF_Dict new_indirect_dict() const;
  // A new stream object; `compress` chooses the Flate filter.
  HPDF_Dict new_stream(bool compress) const;
  // The whole file, as bytes.
  std::string save() const;

 private:
  ErrorSink& sink_;
  HPDF_Doc doc_ = nullptr;
};

// A PDF text string holding any Unicode text: UTF-16BE with a byte order
// mark, written in hex. Invalid UTF-8 becomes U+FFFD.
HPDF_Binary text_string(HPDF_MMgr mmgr, std::string_view utf8);
// A PDF string of plain ASCII bytes, such as a language tag.
HPDF_String ascii_string(HPDF_MMgr mmgr, std::string_view ascii);

// True if the dictionary has this key (asking libharu for a missing or
// differently typed key would record an error).
bool has_key(HPDF_Dict dict, const char* key);

// Writes a number the short way ("12.5", "0", "-3.25"), at most 4 decimals,
// rounded as printf's "%.4f" rounds; not finite numbers become "0".
std::string pdf_number(double value);
// The same, appended to `out` (no temporary strings: drawings have
// thousands of numbers).
void append_number(std::string& out, double value);

// Appends raw bytes to a libharu stream.
void write_raw(HPDF_Stream stream, std::string_view text);
// A libharu memory stream's data as one string (libharu keeps it in
// fixed-size blocks).
std::string stream_bytes(HPDF_Stream stream);

}  // namespace easyread::pdf
