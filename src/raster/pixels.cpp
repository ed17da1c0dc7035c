// Pixels joined, made smaller and turned upright.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "raster/raster.hpp"

namespace easyread::raster {
namespace {

// `Colour` samples, then alpha, for each of `count` pixels.
template <std::size_t Colour>
void interleave(const std::uint8_t* samples, const std::uint8_t* alpha, std::size_t count, std::uint8_t* to) {
  for (std::size_t i = 0; i < count; ++i, to += Colour + 1, samples += Colour) {
    for (std::size_t c = 0; c < Colour; ++c) to[c] = samples[c];
    to[Colour] = alpha[i];
  }
}

}  // namespace

Pixels joined_pixels(const RasterImage& image) {
  Pixels out;
  out.width = image.width;
  out.height = image.height;
  const std::size_t count = std::size_t(image.width) * std::size_t(image.height);
  const int colour = image.components;
  if (image.data.size() < count * std::size_t(colour)) return {};
  if (image.alpha.size() != count) {
    out.channels = colour;
    out.data.assign(image.data.begin(), image.data.begin() + std::ptrdiff_t(count * std::size_t(colour)));
    return out;
  }
  out.channels = colour + 1;
  out.alpha = true;
  out.data.resize(count * std::size_t(colour + 1));
  if (colour == 3) interleave<3>(image.data.data(), image.alpha.data(), count, out.data.data());
  else if (colour == 1) interleave<1>(image.data.data(), image.alpha.data(), count, out.data.data());
  else return {};  // pixels are only ever grey or RGB
  return out;
}

namespace {

// The first and last-plus-one old pixel of each new one, along a side of
// `from` pixels made `to` pixels long.
std::vector<int> spans(int from, int to) {
  std::vector<int> edges(std::size_t(to) + 1);
  for (int i = 0; i <= to; ++i) edges[std::size_t(i)] = int(std::int64_t(i) * from / to);
  return edges;
}

// Where a picture's samples are: its colour samples `colour_step` bytes a
// pixel apart, and its alpha (when there is one) `alpha_step` bytes apart.
// One layout for joined pixels and for a decoded PNG's colour and alpha planes.
struct Samples {
  const std::uint8_t* colour;
  std::size_t colour_step;
  const std::uint8_t* alpha;
  std::size_t alpha_step;
  int width, height;
};

// shrunk() for `Colour` colour samples, then alpha when `Alpha`: each old
// pixel is read once, in order, and added to the new pixel that covers it.
// `Sum` holds a new pixel's sums: 32 bits when no sum can pass them.
template <std::size_t Colour, bool Alpha, typename Sum>
void shrink_into(const Samples& in, Pixels& out) {
  constexpr std::size_t N = Alpha ? Colour + 1 : Colour;
  const std::vector<int> xs = spans(in.width, out.width), ys = spans(in.height, out.height);
  const auto width = std::size_t(out.width);
  std::vector<std::uint32_t> column(std::size_t(in.width));  // the new pixel of each old column, times N
  for (std::size_t x = 0; x < width; ++x)
    for (int sx = xs[x]; sx < xs[x + 1]; ++sx) column[std::size_t(sx)] = std::uint32_t(x * N);
  std::vector<Sum> sums(width * N);
  for (std::size_t y = 0; y < std::size_t(out.height); ++y) {
    std::fill(sums.begin(), sums.end(), Sum(0));
    for (int sy = ys[y]; sy < ys[y + 1]; ++sy) {
      const std::size_t first = std::size_t(sy) * std::size_t(in.width);
      const std::uint8_t* c = in.colour + first * in.colour_step;
      const std::uint8_t* a = Alpha ? in.alpha + first * in.alpha_step : nullptr;
      for (std::size_t sx = 0; sx < std::size_t(in.width); ++sx, c += in.colour_step) {
        Sum* sum = &sums[column[sx]];
        const Sum weight = Alpha ? a[sx * in.alpha_step] : 1;
        for (std::size_t k = 0; k < Colour; ++k) sum[k] += c[k] * weight;
        if constexpr (Alpha) sum[Colour] += weight;
      }
    }
    const auto rows = std::uint64_t(ys[y + 1] - ys[y]);
    std::uint8_t* to = &out.data[y * width * N];
    for (std::size_t x = 0; x < width; ++x, to += N) {
      const Sum* sum = &sums[x * N];
      const std::uint64_t area = rows * std::uint64_t(xs[x + 1] - xs[x]);
      const std::uint64_t weights = Alpha ? sum[Colour] : area;
      for (std::size_t k = 0; k < Colour; ++k)
        to[k] = weights > 0 ? static_cast<std::uint8_t>((sum[k] + weights / 2) / weights) : 0;
      if constexpr (Alpha) to[Colour] = static_cast<std::uint8_t>((sum[Colour] + area / 2) / area);
    }
  }
}

template <std::size_t Colour, bool Alpha>
void shrink_into(const Samples& in, Pixels& out) {
  // The largest number of old pixels in a new one, each adding up to 255 * 255.
  const std::uint64_t most = std::uint64_t(in.width / out.width + 1) * std::uint64_t(in.height / out.height + 1);
  if (most * 255 * 255 + 255 * 255 < std::uint64_t(UINT32_MAX)) shrink_into<Colour, Alpha, std::uint32_t>(in, out);
  else shrink_into<Colour, Alpha, std::uint64_t>(in, out);
}

// The picture made smaller, so that its longer side has `longest` pixels:
// each new pixel is the average of the ones it covers, weighted by alpha
// so that see-through pixels do not darken the edges. `colour` is 1 or 3.
Pixels shrunk(const Samples& in, std::size_t colour, bool alpha, int longest) {
  const double scale = double(longest) / std::max(in.width, in.height);
  Pixels out;
  out.channels = int(colour) + alpha;
  out.alpha = alpha;
  out.width = std::max(1, int(in.width * scale + 0.5));
  out.height = std::max(1, int(in.height * scale + 0.5));
  out.data.resize(std::size_t(out.width) * std::size_t(out.height) * std::size_t(out.channels));
  switch (colour * 2 + alpha) {
    case 2: shrink_into<1, false>(in, out); break;
    case 3: shrink_into<1, true>(in, out); break;
    case 6: shrink_into<3, false>(in, out); break;
    case 7: shrink_into<3, true>(in, out); break;
    default: return {};  // no other kind is read
  }
  return out;
}

}  // namespace

Pixels fitted(Pixels pixels, int longest) {
  if (longest <= 0 || std::max(pixels.width, pixels.height) <= longest) return pixels;
  const auto channels = std::size_t(pixels.channels);
  const std::size_t colour = pixels.alpha ? channels - 1 : channels;
  if (colour != 1 && colour != 3) return pixels;  // no other kind is read
  const Samples in{pixels.data.data(), channels, pixels.data.data() + colour, channels, pixels.width, pixels.height};
  return shrunk(in, colour, pixels.alpha, longest);
}

Pixels fitted(const RasterImage& image, int longest) {
  if (longest <= 0 || std::max(image.width, image.height) <= longest) return joined_pixels(image);
  const auto colour = std::size_t(image.components);
  const std::size_t count = std::size_t(image.width) * std::size_t(image.height);
  if ((colour != 1 && colour != 3) || image.data.size() < count * colour) return {};
  const bool alpha = image.alpha.size() == count;
  const Samples in{image.data.data(), colour, alpha ? image.alpha.data() : nullptr, 1, image.width, image.height};
  return shrunk(in, colour, alpha, longest);
}

Pixels upright(const Pixels& in, int orientation) {
  Pixels out;
  out.channels = in.channels;
  const bool swap = orientation >= 5;
  out.width = swap ? in.height : in.width;
  out.height = swap ? in.width : in.height;
  out.data.resize(in.data.size());
  const auto n = std::size_t(in.channels);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      int sx = x, sy = y;  // where the shown pixel (x, y) is stored
      switch (orientation) {
        case 2: sx = in.width - 1 - x; break;
        case 3: sx = in.width - 1 - x; sy = in.height - 1 - y; break;
        case 4: sy = in.height - 1 - y; break;
        case 5: sx = y; sy = x; break;
        case 6: sx = y; sy = in.height - 1 - x; break;
        case 7: sx = in.width - 1 - y; sy = in.height - 1 - x; break;
        case 8: sx = in.width - 1 - y; sy = x; break;
        default: break;
      }
      std::memcpy(&out.data[(std::size_t(y) * std::size_t(out.width) + std::size_t(x)) * n],
                  &in.data[(std::size_t(sy) * std::size_t(in.width) + std::size_t(sx)) * n], n);
    }
  return out;
}

}  // namespace easyread::raster
