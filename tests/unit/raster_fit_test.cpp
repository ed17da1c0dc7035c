// A decoded picture made smaller straight from its colour and alpha gives
// the same pixels as joining them first and making that smaller.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "raster/raster.hpp"

using namespace easyread;

namespace {

// A made-up picture: `components` colour samples a pixel, and alpha (some
// of it clear, some part clear) when `with_alpha`.
RasterImage picture(int width, int height, int components, bool with_alpha) {
  RasterImage image;
  image.width = width;
  image.height = height;
  image.components = components;
  std::uint32_t seed = 7;
  auto next = [&] {
    seed = seed * 1103515245 + 12345;
    return std::uint8_t(seed >> 16);
  };
  image.data.resize(std::size_t(width * height * components));
  for (auto& sample : image.data) sample = next();
  if (with_alpha) {
    image.alpha.resize(std::size_t(width * height));
    for (std::size_t i = 0; i < image.alpha.size(); ++i) image.alpha[i] = i % 7 == 0 ? 0 : i % 5 == 0 ? next() : 255;
  }
  return image;
}

// The rule written plainly: each new pixel is the average of the old
// pixels it covers (old pixels i * from / to up to (i + 1) * from / to),
// its colour weighted by alpha, rounded to the nearest.
raster::Pixels plain_average(const raster::Pixels& in, int width, int height) {
  raster::Pixels out = in;
  out.width = width;
  out.height = height;
  const int n = in.channels, colour = in.alpha ? n - 1 : n;
  out.data.assign(std::size_t(width * height * n), 0);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      std::vector<std::uint64_t> sum(std::size_t(n), 0);
      std::uint64_t area = 0;
      for (int sy = y * in.height / height; sy < (y + 1) * in.height / height; ++sy)
        for (int sx = x * in.width / width; sx < (x + 1) * in.width / width; ++sx, ++area) {
          const std::uint8_t* p = &in.data[std::size_t((sy * in.width + sx) * n)];
          const std::uint64_t weight = in.alpha ? p[colour] : 1;
          for (int c = 0; c < colour; ++c) sum[std::size_t(c)] += p[c] * weight;
          if (in.alpha) sum[std::size_t(colour)] += weight;
        }
      std::uint8_t* to = &out.data[std::size_t((y * width + x) * n)];
      const std::uint64_t weights = in.alpha ? sum[std::size_t(colour)] : area;
      for (int c = 0; c < colour; ++c)
        to[c] = weights ? std::uint8_t((sum[std::size_t(c)] + weights / 2) / weights) : 0;
      if (in.alpha) to[colour] = std::uint8_t((sum[std::size_t(colour)] + area / 2) / area);
    }
  return out;
}

}  // namespace

TEST_CASE("raster: a photo made smaller from its colour and alpha equals joining them first", "[raster]") {
  for (int components : {1, 3})
    for (bool alpha : {false, true})
      for (int longest : {0, 1, 37, 60, 200}) {
        CAPTURE(components, alpha, longest);
        const RasterImage image = picture(101, 64, components, alpha);
        const raster::Pixels direct = raster::fitted(image, longest);
        const raster::Pixels joined = raster::fitted(raster::joined_pixels(image), longest);
        CHECK(direct.width == joined.width);
        CHECK(direct.height == joined.height);
        CHECK(direct.channels == joined.channels);
        CHECK(direct.alpha == joined.alpha);
        CHECK(direct.data == joined.data);
        if (longest > 0 && longest < 101) {
          CHECK(direct.width == longest);
          CHECK(direct.data == plain_average(raster::joined_pixels(image), direct.width, direct.height).data);
        }
      }
}
