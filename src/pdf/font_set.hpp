// The document's fonts: subset with HarfBuzz, embedded by libharu, then
// repaired (valid ToUnicode map, CapHeight) so text can be read back.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "layout/layout.hpp"
#include "pdf/hpdf_handle.hpp"

namespace easyread::pdf {

// A file in the temporary folder, deleted when this object dies.
class TempFile {
 public:
  TempFile() = default;
  ~TempFile();
  TempFile(TempFile&& other) noexcept;
  TempFile& operator=(TempFile&& other) noexcept;
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  // Creates the file with these bytes; false if that fails.
  bool create(const std::string& prefix, const char* data, std::size_t size);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class FontSet {
 public:
  // Subsets and loads every font that some TextItem uses. Characters the
  // PDF cannot show become warnings. Returns false after an error.
  bool load(const PdfHandle& pdf, const layout::Document& doc, const std::string& file,
            Diagnostics& diags);
  // The libharu font for Document::fonts[index], or null if unused.
  HPDF_Font font(int index) const;
  // Call once after all drawing, before saving: writes the font
  // descriptors now and replaces libharu's broken ToUnicode maps.
  void finish(const PdfHandle& pdf);

 private:
  struct Entry {
    HPDF_Font font = nullptr;
    std::set<char32_t> used;  // code points drawn in this font
    TempFile subset;          // libharu reads it again when saving
  };
  std::vector<Entry> entries_;
};

}  // namespace easyread::pdf
