// PNG written directly with zlib. libpng's writer took most of a web page's
// build time, and most of a Word file's. libdeflate adds up the checksums:
// zlib's own adler32 took a fifth of the time of packing a drawing.
#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>

#include "raster/raster.hpp"

namespace easyread::raster {
namespace {

void put32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void chunk(std::string& out, const char* type, const char* data, std::size_t size) {
  put32(out, static_cast<std::uint32_t>(size));
  const std::size_t start = out.size();
  out += type;
  out.append(data, size);
  put32(out, libdeflate_crc32(0, out.data() + start, out.size() - start));
}

// Each row of a PNG with the filter that leaves the smaller differences
// (libpng's rule of thumb): "up" suits smooth photos, "sub" flat drawings.
// Paeth, tried too, saved under 1% and took a tenth of the page's time.
// `row` bytes a line, `step` bytes a pixel; above the first row are zeros.
void filter_row(const std::uint8_t* line, const std::uint8_t* above, std::size_t row, std::size_t step,
                std::uint8_t* to) {
  auto cost = [](int difference) { return std::uint32_t(std::abs(static_cast<std::int8_t>(difference))); };
  const std::size_t start = std::min(step, row);
  std::uint8_t* out = to + 1;
  if (std::memcmp(line, above, row) == 0) {  // the same as the row above (a clear margin): all zeros
    to[0] = 2;
    std::memset(out, 0, row);
    return;
  }
  std::uint64_t sub = 0, up = 0;
  for (std::size_t x = 0; x < row; ++x) up += cost(line[x] - above[x]);
  // "sub" only wins if it costs less than "up": stop counting once it does not.
  for (std::size_t x = 0; x < start; ++x) sub += cost(line[x]);
  for (std::size_t x = start; x < row && sub < up; ++x) sub += cost(line[x] - line[x - step]);
  if (up <= sub) {
    to[0] = 2;
    for (std::size_t x = 0; x < row; ++x) out[x] = static_cast<std::uint8_t>(line[x] - above[x]);
  } else {
    to[0] = 1;
    for (std::size_t x = 0; x < start; ++x) out[x] = line[x];
    for (std::size_t x = start; x < row; ++x) out[x] = static_cast<std::uint8_t>(line[x] - line[x - step]);
  }
}

// How zlib packs the rows. Filtered photo rows are mostly runs of one byte,
// and looking only for those (Z_RLE) packs them as small as zlib's usual
// search, in a third of the time. Unfiltered drawings need the row above:
// level 3 is zlib's fastest search that finds it well. (libdeflate's own
// packing was tried: it took 40% more processor time than zlib here, though
// fewer instructions.)
struct Packing {
  int level, strategy;
};
constexpr Packing kFilteredRows{Z_DEFAULT_COMPRESSION, Z_RLE};
constexpr Packing kDrawingRows{3, Z_DEFAULT_STRATEGY};

// Rows as a PNG's IDAT holds them before packing: each row's filter type,
// then its bytes. Not filled with zeros first, as every byte is written.
class Rows {
 public:
  Rows(std::size_t row_bytes, std::size_t rows)
      : row_(row_bytes), height_(rows), bytes_(std::make_unique_for_overwrite<std::uint8_t[]>(size())) {}
  std::uint8_t* line(std::size_t y) { return bytes_.get() + y * (row_ + 1); }
  const std::uint8_t* data() const { return bytes_.get(); }
  std::size_t size() const { return (row_ + 1) * height_; }

 private:
  std::size_t row_, height_;  // bytes a row (without the filter type), rows
  std::unique_ptr<std::uint8_t[]> bytes_;
};

// The zlib stream of `rows` (what a PNG's IDAT holds), made as zlib makes
// it: its two-byte header, the raw deflate data, then the Adler-32 checksum,
// which libdeflate adds up several times faster. Empty if packing fails.
std::string zlib_stream(const Rows& rows, Packing packing) {
  if (rows.size() > std::numeric_limits<uInt>::max() / 2) return {};  // zlib counts in 32 bits
  z_stream stream{};
  if (deflateInit2(&stream, packing.level, Z_DEFLATED, -15, 8, packing.strategy) != Z_OK) return {};  // raw
  const std::size_t bound = deflateBound(&stream, static_cast<uLong>(rows.size()));
  std::string packed(bound + 6, '\0');
  // The header: deflate with a 32 KB window, the level as zlib rates it, and
  // a check that makes it a multiple of 31.
  const bool fastest = packing.strategy >= Z_HUFFMAN_ONLY || (packing.level >= 0 && packing.level < 2);
  const int level_rate = fastest ? 0 : packing.level >= 0 && packing.level < 6 ? 1 : packing.level > 6 ? 3 : 2;
  unsigned header = 0x7800u | unsigned(level_rate << 6);
  header += 31 - header % 31;
  packed[0] = static_cast<char>(header >> 8), packed[1] = static_cast<char>(header & 0xFF);
  stream.next_in = const_cast<Bytef*>(rows.data());
  stream.avail_in = static_cast<uInt>(rows.size());
  stream.next_out = reinterpret_cast<Bytef*>(packed.data() + 2);
  stream.avail_out = static_cast<uInt>(bound);
  const bool whole = deflate(&stream, Z_FINISH) == Z_STREAM_END;
  const std::size_t size = 2 + stream.total_out;
  deflateEnd(&stream);
  if (!whole) return {};
  packed.resize(size);
  put32(packed, libdeflate_adler32(1, rows.data(), rows.size()));
  return packed;
}

// The whole PNG file of `rows`, with `colour_type` as PNG numbers it.
// Empty if packing fails.
std::string png_file(const Rows& rows, int width, int height, char colour_type, Packing packing) {
  const std::string packed = zlib_stream(rows, packing);
  if (packed.empty()) return {};
  std::string header;
  put32(header, static_cast<std::uint32_t>(width));
  put32(header, static_cast<std::uint32_t>(height));
  header += '\x08';
  header += colour_type;
  header.append(3, '\0');  // deflate, PNG's filters ("none" is one), no interlace
  std::string out = "\x89PNG\r\n\x1a\n";
  chunk(out, "IHDR", header.data(), header.size());
  chunk(out, "IDAT", packed.data(), packed.size());
  chunk(out, "IEND", "", 0);
  return out;
}

// The bytes R, G, B, A (in memory order, as one word) of one of cairo's
// premultiplied ARGB words (native byte order).
std::uint32_t straight_rgba(std::uint32_t word) {
  const std::uint32_t a = word >> 24;
  std::uint32_t r = (word >> 16) & 0xFF, g = (word >> 8) & 0xFF, b = word & 0xFF;
  if (a != 0 && a != 255) r = (r * 255 + a / 2) / a, g = (g * 255 + a / 2) / a, b = (b * 255 + a / 2) / a;
  if constexpr (std::endian::native == std::endian::little) return a << 24 | b << 16 | g << 8 | r;
  return r << 24 | g << 16 | b << 8 | a;
}

// One row of a drawing as straight RGBA bytes. Most of its pixels are clear
// or solid, which need their bytes moved but no dividing: eight at a time,
// with no branch inside, so that the compiler uses vector instructions.
void straight_rgba_row(const std::uint32_t* argb, std::size_t width, std::uint8_t* to) {
  constexpr std::size_t kBlock = 8;
  std::uint32_t words[kBlock];
  std::size_t x = 0;
  for (; x + kBlock <= width; x += kBlock) {
    std::uint32_t part_clear = 0;  // not 0 if an alpha is from 1 to 254
    for (std::size_t i = 0; i < kBlock; ++i) {
      const std::uint32_t w = argb[x + i];  // alpha 0 (all zero) or 255: only the bytes move
      part_clear |= std::uint32_t((w >> 24) - 1 < 254);
      if constexpr (std::endian::native == std::endian::little)
        words[i] = (w & 0xFF00FF00) | ((w >> 16) & 0xFF) | ((w & 0xFF) << 16);
      else
        words[i] = (w << 8) | (w >> 24);
    }
    if (part_clear)
      for (std::size_t i = 0; i < kBlock; ++i) words[i] = straight_rgba(argb[x + i]);
    std::memcpy(to + x * 4, words, sizeof words);
  }
  for (; x < width; ++x) {
    const std::uint32_t word = straight_rgba(argb[x]);
    std::memcpy(to + x * 4, &word, sizeof word);
  }
}

}  // namespace

std::string png_bytes(const Pixels& image) {
  const int width = image.width, height = image.height, channels = image.channels;
  const std::uint8_t* pixels = image.data.data();
  if (image.data.empty()) return {};
  const std::size_t row = std::size_t(width) * std::size_t(channels);
  Rows rows(row, std::size_t(height));
  const std::vector<std::uint8_t> zeros(row);
  for (std::size_t y = 0; y < std::size_t(height); ++y)
    filter_row(pixels + y * row, y == 0 ? zeros.data() : pixels + (y - 1) * row, row, std::size_t(channels),
               rows.line(y));
  const char colour_type = image.alpha ? (channels == 2 ? '\x04' : '\x06') : (channels == 1 ? '\x00' : '\x02');
  return png_file(rows, width, height, colour_type, kFilteredRows);
}

std::string drawing_png_bytes(const std::vector<std::uint32_t>& argb, int width, int height) {
  if (width <= 0 || height <= 0 || argb.size() != std::size_t(width) * std::size_t(height)) return {};
  Rows rows(std::size_t(width) * 4, std::size_t(height));
  for (std::size_t y = 0; y < std::size_t(height); ++y) {
    std::uint8_t* line = rows.line(y);
    line[0] = 0;  // no filter
    straight_rgba_row(argb.data() + y * std::size_t(width), std::size_t(width), line + 1);
  }
  return png_file(rows, width, height, '\x06', kDrawingRows);  // RGBA
}

}  // namespace easyread::raster
