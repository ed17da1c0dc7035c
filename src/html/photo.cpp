// Photos as data: addresses. PNG pictures were decoded (for the PDF), so
// they are packed again as PNG; JPEG files go in as they are, unless their
// EXIF orientation says to turn them: then the pixels are turned and packed
// again, so that every browser and mail program shows them upright.
#include <zlib.h>
#include <stdio.h>  // jpeglib.h needs FILE first
#include <jpeglib.h>

#include <csetjmp>
#include <cstring>

#include "html/internal.hpp"

namespace easyread::html {
namespace {

// The same sharpness as a good camera's own files.
constexpr int kJpegQuality = 90;

void put32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void chunk(std::string& out, const char* type, const std::string& data) {
  put32(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t start = out.size();
  out += type;
  out += data;
  const auto* bytes = reinterpret_cast<const Bytef*>(out.data() + start);
  put32(out, static_cast<std::uint32_t>(crc32(0, bytes, static_cast<uInt>(out.size() - start))));
}

// A PNG written directly with zlib: every row with the "up" filter, which
// suits photos and drawings alike. libpng's writer tried every filter on
// every row and took most of a web page's build time.
std::string png_bytes(int width, int height, int channels, const std::uint8_t* pixels) {
  const std::size_t row = std::size_t(width) * std::size_t(channels);
  std::vector<std::uint8_t> filtered((row + 1) * std::size_t(height));
  for (std::size_t y = 0; y < std::size_t(height); ++y) {
    std::uint8_t* to = filtered.data() + y * (row + 1);
    *to++ = 2;  // up: each byte minus the one above it
    const std::uint8_t* line = pixels + y * row;
    if (y == 0) std::memcpy(to, line, row);
    else for (std::size_t x = 0; x < row; ++x) to[x] = static_cast<std::uint8_t>(line[x] - line[x - row]);
  }
  uLongf size = compressBound(static_cast<uLong>(filtered.size()));
  std::string packed(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size, filtered.data(), static_cast<uLong>(filtered.size()),
                Z_DEFAULT_COMPRESSION) != Z_OK)
    return {};
  packed.resize(size);
  std::string header;
  put32(header, static_cast<std::uint32_t>(width));
  put32(header, static_cast<std::uint32_t>(height));
  static constexpr char kColourTypes[] = {0, 0, 4, 2, 6};  // by channels: grey, grey+alpha, RGB, RGBA
  header += '\x08';
  header += kColourTypes[channels];
  header.append(3, '\0');  // deflate, adaptive filters, no interlace
  std::string out = "\x89PNG\r\n\x1a\n";
  chunk(out, "IHDR", header);
  chunk(out, "IDAT", packed);
  chunk(out, "IEND", "");
  return out;
}

// Colour (or grey) samples and alpha side by side, as PNG wants them.
std::string png_from_raster(const RasterImage& image) {
  const std::size_t count = std::size_t(image.width) * std::size_t(image.height);
  const int colour = image.components;
  if (image.data.size() < count * std::size_t(colour)) return {};
  if (image.alpha.size() != count) return png_bytes(image.width, image.height, colour, image.data.data());
  std::vector<std::uint8_t> joined;
  joined.reserve(count * std::size_t(colour + 1));
  for (std::size_t i = 0; i < count; ++i) {
    for (int c = 0; c < colour; ++c) joined.push_back(image.data[i * std::size_t(colour) + std::size_t(c)]);
    joined.push_back(image.alpha[i]);
  }
  return png_bytes(image.width, image.height, colour + 1, joined.data());
}

// libjpeg reports errors by calling this; it jumps back instead of exiting.
struct JpegError {
  jpeg_error_mgr manager;
  std::jmp_buf back;
};
[[noreturn]] void jpeg_failed(j_common_ptr info) { std::longjmp(reinterpret_cast<JpegError*>(info->err)->back, 1); }

struct Pixels {
  int width = 0, height = 0, channels = 3;
  std::vector<std::uint8_t> data;
};

// Decoding in its own function keeps longjmp away from objects with destructors.
bool decode_jpeg(const std::vector<std::uint8_t>& file, Pixels& out) {
  jpeg_decompress_struct info;
  JpegError error;
  info.err = jpeg_std_error(&error.manager);
  error.manager.error_exit = jpeg_failed;
  if (setjmp(error.back)) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, file.data(), static_cast<unsigned long>(file.size()));
  jpeg_read_header(&info, TRUE);
  info.out_color_space = info.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_start_decompress(&info);
  out.width = static_cast<int>(info.output_width);
  out.height = static_cast<int>(info.output_height);
  out.channels = static_cast<int>(info.output_components);
  out.data.resize(std::size_t(out.width) * std::size_t(out.height) * std::size_t(out.channels));
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = out.data.data() + std::size_t(info.output_scanline) * std::size_t(out.width) * std::size_t(out.channels);
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return true;
}

bool encode_jpeg(const Pixels& in, unsigned char** buffer, unsigned long* size) {
  jpeg_compress_struct info;
  JpegError error;
  info.err = jpeg_std_error(&error.manager);
  error.manager.error_exit = jpeg_failed;
  if (setjmp(error.back)) {
    jpeg_destroy_compress(&info);
    return false;
  }
  jpeg_create_compress(&info);
  jpeg_mem_dest(&info, buffer, size);
  info.image_width = static_cast<JDIMENSION>(in.width);
  info.image_height = static_cast<JDIMENSION>(in.height);
  info.input_components = in.channels;
  info.in_color_space = in.channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, kJpegQuality, TRUE);
  jpeg_start_compress(&info, TRUE);
  while (info.next_scanline < info.image_height) {
    JSAMPROW row = const_cast<std::uint8_t*>(in.data.data()) +
                   std::size_t(info.next_scanline) * std::size_t(in.width) * std::size_t(in.channels);
    jpeg_write_scanlines(&info, &row, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  return true;
}

// The pixels as the reader should see them, for EXIF orientations 2 to 8.
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

std::string turned_jpeg(const RasterImage& image) {
  Pixels stored;
  if (!decode_jpeg(image.data, stored)) return {};
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  const bool ok = encode_jpeg(upright(stored, image.orientation), &buffer, &size);
  std::string out = ok && buffer != nullptr ? std::string(reinterpret_cast<char*>(buffer), size) : std::string();
  std::free(buffer);
  return out;
}

}  // namespace

std::string photo_data_url(const RasterImage& image) {
  if (image.encoding == RasterImage::Encoding::pixels) {
    const std::string png = png_from_raster(image);
    return png.empty() ? std::string() : "data:image/png;base64," + base64(png);
  }
  if (image.orientation <= 1 || image.orientation > 8) {
    const std::string_view bytes(reinterpret_cast<const char*>(image.data.data()), image.data.size());
    return "data:image/jpeg;base64," + base64(bytes);
  }
  const std::string jpeg = turned_jpeg(image);
  return jpeg.empty() ? std::string() : "data:image/jpeg;base64," + base64(jpeg);
}

}  // namespace easyread::html
