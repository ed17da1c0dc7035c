// Photos as data: addresses. PNG pictures were decoded (for the PDF), so
// they are packed again as PNG; JPEG files go in as they are, unless their
// EXIF orientation says to turn them: then the pixels are turned and packed
// again, so that every browser and mail program shows them upright. A photo
// with far more pixels than the page shows is made smaller first.
#include <zlib.h>
#include <stdio.h>  // jpeglib.h needs FILE first
#include <jpeglib.h>

#include <algorithm>
#include <cstdlib>
#include <csetjmp>
#include <cstring>

#include "html/internal.hpp"

namespace easyread::html {
namespace {

// The same sharpness as a good camera's own files.
constexpr int kJpegQuality = 90;

struct Pixels {
  int width = 0, height = 0, channels = 3;  // with alpha last, when there is one
  bool alpha = false;
  std::vector<std::uint8_t> data;
};

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

// Each row of a PNG with the filter that leaves the smaller differences
// (libpng's rule of thumb): "up" suits smooth photos, "sub" flat drawings.
// Paeth, tried too, saved under 1% and took a tenth of the page's time.
// `row` bytes a line, `step` bytes a pixel; above the first row are zeros.
void filter_row(const std::uint8_t* line, const std::uint8_t* above, std::size_t row, std::size_t step,
                std::uint8_t* to) {
  auto cost = [](int difference) { return std::uint32_t(std::abs(static_cast<std::int8_t>(difference))); };
  const std::size_t start = std::min(step, row);
  std::uint64_t sub = 0, up = 0;
  for (std::size_t x = 0; x < start; ++x) sub += cost(line[x]);
  for (std::size_t x = start; x < row; ++x) sub += cost(line[x] - line[x - step]);
  for (std::size_t x = 0; x < row; ++x) up += cost(line[x] - above[x]);
  std::uint8_t* out = to + 1;
  if (up <= sub) {
    to[0] = 2;
    for (std::size_t x = 0; x < row; ++x) out[x] = static_cast<std::uint8_t>(line[x] - above[x]);
  } else {
    to[0] = 1;
    for (std::size_t x = 0; x < start; ++x) out[x] = line[x];
    for (std::size_t x = start; x < row; ++x) out[x] = static_cast<std::uint8_t>(line[x] - line[x - step]);
  }
}

// zlib data of filtered PNG rows. Runs of the same byte are most of what
// filters leave, and looking only for those (Z_RLE) packs this as small as
// zlib's usual search, in a third of the time.
std::string deflated(const std::vector<std::uint8_t>& filtered) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK) return {};
  std::string packed(deflateBound(&stream, static_cast<uLong>(filtered.size())), '\0');
  stream.next_in = const_cast<Bytef*>(filtered.data());
  stream.avail_in = static_cast<uInt>(filtered.size());
  stream.next_out = reinterpret_cast<Bytef*>(packed.data());
  stream.avail_out = static_cast<uInt>(packed.size());
  const bool whole = deflate(&stream, Z_FINISH) == Z_STREAM_END;
  packed.resize(stream.total_out);
  deflateEnd(&stream);
  return whole ? packed : std::string();
}

// A PNG written directly with zlib. libpng's writer took most of a web
// page's build time.
std::string png_bytes(const Pixels& image) {
  const int width = image.width, height = image.height, channels = image.channels;
  const std::uint8_t* pixels = image.data.data();
  if (image.data.empty()) return {};
  const std::size_t row = std::size_t(width) * std::size_t(channels);
  std::vector<std::uint8_t> filtered((row + 1) * std::size_t(height)), zeros(row);
  for (std::size_t y = 0; y < std::size_t(height); ++y)
    filter_row(pixels + y * row, y == 0 ? zeros.data() : pixels + (y - 1) * row, row, std::size_t(channels),
               filtered.data() + y * (row + 1));
  const std::string packed = deflated(filtered);
  if (packed.empty()) return {};
  std::string header;
  put32(header, static_cast<std::uint32_t>(width));
  put32(header, static_cast<std::uint32_t>(height));
  header += '\x08';
  header += image.alpha ? (channels == 2 ? '\x04' : '\x06') : (channels == 1 ? '\x00' : '\x02');
  header.append(3, '\0');  // deflate, adaptive filters, no interlace
  std::string out = "\x89PNG\r\n\x1a\n";
  chunk(out, "IHDR", header);
  chunk(out, "IDAT", packed);
  chunk(out, "IEND", "");
  return out;
}

// `Colour` samples, then alpha, for each of `count` pixels.
template <std::size_t Colour>
void interleave(const std::uint8_t* samples, const std::uint8_t* alpha, std::size_t count, std::uint8_t* to) {
  for (std::size_t i = 0; i < count; ++i, to += Colour + 1, samples += Colour) {
    for (std::size_t c = 0; c < Colour; ++c) to[c] = samples[c];
    to[Colour] = alpha[i];
  }
}

// Colour (or grey) samples and alpha side by side, as PNG wants them.
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

// Smaller when the picture has more pixels than `longest` (0: any size).
Pixels fitted(Pixels pixels, int longest) {
  if (longest <= 0 || std::max(pixels.width, pixels.height) <= longest) return pixels;
  return shrunk(pixels, longest);
}

// libjpeg reports errors by calling this; it jumps back instead of exiting.
struct JpegError {
  jpeg_error_mgr manager;
  std::jmp_buf back;
};
[[noreturn]] void jpeg_failed(j_common_ptr info) { std::longjmp(reinterpret_cast<JpegError*>(info->err)->back, 1); }


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

// The JPEG upright and no larger than `longest` pixels, packed again.
std::string redone_jpeg(const RasterImage& image, int longest) {
  Pixels stored;
  if (!decode_jpeg(image.data, stored)) return {};
  if (image.orientation > 1 && image.orientation <= 8) stored = upright(stored, image.orientation);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  const bool ok = encode_jpeg(fitted(std::move(stored), longest), &buffer, &size);
  std::string out = ok && buffer != nullptr ? std::string(reinterpret_cast<char*>(buffer), size) : std::string();
  std::free(buffer);
  return out;
}

}  // namespace

std::string photo_data_url(const RasterImage& image, int longest) {
  if (image.encoding == RasterImage::Encoding::pixels) {
    const std::string png = png_bytes(fitted(joined_pixels(image), longest));
    return png.empty() ? std::string() : "data:image/png;base64," + base64(png);
  }
  const bool stands_upright = image.orientation <= 1 || image.orientation > 8;
  const bool small = longest <= 0 || std::max(image.width, image.height) <= longest;
  if (stands_upright && small) {
    const std::string_view bytes(reinterpret_cast<const char*>(image.data.data()), image.data.size());
    return "data:image/jpeg;base64," + base64(bytes);
  }
  const std::string jpeg = redone_jpeg(image, longest);
  return jpeg.empty() ? std::string() : "data:image/jpeg;base64," + base64(jpeg);
}

}  // namespace easyread::html
