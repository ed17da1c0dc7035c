// Big PNG pictures read row by row and made smaller as they are read, so
// the whole picture is never in memory: a 49-megapixel PNG took 589 MB.
// libpng's simplified reader cannot do this, so this uses its row reader.
#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstring>
#include <vector>

#include "symbols/png_reduced.hpp"

namespace easyread::symbols::detail {
namespace {

struct Reader {
  const std::string* bytes = nullptr;
  std::size_t at = 0;
  char message[200] = "";
};

void read_bytes(png_structp png, png_bytep to, png_size_t count) {
  auto* reader = static_cast<Reader*>(png_get_io_ptr(png));
  if (reader->bytes->size() - reader->at < count) png_error(png, "the file is cut short");
  std::memcpy(to, reader->bytes->data() + reader->at, count);
  reader->at += count;
}

void on_error(png_structp png, png_const_charp message) {
  auto* reader = static_cast<Reader*>(png_get_error_ptr(png));
  std::snprintf(reader->message, sizeof reader->message, "%s", message);
  png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

// The first and last-plus-one old pixel of each new one, along a side of
// `from` pixels made `to` pixels long.
std::vector<std::uint32_t> spans(std::uint32_t from, std::uint32_t to) {
  std::vector<std::uint32_t> edges(std::size_t(to) + 1);
  for (std::uint32_t i = 0; i <= to; ++i) edges[i] = std::uint32_t(std::uint64_t(i) * from / to);
  return edges;
}

// The rows are read into `row` and summed into `sums`; every C++ object is
// made before setjmp, so a jump back skips no destructor.
struct Work {
  std::vector<std::uint8_t> row;
  std::vector<std::uint64_t> sums;
  std::vector<std::uint32_t> xs, ys;
  std::vector<std::uint8_t> out;  // the smaller picture, channels side by side
};

// Reads the `height` rows of an open PNG (header read, transformations set)
// into work.out (`new_width` pixels wide), `channels` a pixel, alpha last when `alpha`.
bool read_reduced(png_structp png, png_infop info, Work& work, std::uint32_t height, std::uint32_t new_width,
                  int channels, bool alpha) {
  if (setjmp(png_jmpbuf(png))) return false;
  const int colour = alpha ? channels - 1 : channels;
  std::size_t y_out = 0;
  for (std::uint32_t y = 0; y < height; ++y) {
    png_read_row(png, work.row.data(), nullptr);
    const std::uint8_t* p = work.row.data();
    for (std::uint32_t x = 0; x < new_width; ++x) {
      std::uint64_t* sum = &work.sums[std::size_t(x) * std::size_t(channels)];
      for (std::uint32_t sx = work.xs[x]; sx < work.xs[x + 1]; ++sx, p += channels) {
        const std::uint64_t weight = alpha ? p[colour] : 1;  // clear pixels do not darken the edges
        for (int c = 0; c < colour; ++c) sum[c] += p[c] * weight;
        if (alpha) sum[colour] += weight;
      }
    }
    if (y + 1 != work.ys[y_out + 1]) continue;
    // The last old row of this new row: average and start again.
    const std::uint64_t rows = work.ys[y_out + 1] - work.ys[y_out];
    std::uint8_t* to = &work.out[y_out * new_width * std::size_t(channels)];
    for (std::uint32_t x = 0; x < new_width; ++x, to += channels) {
      std::uint64_t* sum = &work.sums[std::size_t(x) * std::size_t(channels)];
      const std::uint64_t area = rows * (work.xs[x + 1] - work.xs[x]);
      const std::uint64_t weights = alpha ? sum[colour] : area;
      for (int c = 0; c < colour; ++c) to[c] = weights > 0 ? std::uint8_t((sum[c] + weights / 2) / weights) : 0;
      if (alpha) to[colour] = std::uint8_t((sum[colour] + area / 2) / area);
    }
    std::fill(work.sums.begin(), work.sums.end(), 0);
    ++y_out;
  }
  png_read_end(png, info);
  return true;
}

struct Header {
  std::uint32_t width = 0, height = 0;
  int channels = 0;
  bool alpha = false, interlaced = false;
};

// Reads the header and asks for 8-bit grey or RGB samples, with alpha when
// the picture has any.
bool read_header(png_structp png, png_infop info, Header& h) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_read_fn(png, png_get_error_ptr(png), read_bytes);
  png_read_info(png, info);
  h.width = png_get_image_width(png, info);
  h.height = png_get_image_height(png, info);
  h.interlaced = png_get_interlace_type(png, info) != PNG_INTERLACE_NONE;
  png_set_expand(png);
  png_set_strip_16(png);
  png_read_update_info(png, info);
  h.channels = png_get_channels(png, info);
  h.alpha = (png_get_color_type(png, info) & PNG_COLOR_MASK_ALPHA) != 0;
  return true;
}

}  // namespace

std::optional<RasterImage> decode_png_reduced(const std::string& bytes, int longest, std::string& why) {
  Reader reader;
  reader.bytes = &bytes;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &reader, on_error, on_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (info == nullptr) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    why = "there was not enough memory";
    return std::nullopt;
  }
  Work work;
  Header h;
  if (!read_header(png, info, h)) {
    png_destroy_read_struct(&png, &info, nullptr);
    why = reader.message;
    return std::nullopt;
  }
  const std::uint32_t width = h.width, height = h.height;
  const int channels = h.channels;
  const bool alpha = h.alpha;
  if (h.interlaced) {  // its rows come in 7 passes: it cannot be made smaller row by row
    png_destroy_read_struct(&png, &info, nullptr);
    why = "it is a very big interlaced PNG picture";
    return std::nullopt;
  }
  const double scale = double(longest) / std::max(width, height);
  const auto new_width = std::uint32_t(std::max(1.0, width * scale + 0.5));
  const auto new_height = std::uint32_t(std::max(1.0, height * scale + 0.5));
  work.row.resize(png_get_rowbytes(png, info));
  work.sums.assign(std::size_t(new_width) * std::size_t(channels), 0);
  work.xs = spans(width, new_width);
  work.ys = spans(height, new_height);
  work.out.resize(std::size_t(new_width) * new_height * std::size_t(channels));
  const bool read = read_reduced(png, info, work, height, new_width, channels, alpha);
  png_destroy_read_struct(&png, &info, nullptr);
  if (!read) {
    why = reader.message;
    return std::nullopt;
  }
  RasterImage out;
  out.encoding = RasterImage::Encoding::pixels;
  out.width = int(new_width);
  out.height = int(new_height);
  out.components = alpha ? channels - 1 : channels;
  if (!alpha) {
    out.data = std::move(work.out);
    return out;
  }
  // Colour and alpha apart, as the PDF keeps them.
  const std::size_t count = std::size_t(new_width) * new_height;
  const auto colour = std::size_t(out.components);
  out.data.resize(count * colour);
  out.alpha.resize(count);
  bool any_clear = false;
  for (std::size_t i = 0; i < count; ++i) {
    std::memcpy(&out.data[i * colour], &work.out[i * std::size_t(channels)], colour);
    out.alpha[i] = work.out[i * std::size_t(channels) + colour];
    any_clear = any_clear || out.alpha[i] != 255;
  }
  if (!any_clear) out.alpha.clear();
  return out;
}

}  // namespace easyread::symbols::detail
