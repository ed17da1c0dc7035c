// Small text helpers for the web page writer.
#include <algorithm>
#include <cmath>
#include <charconv>
#include <system_error>

#include "html/internal.hpp"
#include "text/text.hpp"

namespace easyread::html {

void append_escaped(std::string& out, std::string_view text) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      default: continue;
    }
    out.append(text.substr(start, i - start));
    out += entity;
    start = i + 1;
  }
  out.append(text.substr(start));
}

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text);
  return out;
}

std::string base64(std::string_view bytes) {
  static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  auto byte = [&](std::size_t at) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[at])); };
  for (; i + 3 <= bytes.size(); i += 3) {
    const unsigned v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    out += kDigits[v >> 18];
    out += kDigits[(v >> 12) & 63];
    out += kDigits[(v >> 6) & 63];
    out += kDigits[v & 63];
  }
  if (const std::size_t left = bytes.size() - i; left > 0) {
    const unsigned v = byte(i) << 16 | (left == 2 ? byte(i + 1) << 8 : 0u);
    out += kDigits[v >> 18];
    out += kDigits[(v >> 12) & 63];
    out += left == 2 ? kDigits[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string number(double value, int decimals) {
  if (!std::isfinite(value)) return "0";
  // to_chars writes what printf's "%.*f" writes, without reading the locale.
  char text[400];  // the longest double written in full, with its decimals
  const auto written = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, decimals);
  if (written.ec != std::errc()) return "0";
  std::string out(text, written.ptr);
  if (out.find('.') != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  if (out == "-0") out = "0";
  // "0.5" is written ".5": symbols hold thousands of numbers.
  if (out.starts_with("0.")) out.erase(0, 1);
  else if (out.starts_with("-0.")) out.erase(1, 1);
  return out;
}

std::string hex_color(const Color& c) {
  auto channel = [](double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "#";
  for (const unsigned v : {channel(c.r), channel(c.g), channel(c.b)}) {
    out += kHex[v >> 4];
    out += kHex[v & 15];
  }
  return out;
}

void collect_codes(std::string_view utf8, std::set<char32_t>& codes) {
  for (std::size_t pos = 0; pos < utf8.size();) codes.insert(text::next_code_point(utf8, pos));
}

}  // namespace easyread::html
