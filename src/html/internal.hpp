// Pieces of the web page writer (private to src/html).
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/graphics.hpp"
#include "html/html.hpp"

namespace easyread::html {

// Text made safe for HTML text and attribute values.
void append_escaped(std::string& out, std::string_view text);
std::string escaped(std::string_view text);

// Standard base64 (RFC 4648), for data: addresses.
std::string base64(std::string_view bytes);

// A number with at most `decimals` places and no trailing zeros ("12.5", "3").
std::string number(double value, int decimals = 2);

// "#1B3A5C".
std::string hex_color(const Color& c);

// CSS pixels for a length in points (96 px to 72 pt).
inline double px(double points) { return points * 96.0 / 72.0; }

// The characters of UTF-8 text, added to `codes`.
void collect_codes(std::string_view utf8, std::set<char32_t>& codes);

// CSS classes for the paint of symbol shapes: OpenMoji's black outline is
// one short class name instead of six attributes on hundreds of paths.
class PaintClasses {
 public:
  // The class for these CSS declarations, made on first use.
  std::string name(const std::string& paint);
  // A rule for every class, in the order they were made.
  std::string style_sheet() const;

 private:
  std::map<std::string, std::size_t> classes_;
  std::vector<std::string> order_;
};

// One vector picture as an SVG <symbol id="ID">, with its clip paths inside.
std::string svg_symbol(const Drawing& drawing, const std::string& id, PaintClasses& classes);

// Pixels on a photo's longer side when it is shown at most `points` large.
int photo_pixels(double points);

// A photo as a data: address, turned upright as its EXIF orientation says,
// and made smaller when its longer side has more than `longest` pixels (0:
// any size). Empty if it cannot be encoded.
std::string photo_data_url(const RasterImage& image, int longest);

// An @font-face rule for `family` with the subset of `path` that holds
// `codes`, packed as WOFF. Empty (and an error in diags) if the font will not load.
std::string font_face(const std::string& family, bool bold, const std::string& path,
                      const std::set<char32_t>& codes, const std::string& file, Diagnostics& diags);

// The style sheet for the template (without @font-face rules).
std::string style_sheet(const style::Template& look);

// The read-aloud script (plain ES2017, no outside files).
std::string_view speech_script();

}  // namespace easyread::html
