// UTF-8 decoding for the PDF writer (fonts need code points, PDF strings
// need UTF-16).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace easyread::pdf {

// The code points of `text`; each invalid byte becomes U+FFFD.
std::vector<char32_t> decode_utf8(std::string_view text);

// UTF-16 big endian with a byte order mark, as PDF text strings want.
std::string utf16be_with_bom(std::string_view utf8);

}  // namespace easyread::pdf
