// Plain PNG pictures read with libdeflate: the chunks are checked, the
// IDAT data unpacked in one call, and each row's filter undone in place.
#include "symbols/png_plain.hpp"

#include <libdeflate.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace easyread::symbols::detail {
namespace {

std::uint32_t big_endian(const char* p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  return std::uint32_t(b[0]) << 24 | std::uint32_t(b[1]) << 16 | std::uint32_t(b[2]) << 8 | std::uint32_t(b[3]);
}

// Chunks that never change the pixels libpng's simplified reader gives for
// a plain PNG: text, time, pixel size, background (only used when alpha is
// taken away), EXIF, and sRGB (the colours it assumes anyway).
bool harmless(std::string_view type) {
  constexpr std::array<std::string_view, 8> kinds{"tEXt", "zTXt", "iTXt", "tIME", "pHYs", "bKGD", "eXIf", "sRGB"};
  for (std::string_view kind : kinds)
    if (type == kind) return true;
  return false;
}

struct Header {
  std::uint32_t width = 0, height = 0;
  std::size_t channels = 0;  // 1 grey, 2 grey and alpha, 3 RGB, 4 RGBA
};

// The header, if it is one this reader takes.
std::optional<Header> plain_header(std::string_view data) {
  if (data.size() != 13) return std::nullopt;
  Header h{big_endian(data.data()), big_endian(data.data() + 4), 0};
  const auto depth = static_cast<unsigned char>(data[8]), colour_type = static_cast<unsigned char>(data[9]);
  if (h.width == 0 || h.height == 0 || h.width > 0x7FFFFFFF || h.height > 0x7FFFFFFF || depth != 8) return std::nullopt;
  if (data[10] != 0 || data[11] != 0 || data[12] != 0) return std::nullopt;  // deflate, filters, no interlace
  switch (colour_type) {
    case 0: h.channels = 1; break;
    case 2: h.channels = 3; break;
    case 4: h.channels = 2; break;
    case 6: h.channels = 4; break;
    default: return std::nullopt;  // a palette
  }
  return h;
}

// The header and the IDAT data (joined), if every chunk is whole, has its
// right checksum, and is one this reader takes.
struct Chunks {
  Header header;
  std::string_view packed;  // the IDAT data
  std::string joined;       // holds it when there were several IDAT chunks
};

std::optional<Chunks> plain_chunks(std::string_view bytes) {
  constexpr std::string_view kSignature("\x89PNG\r\n\x1a\n", 8);
  if (!bytes.starts_with(kSignature)) return std::nullopt;
  Chunks out;
  bool have_header = false;
  int idat = 0;  // 0 none yet, 1 in the IDAT chunks, 2 after them
  std::vector<std::string_view> parts;
  for (std::size_t at = kSignature.size();;) {
    if (bytes.size() - at < 12) return std::nullopt;  // no IEND
    const std::uint32_t length = big_endian(bytes.data() + at);
    if (length > 0x7FFFFFFF || length > bytes.size() - at - 12) return std::nullopt;
    const std::string_view type = bytes.substr(at + 4, 4), data = bytes.substr(at + 8, length);
    const std::uint32_t crc = big_endian(bytes.data() + at + 8 + length);
    if (libdeflate_crc32(0, bytes.data() + at + 4, length + 4) != crc) return std::nullopt;
    at += 12 + std::size_t(length);
    if (!have_header) {
      auto header = type == "IHDR" ? plain_header(data) : std::nullopt;
      if (!header) return std::nullopt;
      out.header = *header;
      have_header = true;
    } else if (type == "IDAT") {
      if (idat == 2) return std::nullopt;
      idat = 1;
      parts.push_back(data);
    } else {
      if (idat == 1) idat = 2;
      if (type == "IEND") break;
      if (!harmless(type)) return std::nullopt;
    }
  }
  if (parts.empty()) return std::nullopt;
  if (parts.size() == 1) {
    out.packed = parts.front();
  } else {
    for (std::string_view part : parts) out.joined += part;
    out.packed = out.joined;
  }
  return out;
}

std::uint8_t paeth(int a, int b, int c) {
  const int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
  return static_cast<std::uint8_t>(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
}

// Undoes the filter `type` of one row of `size` bytes in place; `above` is
// the row above, already undone (zeros above the first). False for a filter
// PNG does not have.
template <std::size_t Step>
bool unfilter(std::uint8_t type, std::uint8_t* row, const std::uint8_t* above, std::size_t size) {
  switch (type) {
    case 0: return true;
    case 1:
      for (std::size_t x = Step; x < size; ++x) row[x] = std::uint8_t(row[x] + row[x - Step]);
      return true;
    case 2:
      for (std::size_t x = 0; x < size; ++x) row[x] = std::uint8_t(row[x] + above[x]);
      return true;
    case 3:
      for (std::size_t x = 0; x < Step; ++x) row[x] = std::uint8_t(row[x] + (above[x] >> 1));
      for (std::size_t x = Step; x < size; ++x) row[x] = std::uint8_t(row[x] + ((row[x - Step] + above[x]) >> 1));
      return true;
    case 4:
      for (std::size_t x = 0; x < Step; ++x) row[x] = std::uint8_t(row[x] + above[x]);
      for (std::size_t x = Step; x < size; ++x)
        row[x] = std::uint8_t(row[x] + paeth(row[x - Step], above[x], above[x - Step]));
      return true;
    default: return false;
  }
}

// Every row's filter undone, in the rows as unpacked (each after its filter byte).
template <std::size_t Step>
bool unfilter_rows(std::uint8_t* rows, std::size_t row_bytes, std::size_t height) {
  const std::vector<std::uint8_t> zeros(row_bytes);
  const std::uint8_t* above = zeros.data();
  for (std::size_t y = 0; y < height; ++y) {
    std::uint8_t* line = rows + y * (row_bytes + 1);
    if (!unfilter<Step>(line[0], line + 1, above, row_bytes)) return false;
    above = line + 1;
  }
  return true;
}

bool unfilter_rows(std::uint8_t* rows, std::size_t row_bytes, std::size_t height, std::size_t channels) {
  switch (channels) {
    case 1: return unfilter_rows<1>(rows, row_bytes, height);
    case 2: return unfilter_rows<2>(rows, row_bytes, height);
    case 3: return unfilter_rows<3>(rows, row_bytes, height);
    default: return unfilter_rows<4>(rows, row_bytes, height);
  }
}

// Colour samples and alpha apart, for each pixel of each row; whether any
// pixel is see-through.
template <std::size_t Colour>
bool split_rows(const std::uint8_t* rows, std::size_t width, std::size_t height, std::uint8_t* colour,
                std::uint8_t* alpha) {
  std::uint8_t all = 255;
  for (std::size_t y = 0; y < height; ++y) {
    const std::uint8_t* p = rows + y * (width * (Colour + 1) + 1) + 1;
    for (std::size_t x = 0; x < width; ++x, p += Colour + 1, colour += Colour) {
      for (std::size_t c = 0; c < Colour; ++c) colour[c] = p[c];
      *alpha++ = p[Colour];
      all &= p[Colour];
    }
  }
  return all != 255;
}

struct Decompressor {
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  ~Decompressor() {
    if (d) libdeflate_free_decompressor(d);
  }
  Decompressor() = default;
  Decompressor(const Decompressor&) = delete;
  Decompressor& operator=(const Decompressor&) = delete;
};

}  // namespace

std::optional<RasterImage> decode_plain_png(std::string_view bytes) {
  const auto chunks = plain_chunks(bytes);
  if (!chunks) return std::nullopt;
  const Header& h = chunks->header;
  const std::size_t width = h.width, height = h.height;
  if (width > (SIZE_MAX / 8) / h.channels / height) return std::nullopt;
  const std::size_t row_bytes = width * h.channels, size = (row_bytes + 1) * height;
  // Every byte is written by the unpacking, so it is not filled with zeros first.
  const auto rows = std::make_unique_for_overwrite<std::uint8_t[]>(size);
  Decompressor unpack;
  std::size_t used = 0, made = 0;
  if (!unpack.d || libdeflate_zlib_decompress_ex(unpack.d, chunks->packed.data(), chunks->packed.size(), rows.get(),
                                                 size, &used, &made) != LIBDEFLATE_SUCCESS ||
      used != chunks->packed.size() || made != size)
    return std::nullopt;
  if (!unfilter_rows(rows.get(), row_bytes, height, h.channels)) return std::nullopt;

  RasterImage out;
  out.encoding = RasterImage::Encoding::pixels;
  out.width = int(width);
  out.height = int(height);
  const bool alpha = h.channels == 2 || h.channels == 4;
  out.components = h.channels >= 3 ? 3 : 1;
  const std::size_t count = width * height;
  out.data.resize(count * std::size_t(out.components));
  if (!alpha) {
    for (std::size_t y = 0; y < height; ++y)
      std::memcpy(out.data.data() + y * row_bytes, rows.get() + y * (row_bytes + 1) + 1, row_bytes);
    return out;
  }
  out.alpha.resize(count);
  const bool see_through = out.components == 3
                               ? split_rows<3>(rows.get(), width, height, out.data.data(), out.alpha.data())
                               : split_rows<1>(rows.get(), width, height, out.data.data(), out.alpha.data());
  if (!see_through) out.alpha.clear();  // fully opaque: no mask needed
  return out;
}

}  // namespace easyread::symbols::detail
