// Fonts inside the page: the same HarfBuzz subset as the PDF, packed as
// WOFF 1.0 (each table a zlib stream) and written as a data: address.
// Debian's WOFF2 encoder prints a line on standard error for every font,
// which a command-line tool and a server cannot have.
#include <libdeflate.h>

#include <algorithm>
#include <cstdint>
#include <memory>

#include "html/internal.hpp"
#include "layout/font_subset.hpp"

namespace easyread::html {
namespace {

std::uint32_t read32(std::string_view b, std::size_t at) {
  return std::uint32_t(std::uint8_t(b[at])) << 24 | std::uint32_t(std::uint8_t(b[at + 1])) << 16 |
         std::uint32_t(std::uint8_t(b[at + 2])) << 8 | std::uint32_t(std::uint8_t(b[at + 3]));
}
std::uint16_t read16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(std::uint8_t(b[at]) << 8 | std::uint8_t(b[at + 1]));
}
void put32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}
void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>((v >> 8) & 0xFF);
  out += static_cast<char>(v & 0xFF);
}
std::uint32_t padded(std::uint32_t n) { return (n + 3) & ~3u; }

// The TrueType file as WOFF 1.0 (W3C), or empty if the file is not whole.
std::string woff(std::string_view ttf) {
  if (ttf.size() < 12) return {};
  const std::uint16_t count = read16(ttf, 4);
  if (ttf.size() < 12 + 16 * std::size_t(count)) return {};
  struct Table {
    std::uint32_t tag, checksum, length;
    std::string data;  // compressed when that is smaller
  };
  // WOFF packs each table as a zlib stream. libdeflate's level 6 packs these
  // small tables as well as zlib's best (20 bytes more for the 12-page
  // sample's page) in half the time, and the page waits for its fonts.
  const std::unique_ptr<libdeflate_compressor, void (*)(libdeflate_compressor*)> packer(
      libdeflate_alloc_compressor(6), libdeflate_free_compressor);
  if (!packer) return {};
  std::vector<Table> tables;
  std::uint32_t sfnt_size = 12 + 16 * std::uint32_t(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t record = 12 + 16 * i;
    const std::uint32_t offset = read32(ttf, record + 8), length = read32(ttf, record + 12);
    if (std::size_t(offset) + length > ttf.size()) return {};
    const std::string_view data = ttf.substr(offset, length);
    std::string packed(libdeflate_zlib_compress_bound(packer.get(), length), '\0');
    const std::size_t packed_size = libdeflate_zlib_compress(packer.get(), data.data(), length, packed.data(), packed.size());
    if (packed_size == 0) return {};  // cannot happen: the room is libdeflate's own bound
    packed.resize(packed_size);
    tables.push_back({read32(ttf, record), read32(ttf, record + 4), length,
                      packed.size() < length ? std::move(packed) : std::string(data)});
    sfnt_size += padded(length);
  }
  std::sort(tables.begin(), tables.end(), [](const Table& a, const Table& b) { return a.tag < b.tag; });
  std::uint32_t offset = 44 + 20 * std::uint32_t(count);
  std::string directory, body;
  for (const Table& t : tables) {
    put32(directory, t.tag);
    put32(directory, offset + std::uint32_t(body.size()));
    put32(directory, std::uint32_t(t.data.size()));
    put32(directory, t.length);
    put32(directory, t.checksum);
    body += t.data;
    body.append(padded(std::uint32_t(t.data.size())) - t.data.size(), '\0');
  }
  std::string out;
  put32(out, 0x774F4646);  // "wOFF"
  put32(out, read32(ttf, 0));
  put32(out, offset + std::uint32_t(body.size()));
  put16(out, count);
  put16(out, 0);
  put32(out, sfnt_size);
  put16(out, 1);  // the font's version, 1.0
  put16(out, 0);
  for (int i = 0; i < 5; ++i) put32(out, 0);  // no metadata, no private data
  return out + directory + body;
}

}  // namespace

std::string font_face(const std::string& family, bool bold, const std::string& path,
                      const std::set<char32_t>& codes, const std::string& file, Diagnostics& diags) {
  // Browsers draw fonts without hinting at the sizes an Easy Read page uses.
  const std::optional<std::string> subset = layout::subset_font(path, codes, false);
  const std::string packed = subset ? woff(*subset) : std::string();
  if (packed.empty()) {
    diags.error(file, {}, "web-font", "The font file " + path + " will not work in a web page.",
                "Choose a TrueType font: its file name usually ends in .ttf.");
    return {};
  }
  return "@font-face{font-family:" + family + ";font-weight:" + (bold ? "700" : "400") +
         ";font-display:block;src:url(data:font/woff;base64," + base64(packed) + ") format(\"woff\")}\n";
}

}  // namespace easyread::html
