#include "word/media.hpp"

#include <jpeglib.h>
#include <png.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <map>
#include <memory>
#include <mutex>

#include "base/drawing_svg.hpp"
#include "word/cache.hpp"
#include "word/libraries.hpp"

namespace easyread::word {

Resources::Resources() : impl_(std::make_unique<Impl>()) {}
Resources::~Resources() = default;

namespace {

constexpr double kDotsPerInch = 300;  // print quality for the PNG fallback
constexpr int kJpegQuality = 90;

struct SurfaceFree {
  const RsvgFunctions* f;
  void operator()(cairo_surface_t* s) const { f->cairo_surface_destroy(s); }
};
struct ContextFree {
  const RsvgFunctions* f;
  void operator()(cairo_t* c) const { f->cairo_destroy(c); }
};
struct HandleFree {
  const RsvgFunctions* f;
  void operator()(RsvgHandle* h) const { f->g_object_unref(h); }
};

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Draws SVG text onto a transparent bitmap of the given size, as PNG bytes.
std::string svg_to_png(const RsvgFunctions& f, const std::string& svg, int width, int height, std::string& error) {
  GError* gerror = nullptr;
  auto fail = [&](const char* fallback) {
    error = gerror ? gerror->message : fallback;
    if (gerror) f.g_error_free(gerror);
    return std::string();
  };
  std::unique_ptr<RsvgHandle, HandleFree> handle(
      f.rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &gerror), HandleFree{&f});
  if (!handle) return fail("librsvg cannot read the picture");
  std::unique_ptr<cairo_surface_t, SurfaceFree> surface(
      f.cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height), SurfaceFree{&f});
  std::unique_ptr<cairo_t, ContextFree> cr(f.cairo_create(surface.get()), ContextFree{&f});
  RsvgRectangle viewport{0, 0, double(width), double(height)};
  if (!f.rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &gerror))
    return fail("librsvg cannot draw the picture");
  std::string png;
  f.cairo_surface_flush(surface.get());
  if (f.cairo_surface_write_to_png_stream(surface.get(), append_bytes, &png) != CAIRO_STATUS_SUCCESS) {
    error = "cairo cannot write the PNG picture";
    return {};
  }
  return png;
}

// 8-bit pixels (grey or RGB, with or without alpha) as PNG bytes, through
// libpng's simplified API (no setjmp needed).
std::string encode_png(int width, int height, int components, const std::vector<std::uint8_t>& data,
                       const std::vector<std::uint8_t>& alpha) {
  const bool has_alpha = !alpha.empty();
  const int channels = components + (has_alpha ? 1 : 0);
  std::vector<std::uint8_t> pixels(std::size_t(width) * std::size_t(height) * std::size_t(channels));
  const std::size_t count = std::size_t(width) * std::size_t(height);
  for (std::size_t at = 0; at < count; ++at) {
    for (int c = 0; c < components; ++c)
      pixels[at * std::size_t(channels) + std::size_t(c)] = data[at * std::size_t(components) + std::size_t(c)];
    if (has_alpha) pixels[at * std::size_t(channels) + std::size_t(components)] = alpha[at];
  }
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = png_uint_32(width);
  image.height = png_uint_32(height);
  image.format = components == 1 ? (has_alpha ? PNG_FORMAT_GA : PNG_FORMAT_GRAY)
                                 : (has_alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB);
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr)) return {};
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&image, out.data(), &size, 0, pixels.data(), 0, nullptr)) return {};
  out.resize(size);
  return out;
}

// As many pixels as symbols::read_png accepts (a 50-megapixel photo).
constexpr std::uint64_t kMostPixelsToTurn = 50'000'000;

struct JpegError {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
};

void jpeg_fail(j_common_ptr info) { std::longjmp(reinterpret_cast<JpegError*>(info->err)->jump, 1); }

// Decodes a JPEG to 8-bit grey or RGB pixels. Every C++ object is made before
// setjmp, so a jump back skips no destructor.
bool decode_jpeg(const std::vector<std::uint8_t>& file, int& width, int& height, int& components,
                 std::vector<std::uint8_t>& pixels) {
  jpeg_decompress_struct info{};
  JpegError error{};
  info.err = jpeg_std_error(&error.manager);
  error.manager.error_exit = jpeg_fail;
  if (setjmp(error.jump)) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, file.data(), static_cast<unsigned long>(file.size()));
  jpeg_read_header(&info, TRUE);
  // The pixels are held whole to turn them: a stranger's photo that claims
  // billions of pixels is refused before any memory is taken for them.
  if (std::uint64_t(info.image_width) * info.image_height > kMostPixelsToTurn) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  info.out_color_space = info.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_start_decompress(&info);
  width = int(info.output_width);
  height = int(info.output_height);
  components = info.output_components;
  pixels.resize(std::size_t(width) * std::size_t(height) * std::size_t(components));
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = pixels.data() + std::size_t(info.output_scanline) * std::size_t(width) * std::size_t(components);
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return true;
}

bool encode_jpeg(int width, int height, int components, const std::vector<std::uint8_t>& pixels,
                 std::string& out) {
  jpeg_compress_struct info{};
  JpegError error{};
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  info.err = jpeg_std_error(&error.manager);
  error.manager.error_exit = jpeg_fail;
  if (setjmp(error.jump)) {
    jpeg_destroy_compress(&info);
    std::free(buffer);
    return false;
  }
  jpeg_create_compress(&info);
  jpeg_mem_dest(&info, &buffer, &size);
  info.image_width = JDIMENSION(width);
  info.image_height = JDIMENSION(height);
  info.input_components = components;
  info.in_color_space = components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, kJpegQuality, TRUE);
  jpeg_start_compress(&info, TRUE);
  while (info.next_scanline < info.image_height) {
    JSAMPROW row = const_cast<std::uint8_t*>(pixels.data()) +
                   std::size_t(info.next_scanline) * std::size_t(width) * std::size_t(components);
    jpeg_write_scanlines(&info, &row, 1);
  }
  jpeg_finish_compress(&info);
  out.assign(reinterpret_cast<const char*>(buffer), size);
  jpeg_destroy_compress(&info);
  std::free(buffer);
  return true;
}

// Turns pixels upright by EXIF orientation (1 upright ... 8), as a viewer would.
std::vector<std::uint8_t> upright(const std::vector<std::uint8_t>& in, int width, int height, int components,
                                  int orientation, int& out_width, int& out_height) {
  const bool swap = orientation >= 5;
  out_width = swap ? height : width;
  out_height = swap ? width : height;
  std::vector<std::uint8_t> out(in.size());
  for (int y = 0; y < out_height; ++y) {
    for (int x = 0; x < out_width; ++x) {
      int sx = x, sy = y;  // the stored pixel shown at (x, y)
      switch (orientation) {
        case 2: sx = width - 1 - x; break;
        case 3: sx = width - 1 - x; sy = height - 1 - y; break;
        case 4: sy = height - 1 - y; break;
        case 5: sx = y; sy = x; break;
        case 6: sx = y; sy = height - 1 - x; break;
        case 7: sx = width - 1 - y; sy = height - 1 - x; break;
        case 8: sx = width - 1 - y; sy = x; break;
        default: break;
      }
      const std::size_t from = (std::size_t(sy) * std::size_t(width) + std::size_t(sx)) * std::size_t(components);
      const std::size_t to = (std::size_t(y) * std::size_t(out_width) + std::size_t(x)) * std::size_t(components);
      for (int c = 0; c < components; ++c) out[to + std::size_t(c)] = in[from + std::size_t(c)];
    }
  }
  return out;
}

PictureFiles photo_files(const RasterImage& image, std::string& error) {
  PictureFiles files;
  files.pixel_width = image.shown_width();
  files.pixel_height = image.shown_height();
  if (image.encoding == RasterImage::Encoding::pixels) {
    files.main = encode_png(image.width, image.height, image.components, image.data, image.alpha);
    files.extension = "png";
  } else if (image.orientation == 1 || image.components == 4) {
    // Upright already (or CMYK, which Word shows as it is): the file as it is.
    files.main.assign(image.data.begin(), image.data.end());
    files.extension = "jpeg";
  } else {
    int width = 0, height = 0, components = 0;
    std::vector<std::uint8_t> pixels;
    if (decode_jpeg(image.data, width, height, components, pixels)) {
      int w = 0, h = 0;
      auto turned = upright(pixels, width, height, components, image.orientation, w, h);
      if (!encode_jpeg(w, h, components, turned, files.main)) files.main.clear();
    }
    files.extension = "jpeg";
  }
  if (files.main.empty())
    error = "the photo is too big or damaged. Make it smaller, for example 2000 pixels wide, and save it again";
  return files;
}

PictureFiles symbol_files(const Picture& picture, const Drawing& drawing, double box_points,
                          Resources& cache, std::string& error) {
  const double aspect = picture.aspect();
  const double shown_w = aspect >= 1 ? box_points : box_points * aspect;
  const double shown_h = aspect >= 1 ? box_points / aspect : box_points;
  const int px_w = std::max(1, int(std::lround(shown_w / 72 * kDotsPerInch)));
  const int px_h = std::max(1, int(std::lround(shown_h / 72 * kDotsPerInch)));
  const std::string key = picture.key + "@" + std::to_string(px_w) + "x" + std::to_string(px_h);
  auto& impl = cache.impl();
  {
    std::lock_guard<std::mutex> lock(impl.mutex);
    auto it = impl.symbols.find(key);
    if (it != impl.symbols.end()) return it->second;
  }
  PictureFiles files;
  files.svg = drawing_to_svg(drawing);
  const Libraries& libraries = impl.libraries();
  if (!libraries.error.empty()) {
    error = libraries.error;
    return files;
  }
  files.main = svg_to_png(libraries.rsvg, files.svg, px_w, px_h, error);
  files.extension = "png";
  files.pixel_width = px_w;
  files.pixel_height = px_h;
  if (files.main.empty()) return files;
  std::lock_guard<std::mutex> lock(impl.mutex);
  impl.symbols.emplace(key, files);
  return files;
}

}  // namespace

PictureFiles picture_files(const Picture& picture, double box_points, Resources& cache,
                           std::string& error) {
  if (const auto* drawing = std::get_if<Drawing>(&picture.content))
    return symbol_files(picture, *drawing, box_points, cache, error);
  return photo_files(std::get<RasterImage>(picture.content), error);
}

}  // namespace easyread::word
