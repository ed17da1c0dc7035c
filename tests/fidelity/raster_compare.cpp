#include "raster_compare.hpp"

#include <cstdlib>
#include <fstream>

#include "symbols/symbols.hpp"

namespace easyread::fidelity {

std::optional<Rgb> read_ppm(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int max_value = 0;
  Rgb out;
  if (!(in >> magic >> out.width >> out.height >> max_value) || magic != "P6" || max_value != 255)
    return std::nullopt;
  in.get();  // the single white space after the header
  out.pixels.resize(std::size_t(out.width) * std::size_t(out.height) * 3);
  if (!in.read(reinterpret_cast<char*>(out.pixels.data()), std::streamsize(out.pixels.size())))
    return std::nullopt;
  return out;
}

std::optional<Rgb> read_png_on_white(const std::string& path) {
  Diagnostics diags;
  const auto image = symbols::read_png(path, diags);
  if (!image) return std::nullopt;
  Rgb out;
  out.width = image->width;
  out.height = image->height;
  const std::size_t count = std::size_t(out.width) * std::size_t(out.height);
  out.pixels.resize(count * 3);
  for (std::size_t i = 0; i < count; ++i) {
    const int alpha = image->alpha.empty() ? 255 : image->alpha[i];
    for (int c = 0; c < 3; ++c) {
      const int v = image->components == 1 ? image->data[i] : image->data[i * 3 + std::size_t(c)];
      out.pixels[i * 3 + std::size_t(c)] = std::uint8_t((v * alpha + 255 * (255 - alpha) + 127) / 255);
    }
  }
  return out;
}

std::optional<double> mean_difference(const Rgb& a, const Rgb& b) {
  if (a.width != b.width || a.height != b.height || a.pixels.empty()) return std::nullopt;
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) total += std::uint64_t(std::abs(int(a.pixels[i]) - int(b.pixels[i])));
  return double(total) / double(a.pixels.size());
}

}  // namespace easyread::fidelity
