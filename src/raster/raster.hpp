// Pixels of photos and drawn symbols, shared by the web page and the Word
// file: PNG written with zlib, JPEG read and written with libjpeg, pictures
// turned upright from their EXIF orientation and made smaller.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "base/graphics.hpp"

namespace easyread::raster {

// 8-bit samples, row after row, channels side by side (alpha last).
struct Pixels {
  int width = 0, height = 0, channels = 3;  // with alpha last, when there is one
  bool alpha = false;
  std::vector<std::uint8_t> data;
};

// A PNG of the pixels (grey or RGB, with or without alpha); empty on failure.
// Each row gets PNG's "up" or "sub" filter, which packs photos far smaller.
std::string png_bytes(const Pixels& image);

// A PNG (straight RGBA) of a drawing in cairo's premultiplied ARGB words
// (native byte order, rows with no padding). Its rows are left unfiltered:
// a drawing is flat colour, and deflate finds the row above by itself, which
// packs smaller than filters and costs nothing. Empty on failure.
std::string drawing_png_bytes(const std::vector<std::uint32_t>& argb, int width, int height);

// A decoded picture's colour (or grey) samples and alpha side by side.
Pixels joined_pixels(const RasterImage& image);

// Smaller when the picture has more pixels than `longest` on its longer
// side (0: any size): each new pixel is the average of the ones it covers.
Pixels fitted(Pixels pixels, int longest);
// joined_pixels(image), then fitted(), but read straight from the decoded
// picture's colour and alpha, without joining all of its pixels first.
Pixels fitted(const RasterImage& image, int longest);

// The pixels as the reader should see them, for EXIF orientations 2 to 8.
Pixels upright(const Pixels& in, int orientation);

// A JPEG file's pixels (grey or RGB). False if it is damaged, or has more
// than `most_pixels` pixels (0: no limit) before any memory is taken for them.
// With `longest` > 0, libjpeg decodes at 1/2, 1/4 or 1/8 of the size when the
// longer side still has at least `longest` pixels, so a big photo never
// takes its full size in memory.
bool decode_jpeg(const std::vector<std::uint8_t>& file, Pixels& out, std::uint64_t most_pixels = 0, int longest = 0);

// The pixels as a JPEG file of quality 90 (a good camera's own); empty on failure.
std::string encode_jpeg(const Pixels& in);

}  // namespace easyread::raster
