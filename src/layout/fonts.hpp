// Fonts for layout: finds TrueType files by family name (the project's fonts/
// folder first, then installed fonts through fontconfig) and measures text
// the same way the PDF writer draws it.
#pragma once
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "layout/layout.hpp"

struct _FcConfig;

namespace easyread::layout {

class FontSet {
 public:
  explicit FontSet(std::string data_home);
  ~FontSet();
  FontSet(FontSet&&) noexcept;
  FontSet& operator=(FontSet&&) noexcept;

  // The font's index, loading it on first use; -1 after an error if it cannot be found.
  int find(const std::string& family, bool bold, const std::string& file, Diagnostics& diags);

  // Advance width of `utf8` at `size` points, as libharu measures it (whole
  // thousandths of an em per character, no kerning).
  double width(int font, std::string_view utf8, double size) const;
  bool has_glyph(int font, char32_t code_point) const;
  double ascender(int font) const;   // per point of size
  double descender(int font) const;  // negative, per point of size
  double cap_height(int font) const; // per point of size

  const std::vector<FontFile>& files() const;

 private:
  struct Face;
  struct ConfigCloser {
    void operator()(_FcConfig* c) const;
  };
  std::string data_home_;
  std::unique_ptr<_FcConfig, ConfigCloser> quick_fontconfig_;  // standard folders only
  std::unique_ptr<_FcConfig, ConfigCloser> fontconfig_;        // the system's full set-up
  std::vector<std::unique_ptr<Face>> faces_;
  std::vector<FontFile> files_;
};

}  // namespace easyread::layout
