// Fonts inside the page: the same HarfBuzz subset as the PDF, packed as
// WOFF2 (Brotli) and written as a data: address.
#include <woff2/encode.h>

#include "html/internal.hpp"
#include "layout/font_subset.hpp"

namespace easyread::html {
namespace {

// Brotli's best quality (11) took tens of milliseconds a font; 9 makes
// files a few per cent bigger in a fraction of the time.
constexpr int kBrotliQuality = 9;

std::string woff2(const std::string& ttf) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(ttf.data());
  std::size_t size = woff2::MaxWOFF2CompressedSize(data, ttf.size());
  std::string out(size, '\0');
  woff2::WOFF2Params params;
  params.brotli_quality = kBrotliQuality;
  if (!woff2::ConvertTTFToWOFF2(data, ttf.size(), reinterpret_cast<std::uint8_t*>(out.data()), &size, params))
    return {};
  out.resize(size);
  return out;
}

}  // namespace

std::string font_face(const std::string& family, bool bold, const std::string& path,
                      const std::set<char32_t>& codes, const std::string& file, Diagnostics& diags) {
  const std::optional<std::string> subset = layout::subset_font(path, codes);
  const std::string packed = subset ? woff2(*subset) : std::string();
  if (packed.empty()) {
    diags.error(file, {}, "web-font", "The font file " + path + " will not work in a web page.",
                "Choose a TrueType font: its file name usually ends in .ttf.");
    return {};
  }
  return "@font-face{font-family:" + family + ";font-weight:" + (bold ? "700" : "400") +
         ";font-display:block;src:url(data:font/woff2;base64," + base64(packed) + ") format(\"woff2\")}\n";
}

}  // namespace easyread::html
