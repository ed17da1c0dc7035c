// Reading the two rasters the fidelity test compares.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace easyread::fidelity {

struct Rgb {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // RGB, 8 bits a sample
};

// A binary PPM (P6) as pdftoppm writes it.
std::optional<Rgb> read_ppm(const std::string& path);
// A PNG, put on a white background.
std::optional<Rgb> read_png_on_white(const std::string& path);
// Mean absolute difference over all RGB samples, in 0..255; nullopt if sizes differ.
std::optional<double> mean_difference(const Rgb& a, const Rgb& b);

}  // namespace easyread::fidelity
