// Pixels joined, made smaller and turned upright.
#include <algorithm>
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

// shrunk() for N channels, the last of them alpha when `Alpha`: each old
// pixel is read once, and the channel loops unroll.
template <std::size_t N, bool Alpha>
void shrink_into(const Pixels& in, Pixels& out) {
  constexpr std::size_t colour = Alpha ? N - 1 : N;
  const std::vector<int> xs = spans(in.width, out.width), ys = spans(in.height, out.height);
  const auto width = std::size_t(out.width);
  std::vector<std::uint64_t> sums(width * N);
  for (std::size_t y = 0; y < std::size_t(out.height); ++y) {
    std::fill(sums.begin(), sums.end(), 0);
    for (int sy = ys[y]; sy < ys[y + 1]; ++sy) {
      const std::uint8_t* p = &in.data[std::size_t(sy) * std::size_t(in.width) * N];
      for (std::size_t x = 0; x < width; ++x) {
        std::uint64_t* sum = &sums[x * N];
        for (int sx = xs[x]; sx < xs[x + 1]; ++sx, p += N) {
          const std::uint64_t weight = Alpha ? p[colour] : 1;
          for (std::size_t c = 0; c < colour; ++c) sum[c] += p[c] * weight;
          if constexpr (Alpha) sum[colour] += weight;
        }
      }
    }
    const auto rows = std::uint64_t(ys[y + 1] - ys[y]);
    std::uint8_t* to = &out.data[y * width * N];
    for (std::size_t x = 0; x < width; ++x, to += N) {
      const std::uint64_t* sum = &sums[x * N];
      const std::uint64_t area = rows * std::uint64_t(xs[x + 1] - xs[x]);
      const std::uint64_t weights = Alpha ? sum[colour] : area;
      for (std::size_t c = 0; c < colour; ++c)
        to[c] = weights > 0 ? static_cast<std::uint8_t>((sum[c] + weights / 2) / weights) : 0;
      if constexpr (Alpha) to[colour] = static_cast<std::uint8_t>((sum[colour] + area / 2) / area);
    }
  }
}

// The picture made smaller, so that its longer side has `longest` pixels:
// each new pixel is the average of the ones it covers, weighted by alpha
// so that see-through pixels do not darken the edges.
Pixels shrunk(const Pixels& in, int longest) {
  const double scale = double(longest) / std::max(in.width, in.height);
  Pixels out;
  out.channels = in.channels;
  out.alpha = in.alpha;
  out.width = std::max(1, int(in.width * scale + 0.5));
  out.height = std::max(1, int(in.height * scale + 0.5));
  out.data.resize(std::size_t(out.width) * std::size_t(out.height) * std::size_t(out.channels));
  switch (in.channels * 2 + in.alpha) {
    case 2: shrink_into<1, false>(in, out); break;
    case 5: shrink_into<2, true>(in, out); break;
    case 6: shrink_into<3, false>(in, out); break;
    case 9: shrink_into<4, true>(in, out); break;
    default: return in;  // no other kind is read
  }
  return out;
}

}  // namespace

Pixels fitted(Pixels pixels, int longest) {
  if (longest <= 0 || std::max(pixels.width, pixels.height) <= longest) return pixels;
  return shrunk(pixels, longest);
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
