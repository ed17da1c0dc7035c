#include "pdf/utf8.hpp"

#include "text/text.hpp"

namespace easyread::pdf {

namespace {

void put_unit(std::string& out, unsigned unit) {
  out.push_back(static_cast<char>((unit >> 8) & 0xFF));
  out.push_back(static_cast<char>(unit & 0xFF));
}

}  // namespace

std::vector<char32_t> decode_utf8(std::string_view text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) out.push_back(text::next_code_point(text, i));
  return out;
}

std::string utf16be_with_bom(std::string_view utf8) {
  std::string out = "\xFE\xFF";
  for (char32_t cp : decode_utf8(utf8)) {
    if (cp >= 0x10000) {
      const char32_t v = cp - 0x10000;
      put_unit(out, 0xD800 + (v >> 10));
      put_unit(out, 0xDC00 + (v & 0x3FF));
    } else {
      put_unit(out, cp);
    }
  }
  return out;
}

}  // namespace easyread::pdf
