// Plain PNG pictures read without libpng give the same pixels as libpng's
// simplified reader, for every filter and every kind of 8-bit pixel; any
// other PNG is left to libpng.
#include <png.h>
#include <zlib.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "symbols/png_plain.hpp"
#include "symbols/symbols.hpp"

using namespace easyread;

namespace {

void put32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void add_chunk(std::string& out, const std::string& type, const std::string& data) {
  put32(out, std::uint32_t(data.size()));
  const std::string body = type + data;
  out += body;
  put32(out, std::uint32_t(crc32(0, reinterpret_cast<const Bytef*>(body.data()), uInt(body.size()))));
}

std::uint8_t paeth(int a, int b, int c) {
  const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  return std::uint8_t(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
}

using Chunk = std::pair<std::string, std::string>;  // type, data

// A PNG of `width` x `height` made-up pixels with `channels` samples each,
// row y filtered with filter y % 5 (so every filter is used), with the extra
// chunks given before the pixels, and the pixel data split over two IDATs.
std::string made_png(int width, int height, int channels, const std::vector<Chunk>& extra = {}) {
  const std::size_t row = std::size_t(width) * std::size_t(channels);
  std::vector<std::uint8_t> pixels(row * std::size_t(height));
  std::uint32_t seed = 12345;
  for (std::size_t i = 0; i < pixels.size(); ++i) {
    seed = seed * 1103515245 + 12345;
    // Smooth with some noise, like a photo; alpha mostly solid.
    const std::size_t x = (i % row) / std::size_t(channels);
    pixels[i] = std::uint8_t(x * 3 + (seed >> 16) % 40);
  }
  std::string raw;
  for (std::size_t y = 0; y < std::size_t(height); ++y) {
    const std::uint8_t filter = std::uint8_t(y % 5);
    raw += char(filter);
    const std::uint8_t* line = &pixels[y * row];
    for (std::size_t x = 0; x < row; ++x) {
      const int a = x >= std::size_t(channels) ? line[x - std::size_t(channels)] : 0;
      const int b = y > 0 ? line[x - row] : 0;
      const int c = y > 0 && x >= std::size_t(channels) ? line[x - row - std::size_t(channels)] : 0;
      const int predicted = filter == 1 ? a : filter == 2 ? b : filter == 3 ? (a + b) / 2 : filter == 4 ? paeth(a, b, c) : 0;
      raw += char(std::uint8_t(line[x] - predicted));
    }
  }
  uLongf size = compressBound(uLong(raw.size()));
  std::string packed(size, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(packed.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
                    uLong(raw.size()), 6) == Z_OK);
  packed.resize(size);
  std::string header;
  put32(header, std::uint32_t(width));
  put32(header, std::uint32_t(height));
  const char colour_type = channels == 1 ? 0 : channels == 2 ? 4 : channels == 3 ? 2 : 6;
  header += std::string{'\x08', colour_type, '\0', '\0', '\0'};
  std::string png = "\x89PNG\r\n\x1a\n";
  add_chunk(png, "IHDR", header);
  for (const auto& [type, data] : extra) add_chunk(png, type, data);
  add_chunk(png, "IDAT", packed.substr(0, packed.size() / 2));
  add_chunk(png, "IDAT", packed.substr(packed.size() / 2));
  add_chunk(png, "tEXt", std::string("Comment\0made for a test", 23));
  add_chunk(png, "IEND", "");
  return png;
}

// What libpng's simplified reader gives: 8-bit samples, alpha last.
std::vector<std::uint8_t> libpng_pixels(const std::string& png, int channels) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_memory(&image, png.data(), png.size()));
  const png_uint_32 formats[] = {PNG_FORMAT_GRAY, PNG_FORMAT_GA, PNG_FORMAT_RGB, PNG_FORMAT_RGBA};
  image.format = formats[channels - 1];
  std::vector<std::uint8_t> pixels(PNG_IMAGE_SIZE(image));
  REQUIRE(png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr));
  png_image_free(&image);
  return pixels;
}

// The reader's colour and alpha joined again, alpha last.
std::vector<std::uint8_t> joined(const RasterImage& image) {
  const std::size_t count = std::size_t(image.width) * std::size_t(image.height);
  const auto colour = std::size_t(image.components);
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i < count; ++i) {
    const auto first = image.data.begin() + std::ptrdiff_t(i * colour);
    out.insert(out.end(), first, first + std::ptrdiff_t(colour));
    if (!image.alpha.empty()) out.push_back(image.alpha[i]);
  }
  return out;
}

}  // namespace

TEST_CASE("Plain PNG: the same pixels as libpng for every filter and kind of pixel", "[symbols][png]") {
  for (int channels = 1; channels <= 4; ++channels) {
    CAPTURE(channels);
    const std::string png = made_png(37, 23, channels, {{"pHYs", std::string(9, '\1')}, {"sRGB", std::string(1, '\0')}});
    const auto plain = symbols::detail::decode_plain_png(png);
    REQUIRE(plain);
    CHECK(plain->width == 37);
    CHECK(plain->height == 23);
    CHECK(plain->components == (channels >= 3 ? 3 : 1));
    CHECK(plain->alpha.empty() == (channels % 2 == 1));
    CHECK(joined(*plain) == libpng_pixels(png, channels));
    // The reader the rest of easyread calls gives the same.
    Diagnostics diags;
    const auto read = symbols::decode_png(png, "photo.png", diags);
    REQUIRE(read);
    CHECK(read->data == plain->data);
    CHECK(read->alpha == plain->alpha);
  }
}

TEST_CASE("Plain PNG: other PNGs and damaged ones are left to libpng", "[symbols][png]") {
  // Gamma changes the colours libpng gives: not plain.
  const std::string gamma = made_png(8, 8, 3, {{"gAMA", std::string("\0\0\xAF\xC8", 4)}});
  CHECK_FALSE(symbols::detail::decode_plain_png(gamma));
  Diagnostics diags;
  CHECK(symbols::decode_png(gamma, "gamma.png", diags));  // libpng still reads it

  // A wrong checksum, a cut-short file, a chunk easyread does not know.
  std::string damaged = made_png(8, 8, 4);
  damaged[damaged.size() - 30] ^= 0x5A;
  CHECK_FALSE(symbols::detail::decode_plain_png(damaged));
  const std::string whole = made_png(8, 8, 4);
  const std::string cut = whole.substr(0, whole.size() / 2);
  CHECK_FALSE(symbols::detail::decode_plain_png(cut));
  CHECK_FALSE(symbols::detail::decode_plain_png(made_png(8, 8, 4, {{"tRNS", std::string(6, '\0')}})));
  Diagnostics bad;
  CHECK_FALSE(symbols::decode_png(cut, "cut.png", bad));
  CHECK(bad.has_errors());
}
