// The PNG pictures of drawn symbols (the Word file's fallbacks), read back
// with libpng through the symbol reader.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "raster/raster.hpp"
#include "symbols/symbols.hpp"

using namespace easyread;

namespace {

// One of cairo's premultiplied ARGB words.
std::uint32_t argb(std::uint32_t a, std::uint32_t r, std::uint32_t g, std::uint32_t b) {
  return a << 24 | r << 16 | g << 8 | b;
}

}  // namespace

TEST_CASE("PNG of a drawing: clear, solid and part-clear pixels keep their straight colours", "[raster]") {
  // 13 pixels a row: one block of 8 and 5 left over, so that both ways
  // through a row are read back. Row 0 is all clear or solid; row 1 has a
  // part-clear pixel in the block, row 2 in the pixels left over.
  const int width = 13, height = 3;
  std::vector<std::uint32_t> pixels(width * height, 0);
  for (int x = 0; x < width; ++x) pixels[x] = x % 2 ? argb(255, 200, 30, 10) : 0;
  pixels[width + 3] = argb(128, 0, 128, 64);      // half clear: straight green 255, blue 128
  pixels[width + 4] = argb(255, 0, 0, 255);       // solid blue beside it
  pixels[2 * width + 11] = argb(51, 20, 10, 51);  // a fifth: straight 100, 50, 255
  const std::string png = raster::drawing_png_bytes(pixels, width, height);
  REQUIRE(!png.empty());

  Diagnostics diags;
  const auto image = symbols::decode_png(png, "drawing.png", diags);
  REQUIRE(image);
  REQUIRE(image->width == width);
  REQUIRE(image->height == height);
  REQUIRE(image->components == 3);
  REQUIRE(image->alpha.size() == std::size_t(width * height));
  auto rgb = [&](int x, int y) {
    const std::size_t at = std::size_t(y * width + x) * 3;
    return std::vector<int>{image->data[at], image->data[at + 1], image->data[at + 2]};
  };
  auto alpha = [&](int x, int y) { return int(image->alpha[std::size_t(y * width + x)]); };

  for (int x = 0; x < width; ++x) {
    CHECK(alpha(x, 0) == (x % 2 ? 255 : 0));
    if (x % 2) CHECK(rgb(x, 0) == std::vector<int>{200, 30, 10});
  }
  CHECK(alpha(3, 1) == 128);
  CHECK(rgb(3, 1) == std::vector<int>{0, 255, 128});
  CHECK(alpha(4, 1) == 255);
  CHECK(rgb(4, 1) == std::vector<int>{0, 0, 255});
  CHECK(alpha(0, 1) == 0);
  CHECK(alpha(11, 2) == 51);
  CHECK(rgb(11, 2) == std::vector<int>{100, 50, 255});
  CHECK(alpha(12, 2) == 0);
}

TEST_CASE("PNG of a drawing: a size that does not match its pixels gives no picture", "[raster]") {
  const std::vector<std::uint32_t> pixels(10, 0);
  CHECK(raster::drawing_png_bytes(pixels, 4, 3).empty());
  CHECK(raster::drawing_png_bytes(pixels, 0, 10).empty());
  CHECK(!raster::drawing_png_bytes(pixels, 5, 2).empty());
}
